import { describe, expect, it } from "vitest";
import { KERNEL_NAME, KERNEL_SPEC } from "./kernelspec";

describe("kernelspec", () => {
  it("is the nki spec issue 6 asks for, with message-based interrupts", () => {
    expect(KERNEL_NAME).toBe("nki");
    expect(KERNEL_SPEC).toMatchObject({ display_name: "NKI (Trainium simulator)", language: "python", interrupt_mode: "message" });
  });
});

import { describe, expect, it } from "vitest";
import { getKernelspec, listKernelspecs } from "./kernelspecs";

describe("kernelspec metadata", () => {
  it("names the server's default target, which KERNEL_LAB_DEFAULT_TARGET can change", () => {
    const listed = listKernelspecs("trn3").body as { kernelspecs: { nki: { spec: { metadata: unknown } } } };
    expect(listed.kernelspecs.nki.spec.metadata).toEqual({ kernel_lab: { targets: ["trn1", "trn2", "trn3"], default_target: "trn3" } });
    expect(getKernelspec("nki", "trn1").body).toMatchObject({ spec: { metadata: { kernel_lab: { default_target: "trn1" } } } });
  });

  it("rejects kernel names other than nki with 404", () => {
    expect(() => getKernelspec("python3", "trn2")).toThrow(/No such kernel: python3/);
  });
});

import { describe, expect, it } from "vitest";
import { formatElapsed } from "@/app/components/notebook/format";

describe("elapsed time", () => {
  it("uses ms below a second, tenths below ten seconds, whole seconds below a minute, then minutes", () => {
    expect(formatElapsed(85.4)).toBe("85 ms");
    expect(formatElapsed(2440)).toBe("2.4 s");
    expect(formatElapsed(42_600)).toBe("43 s");
    expect(formatElapsed(65_000)).toBe("1 min 05 s");
  });
});

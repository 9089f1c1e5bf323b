import { describe, expect, it } from "vitest";
import { strRepr } from "./str-repr";
import cases from "./goldens/str-repr.json";

describe("strRepr", () => {
  it("matches CPython repr() and ascii() of str, quoting and escapes included", () => {
    const wrong: string[] = [];
    for (const [s, repr, ascii] of cases as [string, string, string][]) {
      if (strRepr(s) !== repr) wrong.push(`repr(${JSON.stringify(s)}): got ${strRepr(s)}, CPython ${repr}`);
      if (strRepr(s, true) !== ascii) wrong.push(`ascii(${JSON.stringify(s)}): got ${strRepr(s, true)}, CPython ${ascii}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});

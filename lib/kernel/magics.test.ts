import { describe, expect, it } from "vitest";
import { applyLineMagics } from "./magics";

describe("%target line magic", () => {
  it("sets the target and blanks the line so line numbers stay the same", () => {
    expect(applyLineMagics("%target trn3\nx = 1", "trn2")).toEqual({ ok: true, code: "\nx = 1", target: "trn3", output: "" });
  });

  it("prints the current target without an argument", () => {
    expect(applyLineMagics("%target", "trn1")).toEqual({ ok: true, code: "", target: "trn1", output: "trn1\n" });
  });

  it("rejects unknown targets and unknown magics like IPython's UsageError", () => {
    expect(applyLineMagics("%target trn9", "trn2")).toMatchObject({ ok: false, error: { ename: "UsageError", evalue: expect.stringContaining("trn1, trn2, trn3") } });
    expect(applyLineMagics("%timeit f()", "trn2")).toMatchObject({ ok: false, error: { evalue: "Line magic function `%timeit` not found." } });
  });

  it("leaves code without magic lines alone, including % operators", () => {
    expect(applyLineMagics("x = 7 % 3\nprint('%d' % x)", "trn2")).toEqual({ ok: true, code: "x = 7 % 3\nprint('%d' % x)", target: "trn2", output: "" });
  });
});

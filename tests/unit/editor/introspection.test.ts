import { describe, expect, it } from "vitest";
import { activeArgument, parseInspectSignature, toCodePoints, toUtf16 } from "@/app/components/notebook/model/introspection";

describe("kernel introspection helpers", () => {
  it("converts between UTF-16 offsets and code points around astral characters", () => {
    const text = "a😀b";
    expect(toCodePoints(text, 3)).toBe(2);
    expect(toUtf16(text, 2)).toBe(3);
    expect(toCodePoints(text, 1)).toBe(1);
  });

  it("splits a signature into parameters, keeping brackets inside defaults together", () => {
    const sig = parseInspectSignature("Signature: nl.zeros(shape, dtype=None, buffer=(1, 2))\nType:      function\nDocstring:\nMakes zeros.");
    expect(sig?.label).toBe("nl.zeros(shape, dtype=None, buffer=(1, 2))");
    expect(sig?.parameters.map(([s, e]) => sig.label.slice(s, e))).toEqual(["shape", "dtype=None", "buffer=(1, 2)"]);
    expect(sig?.doc).toBe("Makes zeros.");
  });

  it("has no signature for a plain value", () => {
    expect(parseInspectSignature("Value:     3\nType:      int")).toBeNull();
  });

  it("handles a signature without parameters", () => {
    expect(parseInspectSignature("Signature: f()\nType:      function")?.parameters).toEqual([]);
  });

  it("counts the argument the cursor is in, ignoring nested calls and strings", () => {
    expect(activeArgument("np.zeros(", 9)).toBe(0);
    expect(activeArgument("np.zeros((2, 3), ", 17)).toBe(1);
    expect(activeArgument("f(a, g(b, c), 'x, y', ", 22)).toBe(3);
    expect(activeArgument("x = [1, 2", 9)).toBeNull();
    expect(activeArgument("print(1)\nx", 10)).toBeNull();
  });
});

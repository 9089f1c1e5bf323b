import { describe, expect, it } from "vitest";
import golden from "./fixtures/is-complete.golden.json";
import { isComplete } from "./is-complete";

/**
 * Where Kernel Lab deliberately differs from IPython: `return` at top level is rejected by the
 * compiler when the cell runs, not by the parser is_complete uses.
 */
const KNOWN_DIFFERENCES = new Set(["return"]);

describe("is_complete against IPython's check_complete", () => {
  for (const c of golden) {
    if (KNOWN_DIFFERENCES.has(c.code)) continue;
    it(`${JSON.stringify(c.code)} is ${c.status}${c.indent !== undefined ? ` (indent ${JSON.stringify(c.indent)})` : ""}`, () => {
      const expected = c.status === "incomplete" ? { status: "incomplete", indent: c.indent } : { status: c.status };
      expect(isComplete(c.code)).toEqual(expected);
    });
  }
});

import { describe, expect, it } from "vitest";
import golden from "./golden/suggestions.golden.json";
import { suggest } from "./suggestions";

const cases = golden as { name: string; candidates: string[]; suggestion: string | null }[];

describe("Did you mean suggestions", () => {
  it("pick what python3 3.11 prints for misspelt attributes (case changes, swaps, long names, ties)", () => {
    const wrong = cases.filter((c) => suggest({ name: c.name, candidates: () => [c.candidates] }) !== c.suggestion);
    expect(wrong).toEqual([]);
    expect(cases.filter((c) => c.suggestion !== null).length).toBeGreaterThan(100);
  });

  it("moves on to the next candidate list only when one has no match", () => {
    const source = (lists: string[][]) => ({ name: "totl", candidates: () => lists });
    expect(suggest(source([["x"], ["total"], ["tota"]]))).toBe("total");
    expect(suggest(source([["tota"], ["total"]]))).toBe("tota");
    expect(suggest(source([["unrelated"]]))).toBeNull();
    expect(suggest(source([Array.from({ length: 750 }, (_, i) => `total${i}`)]))).toBeNull();
  });
});

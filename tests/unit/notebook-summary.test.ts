import { describe, expect, it } from "vitest";
import type { Notebook } from "../../lib/notebook/nbformat";
import { summarizeNotebook } from "../../lib/notebook/summary";

function notebook(cells: string[], metadata: Record<string, unknown> = {}): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata,
    cells: cells.map((source, i) =>
      source.startsWith("py:")
        ? { cell_type: "code", id: `c${i}`, metadata: {}, source: source.slice(3), execution_count: null, outputs: [] }
        : { cell_type: "markdown", id: `c${i}`, metadata: {}, source },
    ),
  };
}

describe("summarizeNotebook", () => {
  it("takes the title from the first heading and the description from the first paragraph after it", () => {
    const summary = summarizeNotebook(notebook(["py:x = 1", "# Tiles and **SBUF**\n\nA *tile* lives\nin [SBUF](x).", "## Next"]), "fallback");
    expect(summary).toEqual({
      title: "Tiles and SBUF",
      description: "A tile lives in SBUF.",
      cellCount: 3,
      codeCellCount: 1,
      difficulty: null,
      estimatedMinutes: null,
    });
  });

  it("prefers the catalogue metadata the tutorial sets", () => {
    const meta = { kernel_lab: { summary: "Short.", difficulty: "beginner", estimated_minutes: 5 } };
    const summary = summarizeNotebook(notebook(["# T\n\nLong paragraph."], meta), "fallback");
    expect(summary).toMatchObject({ description: "Short.", difficulty: "beginner", estimatedMinutes: 5 });
  });

  it("falls back to the file name when there is no heading", () => {
    expect(summarizeNotebook(notebook(["just text"]), "my notebook")).toMatchObject({ title: "my notebook", description: "" });
  });

  it("ignores malformed catalogue metadata", () => {
    const summary = summarizeNotebook(notebook(["# T"], { kernel_lab: { estimated_minutes: "soon" } }), "f");
    expect(summary).toMatchObject({ estimatedMinutes: null, difficulty: null });
  });
});

describe("summarizeNotebook on raw HTML", () => {
  it("drops tags from the description", () => {
    const summary = summarizeNotebook(notebook(["# T\n\n<b>bold</b> and <script>x</script>text"]), "f");
    expect(summary.description).toBe("bold and xtext");
  });
});

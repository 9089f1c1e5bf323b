import { describe, expect, it } from "vitest";
import { formatBytes, formatRevisionTime, previewCells } from "@/app/components/history/revision-preview";

describe("previewCells", () => {
  it("outlines markdown, code and raw cells with joined sources and output counts", () => {
    const content = {
      cells: [
        { cell_type: "markdown", source: ["# T\n", "text"] },
        { cell_type: "code", source: "x = 1", execution_count: 4, outputs: [{}, {}] },
        { cell_type: "raw", source: "raw" },
      ],
    };
    expect(previewCells(content)).toEqual([
      { kind: "markdown", source: "# T\ntext", outputCount: 0, executionCount: null },
      { kind: "code", source: "x = 1", outputCount: 2, executionCount: 4 },
      { kind: "raw", source: "raw", outputCount: 0, executionCount: null },
    ]);
  });

  it("shows nothing rather than failing on a document without cells", () => {
    expect(previewCells(null)).toEqual([]);
    expect(previewCells({ cells: "nope" })).toEqual([]);
  });
});

describe("formatBytes", () => {
  it("uses bytes below 1 KB and binary multiples above", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(20 * 1024 + 300)).toBe("20 KB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MB");
  });
});

describe("formatRevisionTime", () => {
  it("gives the local date and time to the second", () => {
    expect(formatRevisionTime(new Date(2026, 10, 26, 9, 5, 7).toISOString())).toBe("26 Nov 2026, 09:05:07");
  });
});

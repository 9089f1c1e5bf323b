import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cellSource, parseNotebook } from "../../lib/notebook/nbformat";

const minimal = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: "nki" }, custom: { keep: [1, 2] } },
  cells: [
    { cell_type: "markdown", id: "a", metadata: {}, source: ["# Title\n", "text"] },
    { cell_type: "code", id: "b", metadata: { tags: ["x"] }, source: "print(1)", execution_count: 3,
      outputs: [{ output_type: "stream", name: "stdout", text: ["1\n"] }] },
  ],
};

function parse(value: unknown) {
  return parseNotebook(JSON.stringify(value));
}

describe("parseNotebook", () => {
  it("accepts a valid nbformat 4.5 document and keeps unknown metadata", () => {
    const result = parse(minimal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notebook.metadata).toEqual(minimal.metadata);
    expect(cellSource(result.notebook.cells[0])).toBe("# Title\ntext");
    expect(JSON.parse(JSON.stringify(result.notebook))).toEqual(minimal);
  });

  it("accepts every shipped notebook", () => {
    const dir = path.resolve(import.meta.dirname, "..", "..", "notebooks");
    const names = fs.readdirSync(dir).filter((n) => n.endsWith(".ipynb"));
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const name of names) expect(parseNotebook(fs.readFileSync(path.join(dir, name), "utf8")), name).toMatchObject({ ok: true });
  });

  it("rejects text that is not JSON", () => {
    expect(parseNotebook("{ nope")).toEqual({ ok: false, error: expect.stringMatching(/^not valid JSON: /) });
  });

  it("rejects other nbformat versions by name", () => {
    expect(parse({ ...minimal, nbformat: 3 })).toEqual({ ok: false, error: "nbformat 3 is not supported: only nbformat 4 notebooks are" });
  });

  it("names the missing field and where it is", () => {
    expect(parse({ ...minimal, cells: undefined })).toEqual({ ok: false, error: expect.stringMatching(/^cells: /) });
    const noOutputs = structuredClone(minimal) as { cells: Record<string, unknown>[] };
    delete noOutputs.cells[1].outputs;
    expect(parse(noOutputs)).toEqual({ ok: false, error: expect.stringMatching(/^cells\[1\]\.outputs: /) });
  });

  it("requires cell ids from nbformat 4.5 on, not before", () => {
    const withoutIds = { ...minimal, cells: minimal.cells.map(({ id: _id, ...rest }) => rest) };
    expect(parse(withoutIds)).toEqual({ ok: false, error: "cells[0].id: nbformat 4.5 requires a cell id" });
    expect(parse({ ...withoutIds, nbformat_minor: 4 }).ok).toBe(true);
  });

  it("rejects unknown cell and output types", () => {
    expect(parse({ ...minimal, cells: [{ cell_type: "widget", id: "w", metadata: {}, source: "" }] }).ok).toBe(false);
    const badOutput = structuredClone(minimal) as { cells: { outputs?: unknown[] }[] };
    badOutput.cells[1].outputs = [{ output_type: "stream", name: "stdlog", text: "" }];
    expect(parse(badOutput)).toEqual({ ok: false, error: expect.stringMatching(/^cells\[1\]\.outputs\[0\]\.name: /) });
  });

  it("rejects a document that is not an object", () => {
    expect(parse([1, 2]).ok).toBe(false);
    expect(parse(null).ok).toBe(false);
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importPath, parseNotebookText, serializeNotebook } from "@/app/components/notebook-files/notebook-json";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

describe("serializeNotebook", () => {
  it("lays a notebook out as Python's json.dumps(indent=1, ensure_ascii=False) does, with a trailing newline", () => {
    const golden = fs.readFileSync(path.join(import.meta.dirname, "notebook-json.golden.ipynb"), "utf8");
    expect(serializeNotebook(JSON.parse(golden))).toBe(golden);
  });

  it("reproduces every shipped tutorial file byte for byte from its parsed JSON", () => {
    const dir = path.join(root, "notebooks");
    const names = fs.readdirSync(dir).filter((n) => n.endsWith(".ipynb"));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      expect(serializeNotebook(JSON.parse(text)), name).toBe(text);
    }
  });
});

describe("parseNotebookText", () => {
  it("returns the parsed document", () => {
    expect(parseNotebookText('{"nbformat": 4}')).toEqual({ nbformat: 4 });
  });

  it("rejects text that is not JSON with a message saying so", () => {
    expect(() => parseNotebookText("{not json")).toThrow(/^not valid JSON: /);
  });
});

describe("importPath", () => {
  it("keeps the file's own name when it is free", () => {
    expect(importPath("matmul.ipynb", new Set())).toBe("matmul.ipynb");
  });

  it("numbers the name when it is taken, skipping numbers also taken", () => {
    expect(importPath("matmul.ipynb", new Set(["matmul.ipynb", "matmul-1.ipynb"]))).toBe("matmul-2.ipynb");
  });

  it("adds the extension and normalises its case", () => {
    expect(importPath("Notes", new Set())).toBe("Notes.ipynb");
    expect(importPath("Notes.IPYNB", new Set())).toBe("Notes.ipynb");
  });

  it("drops folders and replaces control characters", () => {
    expect(importPath("C:\\Users\\me\\k.ipynb", new Set())).toBe("k.ipynb");
    expect(importPath("a/b/tab\there.ipynb", new Set())).toBe("tab-here.ipynb");
  });

  it("never produces a hidden or empty name", () => {
    expect(importPath(".ipynb", new Set())).toBe("Imported.ipynb");
    expect(importPath("..secret.ipynb", new Set())).toBe("secret.ipynb");
  });
});

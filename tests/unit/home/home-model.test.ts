import { describe, expect, it } from "vitest";
import { checkNotebookName, editHref, editableName, filterNotebooks, progressView, relativeTime } from "@/app/components/home/home-model";

describe("filterNotebooks", () => {
  const notebooks = [
    { path: "03-your-first-nki-kernel.ipynb", title: "Your first NKI kernel" },
    { path: "matmul.ipynb", title: "Blocked matmul" },
    { path: "Untitled.ipynb", title: "Untitled" },
  ];

  it("returns everything for an empty or blank query", () => {
    expect(filterNotebooks(notebooks, "  ")).toEqual(notebooks);
  });

  it("matches titles and file names case-insensitively", () => {
    expect(filterNotebooks(notebooks, "MATMUL").map((n) => n.path)).toEqual(["matmul.ipynb"]);
    expect(filterNotebooks(notebooks, "03-your").map((n) => n.path)).toEqual(["03-your-first-nki-kernel.ipynb"]);
  });

  it("requires every word of the query", () => {
    expect(filterNotebooks(notebooks, "nki first").map((n) => n.path)).toEqual(["03-your-first-nki-kernel.ipynb"]);
    expect(filterNotebooks(notebooks, "nki matmul")).toEqual([]);
  });
});

describe("checkNotebookName", () => {
  const existing = ["a.ipynb", "b.ipynb"];

  it("adds .ipynb when the name has none", () => {
    expect(checkNotebookName("  my kernel ", "a.ipynb", existing)).toEqual({ ok: true, path: "my kernel.ipynb" });
  });

  it("accepts the current name unchanged", () => {
    expect(checkNotebookName("a", "a.ipynb", existing)).toEqual({ ok: true, path: "a.ipynb" });
  });

  it("refuses a name another notebook has", () => {
    expect(checkNotebookName("b.ipynb", "a.ipynb", existing)).toEqual({ ok: false, error: "A notebook named b.ipynb already exists." });
  });

  it("refuses empty names, folders, control characters and hidden names", () => {
    for (const bad of ["", "   ", ".ipynb", "x/y", "x\\y", "tab\tname", ".hidden"]) {
      expect(checkNotebookName(bad, "a.ipynb", existing).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it("refuses names longer than the contents API accepts", () => {
    expect(checkNotebookName("x".repeat(249), "a.ipynb", existing)).toEqual({ ok: true, path: `${"x".repeat(249)}.ipynb` });
    expect(checkNotebookName("x".repeat(250), "a.ipynb", existing).ok).toBe(false);
  });

  it("offers the name without its extension for editing", () => {
    expect(editableName("my.kernel.ipynb")).toBe("my.kernel");
  });
});

describe("progressView", () => {
  it("offers Start for a tutorial never opened", () => {
    expect(progressView(undefined)).toEqual({ action: "Start", summary: null, fraction: null });
  });

  it("offers Continue with the share of code cells run", () => {
    expect(progressView({ codeCells: 8, cellsRunOk: 2 })).toEqual({ action: "Continue", summary: "2 of 8 code cells run", fraction: 0.25 });
    expect(progressView({ codeCells: 1, cellsRunOk: 0 }).summary).toBe("0 of 1 code cell run");
  });

  it("says the tutorial was opened when it has no code cells to run", () => {
    expect(progressView({ codeCells: 0, cellsRunOk: 0 })).toEqual({ action: "Continue", summary: "Opened (no code cells)", fraction: null });
  });

  it("never reports more cells run than exist (cells deleted after running)", () => {
    expect(progressView({ codeCells: 3, cellsRunOk: 5 })).toMatchObject({ summary: "3 of 3 code cells run", fraction: 1 });
  });
});

describe("relativeTime", () => {
  const now = new Date(2026, 10, 26, 15, 30, 0);

  it("says just now under a minute", () => {
    expect(relativeTime(new Date(2026, 10, 26, 15, 29, 10), now)).toBe("just now");
  });

  it("counts minutes, then hours within today", () => {
    expect(relativeTime(new Date(2026, 10, 26, 15, 5, 0), now)).toBe("25 min ago");
    expect(relativeTime(new Date(2026, 10, 26, 1, 0, 0), now)).toBe("14 h ago");
  });

  it("says yesterday for the previous calendar day", () => {
    expect(relativeTime(new Date(2026, 10, 25, 23, 59, 0), now)).toBe("yesterday");
    expect(relativeTime(new Date(2026, 10, 25, 0, 0, 0), now)).toBe("yesterday");
  });

  it("gives the date before that, with the year only when it differs", () => {
    expect(relativeTime(new Date(2026, 10, 24, 12, 0, 0), now)).toBe("24 Nov");
    expect(relativeTime(new Date(2025, 0, 3, 12, 0, 0), now)).toBe("3 Jan 2025");
  });
});

describe("editHref", () => {
  it("encodes each path segment for the editor route", () => {
    expect(editHref("my kernel #2.ipynb")).toBe("/edit/my%20kernel%20%232.ipynb");
  });
});

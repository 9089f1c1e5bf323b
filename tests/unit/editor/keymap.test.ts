import { describe, expect, it } from "vitest";
import { BINDINGS, resolveKey, type KeyInput } from "@/app/components/notebook/model/keymap";

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, shift: false, ctrl: false, alt: false, meta: false, ...mods });

describe("JupyterLab keyboard model", () => {
  it("runs with Shift/Ctrl/Alt+Enter in both modes", () => {
    for (const mode of ["command", "edit"] as const) {
      expect(resolveKey(mode, key("Enter", { shift: true }), null).command).toBe("run-and-advance");
      expect(resolveKey(mode, key("Enter", { ctrl: true }), null).command).toBe("run");
      expect(resolveKey(mode, key("Enter", { alt: true }), null).command).toBe("run-and-insert");
    }
  });

  it("takes single letters only in command mode", () => {
    expect(resolveKey("command", key("a"), null).command).toBe("insert-above");
    expect(resolveKey("command", key("b"), null).command).toBe("insert-below");
    expect(resolveKey("edit", key("a"), null)).toEqual({ command: null, pending: null });
  });

  it("needs D twice to delete; another key in between cancels", () => {
    const first = resolveKey("command", key("d"), null);
    expect(first).toEqual({ command: null, pending: "D" });
    expect(resolveKey("command", key("d"), first.pending).command).toBe("delete");
    const other = resolveKey("command", key("j"), first.pending);
    expect(other).toEqual({ command: "select-down", pending: null });
  });

  it("keeps a pending sequence across a bare modifier press", () => {
    expect(resolveKey("command", key("Shift", { shift: true }), "D")).toEqual({ command: null, pending: "D" });
  });

  it("tells Shift+M (merge) from M (to markdown) and Shift+V from V", () => {
    expect(resolveKey("command", key("M", { shift: true }), null).command).toBe("merge");
    expect(resolveKey("command", key("m"), null).command).toBe("to-markdown");
    expect(resolveKey("command", key("V", { shift: true }), null).command).toBe("paste-above");
  });

  it("splits with Ctrl+Shift+- whatever the layout makes of Shift+-", () => {
    expect(resolveKey("edit", key("_", { ctrl: true, shift: true, code: "Minus" }), null).command).toBe("split");
    expect(resolveKey("edit", key("-", { meta: true, shift: true }), null).command).toBe("split");
    expect(resolveKey("edit", key("-", { shift: true }), null).command).toBeNull();
  });

  it("opens the help sheet with ? (typed with Shift)", () => {
    expect(resolveKey("command", key("?", { shift: true }), null).command).toBe("help");
  });

  it("saves with Ctrl+S or Cmd+S, and leaves edit mode with Escape", () => {
    expect(resolveKey("edit", key("s", { ctrl: true }), null).command).toBe("save");
    expect(resolveKey("command", key("s", { meta: true }), null).command).toBe("save");
    expect(resolveKey("edit", key("Escape"), null).command).toBe("enter-command");
  });

  it("uses arrows, J/K, and Shift to extend", () => {
    expect(resolveKey("command", key("ArrowUp"), null).command).toBe("select-up");
    expect(resolveKey("command", key("K", { shift: true }), null).command).toBe("extend-up");
    expect(resolveKey("command", key("ArrowDown", { shift: true }), null).command).toBe("extend-down");
  });

  it("interrupts with I I and restarts with 0 0", () => {
    expect(resolveKey("command", key("i"), resolveKey("command", key("i"), null).pending).command).toBe("interrupt");
    expect(resolveKey("command", key("0"), resolveKey("command", key("0"), null).pending).command).toBe("restart");
  });

  it("has no two bindings for the same keys in the same mode", () => {
    const seen = new Set<string>();
    for (const b of BINDINGS) {
      for (const mode of b.mode === "both" ? ["command", "edit"] : [b.mode]) {
        const k = `${mode}:${b.keys}`;
        expect(seen.has(k), k).toBe(false);
        seen.add(k);
      }
    }
  });
});

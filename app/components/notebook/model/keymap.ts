/**
 * JupyterLab's notebook keyboard model as one table: the help sheet (`?`) lists it and `resolveKey` reads
 * it, so what is documented is what runs. Command mode takes single keys and two-key sequences (`D D`,
 * `I I`, `0 0`); edit mode only takes chorded keys, since plain keys belong to the text.
 */
import type { Mode } from "./commands";

export type Command =
  | "run"
  | "run-and-advance"
  | "run-and-insert"
  | "enter-edit"
  | "enter-command"
  | "insert-above"
  | "insert-below"
  | "delete"
  | "undo-delete"
  | "to-code"
  | "to-markdown"
  | "to-raw"
  | "copy"
  | "cut"
  | "paste-below"
  | "paste-above"
  | "save"
  | "select-up"
  | "select-down"
  | "extend-up"
  | "extend-down"
  | "move-up"
  | "move-down"
  | "merge"
  | "split"
  | "select-all"
  | "interrupt"
  | "restart"
  | "help";

export interface Binding {
  readonly mode: Mode | "both";
  /** Chord or sequence as shown to people: "Shift+Enter", "D D", "Ctrl+Shift+-". */
  readonly keys: string;
  readonly command: Command;
  readonly description: string;
}

export const BINDINGS: readonly Binding[] = [
  { mode: "both", keys: "Shift+Enter", command: "run-and-advance", description: "Run the cell and select the next one" },
  { mode: "both", keys: "Ctrl+Enter", command: "run", description: "Run the selected cells" },
  { mode: "both", keys: "Alt+Enter", command: "run-and-insert", description: "Run the cell and insert a new one below" },
  { mode: "both", keys: "Ctrl+S", command: "save", description: "Save and create a checkpoint" },
  { mode: "edit", keys: "Escape", command: "enter-command", description: "Leave the editor (command mode)" },
  { mode: "edit", keys: "Ctrl+Shift+-", command: "split", description: "Split the cell at the cursor" },
  { mode: "command", keys: "Enter", command: "enter-edit", description: "Edit the selected cell" },
  { mode: "command", keys: "A", command: "insert-above", description: "Insert a cell above" },
  { mode: "command", keys: "B", command: "insert-below", description: "Insert a cell below" },
  { mode: "command", keys: "D D", command: "delete", description: "Delete the selected cells" },
  { mode: "command", keys: "Z", command: "undo-delete", description: "Undo the last cell deletion" },
  { mode: "command", keys: "Y", command: "to-code", description: "Make the cell code" },
  { mode: "command", keys: "M", command: "to-markdown", description: "Make the cell markdown" },
  { mode: "command", keys: "R", command: "to-raw", description: "Make the cell raw" },
  { mode: "command", keys: "C", command: "copy", description: "Copy the selected cells" },
  { mode: "command", keys: "X", command: "cut", description: "Cut the selected cells" },
  { mode: "command", keys: "V", command: "paste-below", description: "Paste cells below" },
  { mode: "command", keys: "Shift+V", command: "paste-above", description: "Paste cells above" },
  { mode: "command", keys: "ArrowUp", command: "select-up", description: "Select the cell above" },
  { mode: "command", keys: "K", command: "select-up", description: "Select the cell above" },
  { mode: "command", keys: "ArrowDown", command: "select-down", description: "Select the cell below" },
  { mode: "command", keys: "J", command: "select-down", description: "Select the cell below" },
  { mode: "command", keys: "Shift+ArrowUp", command: "extend-up", description: "Extend the selection up" },
  { mode: "command", keys: "Shift+K", command: "extend-up", description: "Extend the selection up" },
  { mode: "command", keys: "Shift+ArrowDown", command: "extend-down", description: "Extend the selection down" },
  { mode: "command", keys: "Shift+J", command: "extend-down", description: "Extend the selection down" },
  { mode: "command", keys: "Ctrl+Shift+ArrowUp", command: "move-up", description: "Move the selected cells up" },
  { mode: "command", keys: "Ctrl+Shift+ArrowDown", command: "move-down", description: "Move the selected cells down" },
  { mode: "command", keys: "Shift+M", command: "merge", description: "Merge the selected cells (or with the cell below)" },
  { mode: "command", keys: "Ctrl+A", command: "select-all", description: "Select all cells" },
  { mode: "command", keys: "I I", command: "interrupt", description: "Interrupt the kernel" },
  { mode: "command", keys: "0 0", command: "restart", description: "Restart the kernel" },
  { mode: "command", keys: "?", command: "help", description: "Show these shortcuts" },
];

export interface KeyInput {
  readonly key: string;
  /** `KeyboardEvent.code`, to recognise "-" whatever Shift makes of it on the layout. */
  readonly code?: string;
  readonly shift: boolean;
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly meta: boolean;
}

/** First key of a two-key sequence, waiting for its second. */
export type Pending = string | null;

export interface Resolution {
  readonly command: Command | null;
  readonly pending: Pending;
}

interface Chord {
  key: string;
  shift: boolean;
  ctrl: boolean;
  alt: boolean;
}

const parsed = BINDINGS.map((b) => ({ binding: b, steps: b.keys.split(" ").map(parseChord) }));

function parseChord(text: string): Chord {
  const parts = text.split("+");
  const key = parts[parts.length - 1];
  return {
    key: key.length === 1 ? key.toLowerCase() : key,
    shift: parts.includes("Shift"),
    ctrl: parts.includes("Ctrl"),
    alt: parts.includes("Alt"),
  };
}

function matches(chord: Chord, input: KeyInput): boolean {
  const ctrl = input.ctrl || input.meta;
  if (chord.key === "-") return (input.key === "-" || input.key === "_" || input.code === "Minus") && ctrl === chord.ctrl && input.shift === chord.shift && !input.alt;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  // Punctuation such as "?" already encodes Shift in the character itself.
  const shiftMatters = /^[a-z0-9]$/.test(chord.key) || chord.key.length > 1;
  return key === chord.key && ctrl === chord.ctrl && input.alt === chord.alt && (!shiftMatters || input.shift === chord.shift);
}

const MODIFIER_KEYS = new Set(["Shift", "Control", "Alt", "Meta"]);

/** The command a key press runs in `mode`, given the pending first key of a sequence. */
export function resolveKey(mode: Mode, input: KeyInput, pending: Pending): Resolution {
  if (MODIFIER_KEYS.has(input.key)) return { command: null, pending };
  const candidates = parsed.filter((p) => p.binding.mode === "both" || p.binding.mode === mode);
  if (pending !== null) {
    const second = candidates.find((p) => p.steps.length === 2 && p.binding.keys.split(" ")[0] === pending && matches(p.steps[1], input));
    if (second) return { command: second.binding.command, pending: null };
  }
  const single = candidates.find((p) => p.steps.length === 1 && matches(p.steps[0], input));
  if (single) return { command: single.binding.command, pending: null };
  const starts = candidates.find((p) => p.steps.length === 2 && matches(p.steps[0], input));
  if (starts) return { command: null, pending: starts.binding.keys.split(" ")[0] };
  return { command: null, pending: null };
}

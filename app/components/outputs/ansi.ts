/**
 * ANSI SGR text (coloured tracebacks, logs) as styled segments, parsed by anser. The sixteen basic
 * colours become class names so the stylesheet can pick shades readable on a light background;
 * 256-colour and true-colour codes become explicit RGB.
 */
import Anser from "anser";

export type AnsiColor = { readonly kind: "named"; readonly name: string } | { readonly kind: "rgb"; readonly rgb: string };

export interface AnsiSegment {
  readonly text: string;
  readonly fg: AnsiColor | null;
  readonly bg: AnsiColor | null;
  readonly bold: boolean;
  readonly dim: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
}

const NAMED = /^ansi-(bright-)?(black|red|green|yellow|blue|magenta|cyan|white)$/;

export function ansiSegments(text: string): AnsiSegment[] {
  if (!text.includes("\x1b")) return text === "" ? [] : [plain(text)];
  return Anser.ansiToJson(text, { use_classes: true, remove_empty: true }).map((e) => ({
    text: e.content,
    fg: color(e.fg, e.fg_truecolor),
    bg: color(e.bg, e.bg_truecolor),
    bold: e.decorations.includes("bold"),
    dim: e.decorations.includes("dim"),
    italic: e.decorations.includes("italic"),
    underline: e.decorations.includes("underline"),
  }));
}

/** The text without escape sequences (for comparisons and plain-text copies). */
export function stripAnsi(text: string): string {
  return text.includes("\x1b") ? ansiSegments(text).map((s) => s.text).join("") : text;
}

function plain(text: string): AnsiSegment {
  return { text, fg: null, bg: null, bold: false, dim: false, italic: false, underline: false };
}

function color(cls: string | null, truecolor: string | null): AnsiColor | null {
  if (!cls) return null;
  if (NAMED.test(cls)) return { kind: "named", name: cls.slice("ansi-".length) };
  if (cls === "ansi-truecolor" && truecolor) return { kind: "rgb", rgb: `rgb(${truecolor})` };
  const palette = /^ansi-palette-(\d+)$/.exec(cls);
  if (palette) return { kind: "rgb", rgb: xterm256(Number(palette[1])) };
  return null;
}

const BASIC = ["0,0,0", "187,0,0", "0,187,0", "187,187,0", "0,0,187", "187,0,187", "0,187,187", "255,255,255",
  "85,85,85", "255,85,85", "0,255,0", "255,255,85", "85,85,255", "255,85,255", "85,255,255", "255,255,255"];

/** xterm's 256-colour palette: 16 basic colours, a 6×6×6 cube, then 24 greys. */
export function xterm256(index: number): string {
  if (index < 16) return `rgb(${BASIC[index]})`;
  if (index < 232) {
    const k = index - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + 40 * v);
    return `rgb(${level(Math.floor(k / 36))},${level(Math.floor(k / 6) % 6)},${level(k % 6)})`;
  }
  const grey = 8 + 10 * (index - 232);
  return `rgb(${grey},${grey},${grey})`;
}

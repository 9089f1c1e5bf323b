/**
 * Stream text as a terminal would show it: `\r` returns to the start of the line and later characters
 * overwrite earlier ones (progress bars), `\b` steps back one column, `ESC[K` erases to the end of the
 * line. SGR colour sequences stay attached to the characters they style, so an overwrite keeps the
 * right colours; other control sequences (cursor movement between lines) are dropped.
 */

// CSI sequences (ESC [ params final) and two-character escapes.
// eslint-disable-next-line no-control-regex -- escape sequences are control characters
const ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])/y;
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_EMULATION = /[\r\b\x1b]/;

interface Cell {
  ch: string;
  /** The SGR sequences in force when the character was written, since the last reset. */
  style: string;
}

/** Applies carriage returns, backspaces and erase-line sequences; plain text is returned unchanged. */
export function applyTerminalControls(text: string): string {
  if (!NEEDS_EMULATION.test(text)) return text;
  // Colours carry over line ends, as in a terminal.
  let style = "";
  return text
    .replace(/\r+\n/g, "\n")
    .split("\n")
    .map((line) => {
      const rendered = renderLine(line, style);
      style = rendered.style;
      return rendered.text;
    })
    .join("\n");
}

function renderLine(line: string, styleIn: string): { text: string; style: string } {
  // Most lines of a long log have no control characters: no need to build cells for them.
  if (!NEEDS_EMULATION.test(line)) return { text: styleIn === "" || line === "" ? line : `${styleIn}${line}\x1b[0m`, style: styleIn };
  const cells: Cell[] = [];
  let cursor = 0;
  let style = styleIn;
  for (let i = 0; i < line.length; ) {
    const c = line[i];
    if (c === "\x1b") {
      ESCAPE.lastIndex = i;
      const m = ESCAPE.exec(line);
      if (!m) {
        i++; // a lone ESC: invisible, like a terminal
        continue;
      }
      const seq = m[0];
      i += seq.length;
      if (seq.endsWith("m") && seq.startsWith("\x1b[")) style = isReset(seq) ? "" : style + seq;
      else if (seq === "\x1b[K" || seq === "\x1b[0K") cells.length = Math.min(cells.length, cursor);
      else if (seq === "\x1b[2K") cells.length = 0;
      continue;
    }
    i++;
    if (c === "\r") cursor = 0;
    else if (c === "\b") cursor = Math.max(0, cursor - 1);
    else {
      cells[cursor] = { ch: c, style };
      cursor++;
    }
  }
  return { text: serialise(cells), style };
}

function isReset(sgr: string): boolean {
  const params = sgr.slice(2, -1);
  return params === "" || /^0*$/.test(params);
}

/** Each line carries its own colours (and resets at its end), so any line can be shown on its own. */
function serialise(cells: readonly (Cell | undefined)[]): string {
  let out = "";
  let pen = "";
  for (const cell of cells) {
    const { ch, style } = cell ?? { ch: " ", style: "" };
    if (style !== pen) {
      out += pen === "" ? style : `\x1b[0m${style}`;
      pen = style;
    }
    out += ch;
  }
  return pen === "" ? out : `${out}\x1b[0m`;
}

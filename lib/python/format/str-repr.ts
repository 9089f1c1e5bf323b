/**
 * repr() and ascii() of a str, as CPython's unicode_repr: single quotes unless the text contains a single
 * quote and no double quote; \t \n \r \\ and the quote escaped; other non-printable characters (and, for
 * ascii(), every non-ASCII character) as \xhh, \uhhhh or \Uhhhhhhhh.
 */

// Python's str.isprintable() is false exactly for these general categories (space excepted).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
// Fast-path test: any quote, backslash, control (< 0x20), DEL or non-ASCII character needs the slow loop.
function needsEscaping(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x27 || c === 0x5c) return true;
  }
  return false;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

function escapeCodePoint(code: number): string {
  if (code <= 0xff) return "\\x" + hex(code, 2);
  if (code <= 0xffff) return "\\u" + hex(code, 4);
  return "\\U" + hex(code, 8);
}

export function strRepr(s: string, asciiOnly = false): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  if (!needsEscaping(s)) return quote + s + quote;
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += escapeCodePoint(code);
    else if (code < 0x7f) out += ch;
    else if (asciiOnly || (code !== 0x20 && NON_PRINTABLE.test(ch))) out += escapeCodePoint(code);
    else out += ch;
  }
  return out + quote;
}

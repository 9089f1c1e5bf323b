/*
 * JS names for Python identifiers. Every user identifier becomes `u_<name>` (locals) or
 * `g_<name>` (module cells); compiler-internal names all start with `$`, which no Python identifier
 * can contain, so user code can never name `$rt`, `$g`, a temporary or any JS global.
 * Characters outside [A-Za-z0-9_] are spelled `$<hex>_`, which keeps the mapping injective.
 */

function mangle(name: string): string {
  if (/^[A-Za-z0-9_]+$/.test(name)) return name;
  let out = "";
  for (const ch of name) {
    out += /[A-Za-z0-9_]/.test(ch) ? ch : `$${(ch.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return out;
}

export function localName(name: string): string {
  return `u_${mangle(name)}`;
}

export function globalCellName(name: string): string {
  return `g_${mangle(name)}`;
}

/** A JS string literal for arbitrary text (never spliced raw into generated code). */
export function jsString(text: string): string {
  return JSON.stringify(text);
}

/*
 * Output files of the CLI. Problems come back as one-line messages (never thrown), so a command can
 * refuse an unusable path before it spends time running anything.
 */

import { statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Null when `path` can be written: its directory exists and it is not itself a directory. */
export function checkWritable(path: string): string | null {
  const dir = dirname(resolve(path));
  try {
    if (!statSync(dir).isDirectory()) return `'${dirname(path)}' is not a directory`;
  } catch {
    return `directory '${dirname(path)}' does not exist`;
  }
  try {
    if (statSync(path).isDirectory()) return `'${path}' is a directory`;
  } catch {
    // Not there yet: it will be created.
  }
  return null;
}

export function writeText(path: string, text: string): string | null {
  try {
    writeFileSync(path, text);
    return null;
  } catch (e) {
    return `cannot write '${path}': ${e instanceof Error ? e.message : String(e)}`;
  }
}

/*
 * Source locations packed into one number: `fileId * LINE_SPAN + line`. Compiled code records the
 * line it is executing with a single store of a constant (the compiler knows the file), so native
 * code can ask for the current file and line without every call also storing a code object.
 * File ids are process-wide: the same filename always gets the same id.
 */

const LINE_SPAN = 2 ** 21;

const fileIds = new Map<string, number>();
const fileNames: string[] = [];

/** `fileId * LINE_SPAN` for `filename`; add a line to it to get a packed location. */
export function fileBase(filename: string): number {
  let id = fileIds.get(filename);
  if (id === undefined) {
    id = fileNames.push(filename) - 1;
    fileIds.set(filename, id);
  }
  return id * LINE_SPAN;
}

export function packLocation(base: number, line: number): number {
  return base + Math.min(Math.max(line, 0), LINE_SPAN - 1);
}

export function locationLine(packed: number): number {
  return packed % LINE_SPAN;
}

export function locationFile(packed: number): string {
  return fileNames[Math.floor(packed / LINE_SPAN)] ?? "";
}

/** Numbers per entry of `CodeInfo.positions` (see protocol.ts). */
export const POSITION_STRIDE = 6;

/** A source span as CPython's code positions give it (lines 1-based, columns 0-based). */
export interface SourceSpan {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/**
 * The span a frame's `$ln` value names in its code's position table. `methodLookup` picks a
 * method call's `obj.name` part instead of the whole call. Code without a table stores the line
 * itself, and gets a span with no columns (col -1).
 */
export function spanAt(positions: readonly number[] | undefined, position: number, methodLookup: boolean): SourceSpan {
  if (positions === undefined) return { line: position, col: -1, endLine: position, endCol: -1 };
  const i = position * POSITION_STRIDE;
  const alt = methodLookup && positions[i + 4] >= 0;
  return {
    line: positions[i],
    col: positions[i + 1],
    endLine: alt ? positions[i + 4] : positions[i + 2],
    endCol: alt ? positions[i + 5] : positions[i + 3],
  };
}

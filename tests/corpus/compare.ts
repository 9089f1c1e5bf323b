/**
 * How a corpus run is judged against its CPython golden: stdout exactly (or numbers within a relative
 * tolerance), exit code, and the final exception's type, message and innermost line parsed from stderr
 * the same way tests/corpus/generate.py parses CPython's.
 */
export interface ExpectedError {
  type: string;
  message: string;
  line: number | null;
  /** The program's frames of the final traceback, outermost first, as [line, function name]. */
  frames?: [number, string][];
}

export interface Expected {
  stdout: string;
  exitCode: 0 | 1;
  error: ExpectedError | null;
  tolerance?: number;
}

export interface Actual {
  filename: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

const HEADER = /^([A-Za-z_][\w.]*)(?:: (.*))?$/;
const FRAME = /^ {2}File "([^"]*)", line (\d+)(?:, in (.+))?$/;

/** The last exception in a CPython-format traceback and the line of its innermost frame in `filename`
 * (the generator's parse_error, line for line). */
export function parseTraceback(stderr: string, filename: string): ExpectedError | null {
  const lines = stderr.replace(/\n+$/, "").split("\n");
  let start = 0;
  lines.forEach((line, i) => {
    if (line === "Traceback (most recent call last):") start = i + 1;
  });
  let lineNo: number | null = null;
  const frames: [number, string][] = [];
  let i = start;
  while (i < lines.length && (lines[i].startsWith(" ") || lines[i] === "")) {
    const m = FRAME.exec(lines[i]);
    if (m && m[1].split("/").pop() === filename) {
      lineNo = Number(m[2]);
      if (m[3] !== undefined) frames.push([lineNo, m[3]]);
    }
    i++;
  }
  if (i >= lines.length) return null;
  const m = HEADER.exec(lines[i]);
  if (!m) return null;
  return { type: m[1], message: [m[2] ?? "", ...lines.slice(i + 1)].join("\n"), line: lineNo, frames };
}

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?\b(?:inf|nan)\b/g;

function splitNumbers(text: string): { words: string[]; numbers: number[] } {
  const words: string[] = [];
  const numbers: number[] = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    words.push(text.slice(last, m.index).replace(/\s+/g, ""));
    numbers.push(Number(m[0].replace(/^([-+]?)inf$/, "$1Infinity")));
    last = (m.index ?? 0) + m[0].length;
  }
  words.push(text.slice(last).replace(/\s+/g, ""));
  return { words, numbers };
}

function close(a: number, b: number, tolerance: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** Text equality, or with a tolerance: same words (whitespace ignored, since numpy pads columns to the
 * widest number and wraps lines by width) and numbers within the relative tolerance. Returns a description of the first
 * difference, or null. */
export function compareText(actual: string, expected: string, tolerance?: number): string | null {
  if (actual === expected) return null;
  if (tolerance !== undefined) {
    const a = splitNumbers(actual);
    const e = splitNumbers(expected);
    if (a.numbers.length === e.numbers.length && a.words.join("\u0000") === e.words.join("\u0000")) {
      const bad = a.numbers.findIndex((x, i) => !close(x, e.numbers[i], tolerance));
      if (bad < 0) return null;
      return `number #${bad} differs beyond tolerance ${tolerance}: ${a.numbers[bad]} vs ${e.numbers[bad]}`;
    }
  }
  const aLines = actual.split("\n");
  const eLines = expected.split("\n");
  const at = aLines.findIndex((line, i) => line !== eLines[i]);
  const lineNo = at < 0 ? aLines.length : at;
  return `stdout line ${lineNo + 1}: got ${JSON.stringify(aLines[lineNo] ?? "<end>")}, expected ${JSON.stringify(eLines[lineNo] ?? "<end>")}`;
}

/** Every way `actual` differs from the golden (empty when the run matches). */
export function judge(actual: Actual, expected: Expected): string[] {
  const problems: string[] = [];
  const stdoutDiff = compareText(actual.stdout, expected.stdout, expected.tolerance);
  if (stdoutDiff) problems.push(stdoutDiff);
  if (actual.exitCode !== expected.exitCode) problems.push(`exit code ${actual.exitCode}, expected ${expected.exitCode}`);
  if (expected.error) {
    const got = parseTraceback(actual.stderr, actual.filename);
    if (!got) problems.push(`no traceback on stderr (expected ${expected.error.type}): ${JSON.stringify(actual.stderr.slice(-300))}`);
    else {
      if (got.type !== expected.error.type) problems.push(`exception ${got.type}, expected ${expected.error.type}`);
      const msgDiff = compareText(got.message, expected.error.message, expected.tolerance);
      if (msgDiff) problems.push(`exception message ${JSON.stringify(got.message)}, expected ${JSON.stringify(expected.error.message)}`);
      if (got.line !== expected.error.line) problems.push(`exception at line ${got.line}, expected line ${expected.error.line}`);
      const frames = expected.error.frames;
      if (frames && JSON.stringify(got.frames) !== JSON.stringify(frames)) {
        problems.push(`traceback frames ${JSON.stringify(got.frames)}, expected ${JSON.stringify(frames)}`);
      }
    }
  } else if (actual.stderr.includes("Traceback")) {
    problems.push(`unexpected traceback: ${actual.stderr.slice(-300)}`);
  }
  return problems;
}

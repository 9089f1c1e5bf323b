/**
 * The home page's pure logic: searching, validating names, progress wording, relative times and the
 * editor address of a notebook. No React and no network here, so it is tested directly.
 */

export interface Searchable {
  path: string;
  title: string;
}

/** Notebooks whose title or file name contains every word of the query (case-insensitive). */
export function filterNotebooks<T extends Searchable>(notebooks: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...notebooks];
  return notebooks.filter((nb) => {
    const haystack = `${nb.title}\n${nb.path}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

export type NameCheck = { ok: true; path: string } | { ok: false; error: string };

const MAX_PATH_LENGTH = 255;

/**
 * Checks a name typed into the inline rename field and turns it into a notebook path (".ipynb" added when
 * missing). The rules are the contents API's, checked here so the user sees them before a round trip.
 */
export function checkNotebookName(input: string, currentPath: string, existingPaths: Iterable<string>): NameCheck {
  const name = input.trim();
  if (name === "" || name.toLowerCase() === ".ipynb") return { ok: false, error: "Enter a name." };
  if (/[/\\]/.test(name)) return { ok: false, error: "Names cannot contain / or \\." };
  if (Array.from(name).some((ch) => ch.charCodeAt(0) < 0x20)) return { ok: false, error: "Names cannot contain control characters." };
  if (name.startsWith(".")) return { ok: false, error: "Names cannot start with a dot." };
  const path = /\.ipynb$/i.test(name) ? `${name.slice(0, -".ipynb".length)}.ipynb` : `${name}.ipynb`;
  if (path.length > MAX_PATH_LENGTH) return { ok: false, error: `Names are at most ${MAX_PATH_LENGTH} characters.` };
  if (path === currentPath) return { ok: true, path };
  for (const existing of existingPaths) {
    if (existing === path) return { ok: false, error: `A notebook named ${path} already exists.` };
  }
  return { ok: true, path };
}

/** What the rename field starts with: the file name without its extension. */
export function editableName(path: string): string {
  return path.replace(/\.ipynb$/, "");
}

export interface ProgressView {
  action: "Start" | "Continue";
  /** "3 of 7 code cells run", or null before the tutorial was opened. */
  summary: string | null;
  /** 0..1, or null when there is nothing to measure (not opened, or no code cells). */
  fraction: number | null;
}

export function progressView(progress: { codeCells: number; cellsRunOk: number } | undefined): ProgressView {
  if (!progress) return { action: "Start", summary: null, fraction: null };
  if (progress.codeCells === 0) return { action: "Continue", summary: "Opened (no code cells)", fraction: null };
  const run = Math.min(progress.cellsRunOk, progress.codeCells);
  const fraction = run / progress.codeCells;
  const noun = progress.codeCells === 1 ? "code cell" : "code cells";
  return { action: "Continue", summary: `${run} of ${progress.codeCells} ${noun} run`, fraction };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "just now", "5 min ago", "3 h ago", "yesterday", then a date ("12 Mar", with the year if not this year). */
export function relativeTime(when: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - when.getTime()) / 1000);
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  if (when.getTime() >= startOfToday) return `${Math.floor(minutes / 60)} h ago`;
  if (when.getTime() >= startOfToday - 86_400_000) return "yesterday";
  const date = `${when.getDate()} ${MONTHS[when.getMonth()]}`;
  return when.getFullYear() === now.getFullYear() ? date : `${date} ${when.getFullYear()}`;
}

/** The editor page of a notebook at a contents path. */
export function editHref(path: string): string {
  return `/edit/${path.split("/").map(encodeURIComponent).join("/")}`;
}

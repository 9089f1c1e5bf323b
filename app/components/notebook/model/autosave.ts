/**
 * Autosave as a pure state machine. The shell reports what happened (`SaveEvent`) and asks `savePlan`
 * what to do next; timers and requests stay in the shell. Rules: save within 2 s of the last edit
 * (debounced), one save in flight at a time, retry with backoff while the server is unreachable, and
 * stop saving on a conflict until the person chooses whose version wins — never overwrite silently.
 */

export const SAVE_DEBOUNCE_MS = 1000;
const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 8000;

export interface SaveState {
  /** Content version the server holds (see `NotebookState.version`). */
  readonly savedVersion: number;
  /** The server's `last_modified` for the copy this tab last loaded or saved. */
  readonly lastModified: string | null;
  /** Version being written now, if a save is in flight. */
  readonly inFlight: number | null;
  /** Consecutive failed attempts to reach the server. */
  readonly failures: number;
  /** Set when the server refused a save because the notebook changed elsewhere. */
  readonly conflict: { theirs: string | null } | null;
  /** A save the server rejected for another reason (e.g. an invalid notebook); cleared by the next edit. */
  readonly error: { message: string; version: number } | null;
}

export type SaveEvent =
  | { type: "loaded"; version: number; lastModified: string }
  | { type: "save-started"; version: number }
  | { type: "save-succeeded"; version: number; lastModified: string }
  | { type: "save-offline" }
  | { type: "save-conflict"; theirs: string | null }
  | { type: "save-rejected"; message: string; version: number }
  | { type: "conflict-resolved-mine" };

export const initialSaveState: SaveState = { savedVersion: 0, lastModified: null, inFlight: null, failures: 0, conflict: null, error: null };

export function saveReducer(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case "loaded":
      return { ...initialSaveState, savedVersion: event.version, lastModified: event.lastModified };
    case "save-started":
      return { ...state, inFlight: event.version };
    case "save-succeeded":
      return { ...state, inFlight: null, failures: 0, savedVersion: Math.max(state.savedVersion, event.version), lastModified: event.lastModified, conflict: null, error: null };
    case "save-offline":
      return { ...state, inFlight: null, failures: state.failures + 1 };
    case "save-conflict":
      return { ...state, inFlight: null, failures: 0, conflict: { theirs: event.theirs } };
    case "save-rejected":
      return { ...state, inFlight: null, failures: 0, error: { message: event.message, version: event.version } };
    case "conflict-resolved-mine":
      // Keeping mine means writing over their copy once, knowingly: their timestamp becomes the base (or,
      // if it could not be read, the next save is unconditional).
      return { ...state, conflict: null, lastModified: state.conflict?.theirs ?? null };
  }
}

export type SavePlan =
  | { kind: "nothing" }
  /** Save once the person has paused typing for `delayMs`. */
  | { kind: "debounce"; delayMs: number }
  /** The server was unreachable: try again after `delayMs`. */
  | { kind: "retry"; delayMs: number }
  | { kind: "blocked" };

export function savePlan(state: SaveState, version: number): SavePlan {
  if (state.conflict) return { kind: "blocked" };
  if (state.inFlight !== null || version <= state.savedVersion) return { kind: "nothing" };
  if (state.error && state.error.version === version) return { kind: "blocked" };
  if (state.failures > 0) return { kind: "retry", delayMs: Math.min(RETRY_BASE_MS * 2 ** (state.failures - 1), RETRY_MAX_MS) };
  return { kind: "debounce", delayMs: SAVE_DEBOUNCE_MS };
}

export type SaveIndicator = "saved" | "unsaved" | "saving" | "offline" | "conflict" | "error";

export function saveIndicator(state: SaveState, version: number): SaveIndicator {
  if (state.conflict) return "conflict";
  if (state.failures > 0) return "offline";
  if (state.inFlight !== null) return "saving";
  if (state.error && state.error.version === version) return "error";
  return version > state.savedVersion ? "unsaved" : "saved";
}

export interface Draft {
  /** The notebook as `toNotebookContent` wrote it, serialised. */
  readonly content: string;
  /** The server copy the edits started from. */
  readonly baseLastModified: string | null;
  /** When the draft was written (ms since the epoch, this browser's clock). */
  readonly savedAt: number;
}

/**
 * Whether a local draft found on load holds work the server copy lacks: only if it differs from it.
 * `sameBase` tells the person whether the server copy changed since (so restoring would replace newer work).
 */
export function draftOffer(draft: Draft | null, serverContent: string, serverLastModified: string): { offer: false } | { offer: true; sameBase: boolean } {
  if (!draft || draft.content === serverContent) return { offer: false };
  return { offer: true, sameBase: draft.baseLastModified === serverLastModified };
}

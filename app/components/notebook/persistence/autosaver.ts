/**
 * The timers and requests behind the pure autosave machine (`model/autosave.ts`): saves within 2 s of
 * an edit even while typing continues, retries while the server is away, and stops on a conflict
 * until `keepMine` or a reload.
 */
import type { INotebookContent } from "@jupyterlab/nbformat";
import { initialSaveState, savePlan, saveReducer, type SaveEvent, type SaveState } from "../model/autosave";
import { SaveError, type NotebookFile } from "./notebook-file";

/** However long typing goes on, unsaved work is never older than this when a save starts. */
const MAX_UNSAVED_MS = 1800;

export interface AutosaverOptions {
  file: Pick<NotebookFile, "save">;
  current(): { version: number; content: INotebookContent };
  onChange(state: SaveState): void;
  /** After a save that left nothing unsaved. */
  onAllSaved(): void;
}

export class Autosaver {
  private state: SaveState = initialSaveState;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirtySince: number | null = null;
  private disposed = false;

  constructor(private readonly options: AutosaverOptions) {}

  get saveState(): SaveState {
    return this.state;
  }

  private apply(event: SaveEvent): void {
    this.state = saveReducer(this.state, event);
    this.options.onChange(this.state);
  }

  loaded(version: number, lastModified: string): void {
    this.clearTimer();
    this.dirtySince = null;
    this.apply({ type: "loaded", version, lastModified });
  }

  /** Call after every content change. */
  edited(): void {
    this.dirtySince ??= Date.now();
    this.schedule();
  }

  private schedule(): void {
    if (this.disposed) return;
    const plan = savePlan(this.state, this.options.current().version);
    switch (plan.kind) {
      case "nothing":
      case "blocked":
        if (plan.kind === "blocked" || this.state.inFlight === null) this.clearTimer();
        return;
      case "debounce": {
        const sinceDirty = this.dirtySince === null ? 0 : Date.now() - this.dirtySince;
        this.setTimer(Math.max(0, Math.min(plan.delayMs, MAX_UNSAVED_MS - sinceDirty)));
        return;
      }
      case "retry":
        if (!this.timer) this.setTimer(plan.delayMs);
        return;
    }
  }

  private setTimer(delayMs: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveNow();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Saves at once (Ctrl+S, or the timer). Resolves true if everything is saved afterwards. */
  async saveNow(): Promise<boolean> {
    if (this.disposed || this.state.conflict) return false;
    if (this.state.inFlight !== null) return false;
    this.clearTimer();
    const { version, content } = this.options.current();
    if (version <= this.state.savedVersion && this.state.failures === 0) return true;
    this.apply({ type: "save-started", version });
    try {
      const lastModified = await this.options.file.save(content, this.state.lastModified);
      if (this.disposed) return false;
      this.apply({ type: "save-succeeded", version, lastModified });
    } catch (error) {
      if (this.disposed) return false;
      const failure = error instanceof SaveError ? error.failure : ({ kind: "offline" } as const);
      if (failure.kind === "conflict") this.apply({ type: "save-conflict", theirs: failure.theirs });
      else if (failure.kind === "rejected") this.apply({ type: "save-rejected", message: failure.message, version });
      else this.apply({ type: "save-offline" });
    }
    const now = this.options.current().version;
    if (now <= this.state.savedVersion) {
      this.dirtySince = null;
      this.options.onAllSaved();
    } else if (this.state.failures === 0) {
      this.dirtySince = Date.now();
    }
    this.schedule();
    return now <= this.state.savedVersion;
  }

  /** Conflict resolved in favour of this tab: overwrite the other copy, knowingly. */
  async keepMine(): Promise<boolean> {
    this.apply({ type: "conflict-resolved-mine" });
    return this.saveNow();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }
}

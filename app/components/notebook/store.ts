/**
 * The stateful shell around the pure command core: holds the current `NotebookState`, applies actions
 * synchronously (kernel callbacks and timers read the latest state, never a stale render's copy) and
 * lets React subscribe with `useSyncExternalStore`.
 */
import { emptyState, notebookReducer, type Action, type NotebookState } from "./model/commands";

export class NotebookStore {
  private state: NotebookState = emptyState;
  private readonly listeners = new Set<() => void>();

  getState = (): NotebookState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispatch = (action: Action): NotebookState => {
    const next = notebookReducer(this.state, action);
    if (next !== this.state) {
      this.state = next;
      for (const listener of this.listeners) listener();
    }
    return next;
  };
}

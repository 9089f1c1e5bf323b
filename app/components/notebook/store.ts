/**
 * The stateful shell around the pure command core: holds the current `NotebookState`, applies actions
 * synchronously (kernel callbacks and timers read the latest state, never a stale render's copy) and
 * lets React subscribe with `useSyncExternalStore`.
 */
import { emptyState, notebookReducer, type Action, type NotebookState } from "./model/commands";
import { sameBesideSources } from "./model/view";

export class NotebookStore {
  private state: NotebookState = emptyState;
  private view: NotebookState = emptyState;
  private readonly listeners = new Set<() => void>();

  getState = (): NotebookState => this.state;

  /**
   * The state as of its last change other than cell sources (see `sameBesideSources`): the snapshot the
   * notebook shell renders, so a keystroke re-renders only the cell that reads its own source.
   */
  getView = (): NotebookState => {
    if (!sameBesideSources(this.view, this.state)) this.view = this.state;
    return this.view;
  };

  /** A cell's current source, or undefined once no cell with that id is at `index`. */
  sourceAt(index: number, id: string): string | undefined {
    const cell = this.state.cells[index];
    return cell?.id === id ? cell.source : undefined;
  }

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

/**
 * Per-notebook handles the shell needs from live cell editors (cursor offsets for split, focus) and the
 * Monaco models that outlive them: a cell scrolled far away loses its editor but keeps its model, so
 * undo history survives scrolling.
 */
import type { editor as Editor } from "monaco-editor/editor/editor.api.js";
import type { Monaco } from "./monaco/load-monaco";

export interface CellEditorHandle {
  /** Cursor and selection boundaries as offsets into the source (UTF-16). */
  cursorOffsets(): number[];
  focus(): void;
}

export class EditorRegistry {
  private readonly handles = new Map<string, CellEditorHandle>();
  private readonly models = new Map<string, Editor.ITextModel>();

  setHandle(cellId: string, handle: CellEditorHandle | null): void {
    if (handle) this.handles.set(cellId, handle);
    else this.handles.delete(cellId);
  }

  handle(cellId: string): CellEditorHandle | undefined {
    return this.handles.get(cellId);
  }

  model(monaco: Monaco, cellId: string, source: string): Editor.ITextModel {
    let model = this.models.get(cellId);
    if (!model || model.isDisposed()) {
      model = monaco.editor.createModel(source, "python");
      this.models.set(cellId, model);
    }
    return model;
  }

  existingModel(cellId: string): Editor.ITextModel | undefined {
    return this.models.get(cellId);
  }

  /** Disposes the models of cells no longer in the notebook. */
  retain(cellIds: ReadonlySet<string>): void {
    for (const [id, model] of this.models) {
      if (!cellIds.has(id)) {
        model.dispose();
        this.models.delete(id);
      }
    }
  }

  dispose(): void {
    for (const model of this.models.values()) model.dispose();
    this.models.clear();
    this.handles.clear();
  }
}

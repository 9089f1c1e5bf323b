/**
 * Completions, hover docs and signature help for Python cells, answered by the notebook's kernel
 * (complete_request / inspect_request), so they know the names the student's cells defined and the
 * simulator's `nl`, `nisa` and `np` APIs. Providers are registered once per page; each cell's model is
 * mapped to the kernel of its notebook.
 */
import type { languages as Languages, editor as Editor, IRange } from "monaco-editor/editor/editor.api.js";
import { activeArgument, parseInspectSignature, toCodePoints, toUtf16 } from "../model/introspection";
import type { NotebookKernel } from "../kernel/notebook-kernel";
import type { Monaco } from "./load-monaco";

export type KernelIntrospection = Pick<NotebookKernel, "complete" | "inspect">;

const kernelsByModel = new Map<string, KernelIntrospection>();
let registered = false;

export function bindModelToKernel(model: Editor.ITextModel, kernel: KernelIntrospection): () => void {
  const key = model.uri.toString();
  kernelsByModel.set(key, kernel);
  return () => {
    if (kernelsByModel.get(key) === kernel) kernelsByModel.delete(key);
  };
}

export function registerKernelLanguageFeatures(monaco: Monaco): void {
  if (registered) return;
  registered = true;
  const kinds = monaco.languages.CompletionItemKind;
  const kindOf: Record<string, Languages.CompletionItemKind> = {
    function: kinds.Function,
    class: kinds.Class,
    module: kinds.Module,
    instance: kinds.Variable,
    keyword: kinds.Keyword,
    param: kinds.Property,
    statement: kinds.Snippet,
  };

  monaco.languages.registerCompletionItemProvider("python", {
    triggerCharacters: ["."],
    async provideCompletionItems(model, position) {
      const kernel = kernelsByModel.get(model.uri.toString());
      if (!kernel) return { suggestions: [] };
      const code = model.getValue();
      const offset = model.getOffsetAt(position);
      const reply = await kernel.complete(code, toCodePoints(code, offset)).catch(() => null);
      if (!reply) return { suggestions: [] };
      const start = model.getPositionAt(toUtf16(code, reply.cursor_start));
      const end = model.getPositionAt(toUtf16(code, reply.cursor_end));
      const range: IRange = { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
      const types = new Map<string, string>();
      const experimental = reply.metadata._jupyter_types_experimental;
      if (Array.isArray(experimental)) {
        for (const t of experimental as { text?: unknown; type?: unknown }[]) {
          if (typeof t.text === "string" && typeof t.type === "string") types.set(t.text, t.type);
        }
      }
      return {
        suggestions: reply.matches.map((match, i) => ({
          label: match,
          insertText: match,
          kind: kindOf[types.get(match) ?? "instance"] ?? kinds.Variable,
          detail: types.get(match),
          range,
          // Keep the kernel's order (keyword arguments first, then public names).
          sortText: String(i).padStart(5, "0"),
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider("python", {
    async provideHover(model, position) {
      const kernel = kernelsByModel.get(model.uri.toString());
      const word = model.getWordAtPosition(position);
      if (!kernel || !word) return null;
      const code = model.getValue();
      const offset = model.getOffsetAt({ lineNumber: position.lineNumber, column: word.endColumn });
      const reply = await kernel.inspect(code, toCodePoints(code, offset)).catch(() => null);
      const text = reply?.found ? reply.data["text/plain"] : undefined;
      if (typeof text !== "string") return null;
      return {
        range: { startLineNumber: position.lineNumber, startColumn: word.startColumn, endLineNumber: position.lineNumber, endColumn: word.endColumn },
        contents: [{ value: "```text\n" + text + "\n```" }],
      };
    },
  });

  monaco.languages.registerSignatureHelpProvider("python", {
    signatureHelpTriggerCharacters: ["(", ","],
    signatureHelpRetriggerCharacters: [","],
    async provideSignatureHelp(model, position) {
      const kernel = kernelsByModel.get(model.uri.toString());
      if (!kernel) return null;
      const code = model.getValue();
      const offset = model.getOffsetAt(position);
      const argument = activeArgument(code, offset);
      if (argument === null) return null;
      const reply = await kernel.inspect(code, toCodePoints(code, offset)).catch(() => null);
      const text = reply?.found ? reply.data["text/plain"] : undefined;
      const signature = typeof text === "string" ? parseInspectSignature(text) : null;
      if (!signature) return null;
      return {
        value: {
          signatures: [
            {
              label: signature.label,
              // Plain text: docstrings are numpydoc/reST, which markdown would mangle.
              documentation: signature.doc || undefined,
              parameters: signature.parameters.map((range) => ({ label: range })),
            },
          ],
          activeSignature: 0,
          activeParameter: Math.min(argument, Math.max(0, signature.parameters.length - 1)),
        },
        dispose() {},
      };
    },
  });
}

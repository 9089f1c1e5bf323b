/**
 * A lean Monaco for read-only source views: the editor API plus the Python grammar only (the full
 * `editor.main` entry pulls in every language service). Loaded once, on the client, on demand.
 */

export type Monaco = typeof import("monaco-editor/editor/editor.api.js");

let loading: Promise<Monaco> | null = null;

export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    const env = self as unknown as { MonacoEnvironment?: { getWorker: () => Worker } };
    env.MonacoEnvironment ??= {
      getWorker: () => new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" }),
    };
    const monaco = await import("monaco-editor/editor/editor.api.js");
    await import("monaco-editor/languages/definitions/python/register.js");
    return monaco;
  })();
  return loading;
}

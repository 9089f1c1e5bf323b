/**
 * Loads Monaco once per page, on demand, and wires its worker from the local package.
 */
export type Monaco = typeof import("./monaco-lean");

let loading: Promise<Monaco> | null = null;

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

export function loadMonaco(): Promise<Monaco> {
  if (!loading) {
    window.MonacoEnvironment = {
      getWorker: () => new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module" }),
    };
    loading = import("./monaco-lean");
  }
  return loading;
}

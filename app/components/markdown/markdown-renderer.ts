/**
 * The markdown renderer for the browser (./pipeline.ts), loaded as chunks apart from the page: the
 * pipeline when a page that shows markdown loads, the math plugins (KaTeX) only once a source with
 * `$` is shown. Rendered HTML is cached by source so re-renders and remounts are free.
 */
import type { MathPlugins } from "./pipeline";

type Render = (markdown: string) => string;
type Stage = "plain" | "math";

let createRenderer: ((math: MathPlugins | null) => Render) | null = null;
let plain: Render | null = null;
let withMath: Render | null = null;
const loading: Partial<Record<Stage, Promise<void>>> = {};
const listeners = new Set<() => void>();
const cache = new Map<string, string>();
const CACHE_ENTRIES = 500;
let version = 0;

/** Loads the pipeline, and the math plugins too when `math` is set. */
export function loadMarkdownRenderer(math = false): Promise<void> {
  const pipeline = (loading.plain ??= once("plain", import("./pipeline").then((m) => {
    createRenderer = m.createRenderer;
    plain = m.createRenderer(null);
  })));
  if (!math) return pipeline;
  return (loading.math ??= once("math", Promise.all([pipeline, import("./math-plugins")]).then(([, m]) => {
    withMath = createRenderer!(m.mathPlugins);
  })));
}

/** Notifies listeners on success; on failure (offline, redeployed) forgets the attempt so a later call retries. */
function once(stage: Stage, load: Promise<void>): Promise<void> {
  return load.then(
    () => {
      version++;
      for (const l of listeners) l();
    },
    () => {
      delete loading[stage];
    },
  );
}

export function subscribeRenderer(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes whenever another part of the renderer has loaded (for useSyncExternalStore). */
export function rendererVersion(): number {
  return version;
}

export function needsMath(source: string): boolean {
  return source.includes("$");
}

/** Sanitised HTML for `source`, or null while the part of the renderer it needs is still loading. */
export function renderedMarkdown(source: string): string | null {
  const render = needsMath(source) ? withMath : plain;
  if (!render) return null;
  let html = cache.get(source);
  if (html === undefined) {
    try {
      html = render(source);
    } catch {
      // A pipeline failure must not take the notebook down: show the source as text.
      html = `<pre>${escapeHtml(source)}</pre>`;
    }
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  } else {
    cache.delete(source); // re-inserted below: most recently used last
  }
  cache.set(source, html);
  return html;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

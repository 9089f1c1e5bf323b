/**
 * The markdown pipeline of lib/notebook/render-markdown.ts (the same one the server uses for
 * read-only notebooks), loaded as its own chunk: remark, rehype, KaTeX and highlight.js are about
 * 190 KB gzipped, too much for the notebook page's first load. Loading starts as soon as a markdown
 * view mounts; rendered HTML is cached by source so re-renders and remounts are free.
 */

type Render = (markdown: string) => string;

let render: Render | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();
const cache = new Map<string, string>();
const CACHE_ENTRIES = 500;

export function loadMarkdownRenderer(): Promise<void> {
  loading ??= import("@/lib/notebook/render-markdown").then(
    (m) => {
      render = m.renderMarkdown;
      for (const l of listeners) l();
    },
    () => {
      // The chunk failed to load (offline, redeployed): sources stay shown as text; a later mount retries.
      loading = null;
    },
  );
  return loading;
}

export function subscribeRenderer(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function rendererReady(): boolean {
  return render !== null;
}

/** Sanitised HTML for `source`, or null while the renderer is still loading. */
export function renderedMarkdown(source: string): string | null {
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

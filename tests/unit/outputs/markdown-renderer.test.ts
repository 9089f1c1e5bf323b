import { describe, expect, it } from "vitest";
import { loadMarkdownRenderer, renderedMarkdown, rendererReady, subscribeRenderer } from "../../../app/components/markdown/markdown-renderer";
import { renderMarkdown } from "../../../lib/notebook/render-markdown";

describe("the browser's markdown renderer", () => {
  it("is the server's pipeline, loaded on demand, announcing when it is ready", async () => {
    const source = "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n$x^2$ and `code`\n\n```python\nimport numpy as np\n```\n\n<img src=x onerror=alert(1)>";
    expect(rendererReady()).toBe(false);
    expect(renderedMarkdown(source)).toBeNull();
    let notified = 0;
    const unsubscribe = subscribeRenderer(() => notified++);
    await loadMarkdownRenderer();
    unsubscribe();
    expect(notified).toBe(1);
    const html = renderedMarkdown(source)!;
    expect(html).toBe(renderMarkdown(source));
    expect(html).toContain('class="katex"');
    expect(html).toContain("<table>");
    expect(html).not.toContain("onerror");
    // Cached: the same string comes back without re-rendering.
    expect(renderedMarkdown(source)).toBe(html);
  });
});

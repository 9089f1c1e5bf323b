import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMarkdownRenderer, renderedMarkdown, rendererVersion, subscribeRenderer } from "../../../app/components/markdown/markdown-renderer";
import { renderMarkdown } from "../../../lib/notebook/render-markdown";

const notebooksDir = path.resolve(import.meta.dirname, "../../../notebooks");
const tutorialMarkdown: string[] = fs
  .readdirSync(notebooksDir)
  .filter((f) => f.endsWith(".ipynb"))
  .flatMap((f) => {
    const nb = JSON.parse(fs.readFileSync(path.join(notebooksDir, f), "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
    return nb.cells.filter((c) => c.cell_type === "markdown").map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));
  });

const SAMPLES = [
  "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~struck~~ and a [link](https://example.com)",
  "```python\nimport numpy as np\nfor i in range(3):\n    print(f\"{i}\")\n```\n\n```bash\necho $HOME | grep x\n```\n\n```json\n{\"a\": [1, true]}\n```",
  "```\nno language\n```\n\n```nohighlight\nx\n```\n\n```python no-highlight\nkept\n```",
  "<img src=x onerror=alert(1)> <script>alert(1)</script> <a href=\"javascript:alert(1)\">x</a>",
  "Inline $x^2$ and display\n\n$$\n\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}\n$$\n\nand `$not math$` in code",
];

describe("the browser's markdown renderer", () => {
  it("loads in two stages and then renders exactly what the server renders", async () => {
    expect(rendererVersion()).toBe(0);
    expect(renderedMarkdown("plain")).toBeNull();
    let notified = 0;
    const unsubscribe = subscribeRenderer(() => notified++);
    await loadMarkdownRenderer();
    expect(notified).toBe(1);
    expect(renderedMarkdown("plain *text*")).toBe(renderMarkdown("plain *text*"));
    expect(renderedMarkdown("math $x$")).toBeNull(); // the KaTeX stage is not loaded yet
    await loadMarkdownRenderer(true);
    unsubscribe();
    expect(notified).toBe(2);
    expect(tutorialMarkdown.length).toBeGreaterThan(10);
    for (const source of [...tutorialMarkdown, ...SAMPLES]) expect(renderedMarkdown(source)).toBe(renderMarkdown(source));
  });

  it("highlights the notebook languages and sanitises raw HTML", () => {
    const code = renderedMarkdown(SAMPLES[1])!;
    expect(code).toContain('<code class="hljs language-python"><span class="hljs-keyword">import</span>');
    const html = renderedMarkdown(SAMPLES[3])!;
    expect(html).not.toMatch(/onerror|<script|javascript:/);
    expect(renderedMarkdown(SAMPLES[4])).toContain('class="katex-display"');
  });
});

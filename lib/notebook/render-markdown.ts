/**
 * Markdown cells to HTML: GitHub-flavoured markdown, math typeset with KaTeX, code blocks highlighted.
 * Raw HTML in a cell is sanitised (GitHub's allow-list) before KaTeX and the highlighter add their own
 * markup, so a notebook can never inject scripts or event handlers.
 */
import rehypeHighlight from "rehype-highlight";
import rehypeKatex from "rehype-katex";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { toHtml } from "hast-util-to-html";
import { common, createLowlight } from "lowlight";

// remark-math marks math with these classes; code blocks keep their `language-*` class for highlighting.
const codeClasses: [string, ...(string | RegExp)[]] = ["className", /^language-./, "math-inline", "math-display"];
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, code: [...(defaultSchema.attributes?.code ?? []), codeClasses] },
};

const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeSanitize, schema)
  .use(rehypeKatex)
  .use(rehypeHighlight, { detect: false })
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  return String(markdownProcessor.processSync(markdown));
}

const lowlight = createLowlight(common);

/** Python source as highlighted HTML (highlight.js classes), for read-only code cells. */
export function highlightPython(source: string): string {
  return toHtml(lowlight.highlight("python", source));
}

/**
 * The browser's markdown pipeline: lib/notebook/render-markdown.ts's (GFM, GitHub's sanitize
 * allow-list, KaTeX, highlighted code) split for a small first load. Math plugins arrive in a separate
 * chunk only for sources that contain `$` (without one, remark-math changes nothing, so the output is
 * the server's), and code is highlighted with a notebook-sized set of grammars.
 */
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type Pluggable } from "unified";
import { rehypeHighlightNotebook } from "./highlight";

export interface MathPlugins {
  readonly remarkMath: Pluggable;
  readonly rehypeKatex: Pluggable;
}

// As on the server: remark-math marks math with these classes; code keeps `language-*` for highlighting.
const codeClasses: [string, ...(string | RegExp)[]] = ["className", /^language-./, "math-inline", "math-display"];
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, code: [...(defaultSchema.attributes?.code ?? []), codeClasses] },
};

export function createRenderer(math: MathPlugins | null): (markdown: string) => string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(math ? [math.remarkMath] : [])
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeSanitize, schema)
    .use(math ? [math.rehypeKatex] : [])
    .use(rehypeHighlightNotebook)
    .use(rehypeStringify);
  return (markdown) => String(processor.processSync(markdown));
}

/** remark-math and rehype-katex (KaTeX is about 75 KB gzipped): loaded only for markdown with `$`. */
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import type { MathPlugins } from "./pipeline";

export const mathPlugins: MathPlugins = { remarkMath, rehypeKatex };

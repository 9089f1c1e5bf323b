/**
 * Code-block highlighting for markdown in the browser: what rehype-highlight does on the server
 * (`detect: false`: only blocks with a `language-*` class, `hljs` class added, unknown languages left
 * plain), with the grammars notebooks use instead of highlight.js's 37 "common" ones, which
 * rehype-highlight always bundles (about 50 KB gzipped).
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { createLowlight } from "lowlight";
import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import diff from "highlight.js/lib/languages/diff";
import ini from "highlight.js/lib/languages/ini";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import plaintext from "highlight.js/lib/languages/plaintext";
import python from "highlight.js/lib/languages/python";
import shell from "highlight.js/lib/languages/shell";
import yaml from "highlight.js/lib/languages/yaml";

const lowlight = createLowlight({ bash, c, cpp, diff, ini, json, markdown, plaintext, python, shell, yaml });

export function rehypeHighlightNotebook() {
  return (tree: Root) => walk(tree.children, null);
}

function walk(nodes: readonly (RootContent | ElementContent)[], parent: Element | null): void {
  for (const node of nodes) {
    if (node.type !== "element") continue;
    if (node.tagName === "code" && parent?.tagName === "pre") highlight(node);
    else walk(node.children, node);
  }
}

function highlight(node: Element): void {
  const lang = language(node);
  if (!lang) return;
  const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
  node.properties.className = classes.includes("hljs") ? classes : ["hljs", ...classes];
  if (!lowlight.registered(lang)) return;
  const result = lowlight.highlight(lang, textOf(node));
  if (result.children.length > 0) node.children = result.children as ElementContent[];
}

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  return node.type === "element" ? node.children.map(textOf).join("") : "";
}

/** The block's language from `language-*` / `lang-*`; none for `no-highlight`. */
function language(node: Element): string | null {
  const list = node.properties.className;
  if (!Array.isArray(list)) return null;
  let name: string | null = null;
  for (const value of list.map(String)) {
    if (value === "no-highlight" || value === "nohighlight") return null;
    if (!name && value.startsWith("lang-")) name = value.slice(5);
    if (!name && value.startsWith("language-")) name = value.slice(9);
  }
  return name;
}

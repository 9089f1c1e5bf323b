/**
 * DOMPurify for output HTML and SVG: no scripts, no event handlers, no `javascript:` URLs (DOMPurify's
 * defaults), and additionally no <style> (an output must not restyle the workbench) and no forms.
 * Links open in a new tab without access to this one. Browser-only: DOMPurify needs a DOM.
 */
import DOMPurify from "dompurify";

let hooked = false;

function purifier(): typeof DOMPurify {
  if (!hooked) {
    DOMPurify.addHook("afterSanitizeAttributes", (node) => {
      if (node.tagName === "A" && node.hasAttribute("href")) {
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer");
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

export function sanitizeHtml(html: string): string {
  return purifier().sanitize(html, { FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select"], ADD_ATTR: ["target"] });
}

/** SVG keeps its own <style>: it is shown through an <img>, so those rules cannot reach the page. */
export function sanitizeSvg(svg: string): string {
  return purifier().sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true } });
}

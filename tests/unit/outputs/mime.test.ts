import { describe, expect, it } from "vitest";
import { chooseMime, latexAsMarkdown, MIME_PRIORITY, PLOTLY_MIME } from "../../../app/components/outputs/mime";
import { PROFILE_MIME } from "../../../lib/profile/document";
import fixture from "../../../app/dev/outputs/fixtures/profile.json";
import image from "../../../app/dev/outputs/fixtures/image.json";

describe("choosing what to show from a MIME bundle", () => {
  it("ranks types like the brief: plotly, profile, html, svg, png/jpeg, markdown, latex, json, plain", () => {
    expect(MIME_PRIORITY).toEqual([
      PLOTLY_MIME, PROFILE_MIME, "text/html", "image/svg+xml", "image/png", "image/jpeg", "image/gif",
      "text/markdown", "text/latex", "application/json", "text/plain",
    ]);
  });

  it("prefers html over plain text and joins multiline strings", () => {
    const c = chooseMime({ "text/plain": "df", "text/html": ["<b>", "x</b>"] }, {});
    expect(c.view).toEqual({ kind: "html", html: "<b>x</b>" });
    expect(c.rejected).toEqual([]);
  });

  it("shows a PNG with its size from metadata and the text/plain repr as alt text", () => {
    const c = chooseMime({ "image/png": image.png, "text/plain": "<Figure size 240x120>" }, { "image/png": { width: 240, height: 120 } });
    expect(c.view).toMatchObject({ kind: "image", mime: "image/png", width: 240, height: 120, alt: "<Figure size 240x120>" });
  });

  it("falls back past malformed payloads and says which ones", () => {
    const c = chooseMime({ "image/png": "not base64!", [PLOTLY_MIME]: { data: "nope" }, "text/plain": "fallback" }, {});
    expect(c.view).toEqual({ kind: "text", text: "fallback" });
    expect(c.rejected.map((r) => r.mime)).toEqual([PLOTLY_MIME, "image/png"]);
  });

  it("reports a bundle with nothing it can draw", () => {
    expect(chooseMime({ "application/x-unknown": "?" }, {})).toMatchObject({ view: null, rejected: [{ mime: "application/x-unknown" }] });
    expect(chooseMime("not a bundle", {})).toMatchObject({ view: null });
    expect(chooseMime({ "text/plain": 42 }, {})).toMatchObject({ view: null, rejected: [{ mime: "text/plain", reason: "expected a string" }] });
  });

  it("accepts a Plotly figure produced by lib/profile's timelineFigure", () => {
    const c = chooseMime({ [PLOTLY_MIME]: fixture.figure, "text/plain": "Figure" }, {});
    expect(c.view?.kind).toBe("plotly");
    if (c.view?.kind === "plotly") expect(c.view.figure.data).toHaveLength(fixture.figure.data.length);
  });

  it("rejects SVG without an svg element and JSON with non-JSON numbers", () => {
    expect(chooseMime({ "image/svg+xml": "<div/>" }, {}).rejected[0]).toEqual({ mime: "image/svg+xml", reason: "no <svg> element" });
    expect(chooseMime({ "application/json": { a: Infinity } }, {}).view).toBeNull();
  });
});

describe("LaTeX outputs as KaTeX markdown", () => {
  it("keeps dollar-delimited math and rewrites the other delimiters", () => {
    expect(latexAsMarkdown("$\\displaystyle x^{2}$")).toBe("$\\displaystyle x^{2}$");
    expect(latexAsMarkdown("\\[ a + b \\]")).toBe("$$\na + b\n$$");
    expect(latexAsMarkdown("\\(a\\)")).toBe("$a$");
    expect(latexAsMarkdown("\\begin{equation}E = mc^2\\end{equation}")).toBe("$$\n\\begin{equation}E = mc^2\\end{equation}\n$$");
    expect(chooseMime({ "text/latex": ["\\[", "x", "\\]"] }, {}).view).toEqual({ kind: "latex", source: "$$\nx\n$$" });
  });
});

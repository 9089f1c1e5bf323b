"use client";
import { useMemo } from "react";
import { MarkdownView } from "../markdown/MarkdownView";
import { CannotDisplay } from "./CannotDisplay";
import { CollapsibleText } from "./CollapsibleText";
import { HtmlOutput } from "./HtmlOutput";
import { chooseMime, multiline, type MimeView } from "./mime";
import { PlotlyOutput } from "./PlotlyOutput";
import { ProfileCardView } from "./ProfileCardView";
import { SvgOutput } from "./SvgOutput";
import styles from "./outputs.module.css";

/** One display_data / execute_result bundle, drawn in its richest valid representation. */
export function MimeOutput({ data, metadata }: { data: unknown; metadata: unknown }) {
  const choice = useMemo(() => chooseMime(data, metadata), [data, metadata]);
  return (
    <>
      {choice.rejected.map((r) => (
        <CannotDisplay key={r.mime} what={r.mime} reason={r.reason} fallback={choice.view !== null} />
      ))}
      {choice.view && <MimeViewOutput view={choice.view} alt={altText(data)} />}
    </>
  );
}

function MimeViewOutput({ view, alt }: { view: MimeView; alt: string }) {
  switch (view.kind) {
    case "plotly":
      return <PlotlyOutput figure={view.figure} />;
    case "profile":
      return <ProfileCardView card={view.card} />;
    case "html":
      return <HtmlOutput html={view.html} />;
    case "svg":
      return <SvgOutput svg={view.svg} alt={alt} />;
    case "image":
      return (
        // Width/height from the output metadata reserve the image's box before it decodes.
        <img
          className={styles.image}
          src={`data:${view.mime};base64,${view.base64}`}
          alt={view.alt}
          width={view.width ?? undefined}
          height={view.height ?? undefined}
        />
      );
    case "markdown":
    case "latex":
      // LaTeX outputs come as $…$ / $$…$$ text, which the markdown pipeline typesets with KaTeX.
      return (
        <div className={styles.markdownOutput}>
          <MarkdownView source={view.source} />
        </div>
      );
    case "json":
      return <CollapsibleText text={JSON.stringify(view.value, null, 2)} />;
    case "text":
      return <CollapsibleText text={view.text} />;
  }
}

function altText(data: unknown): string {
  const plain = typeof data === "object" && data !== null ? multiline((data as Record<string, unknown>)["text/plain"]) : null;
  return plain && plain.trim() !== "" ? plain.trim() : "Image output";
}

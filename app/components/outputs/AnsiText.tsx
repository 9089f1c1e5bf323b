import { memo, type CSSProperties } from "react";
import { ansiSegments, type AnsiColor } from "./ansi";
import { linkParts } from "./links";
import styles from "./outputs.module.css";

/** Text with ANSI colours as styled spans and web addresses as links (never as HTML: the text is untrusted). */
export const AnsiText = memo(function AnsiText({ text }: { text: string }) {
  const segments = ansiSegments(text);
  return (
    <>
      {segments.map((s, i) => {
        const plain = !s.fg && !s.bg && !s.bold && !s.dim && !s.italic && !s.underline;
        if (plain) return <Linked key={i} text={s.text} />;
        const className = [
          colorClass(s.fg, "fg"),
          colorClass(s.bg, "bg"),
          s.bold && styles.bold,
          s.dim && styles.dim,
          s.italic && styles.italic,
          s.underline && styles.underline,
        ].filter(Boolean).join(" ");
        const style: CSSProperties = {};
        if (s.fg?.kind === "rgb") style.color = s.fg.rgb;
        if (s.bg?.kind === "rgb") style.backgroundColor = s.bg.rgb;
        return <span key={i} className={className || undefined} style={s.fg?.kind === "rgb" || s.bg?.kind === "rgb" ? style : undefined}><Linked text={s.text} /></span>;
      })}
    </>
  );
});

function colorClass(c: AnsiColor | null, layer: "fg" | "bg"): string | undefined {
  if (c?.kind !== "named") return undefined;
  // e.g. styles["fg-red"], styles["bg-bright-blue"]
  return styles[`${layer}-${c.name}`];
}

function Linked({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((p, i) =>
        p.href ? <a key={i} href={p.href} target="_blank" rel="noopener noreferrer">{p.text}</a> : p.text,
      )}
    </>
  );
}

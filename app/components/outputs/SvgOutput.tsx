"use client";
import { useMemo } from "react";
import { sanitizeSvg } from "./sanitize";
import { useIsClient } from "./use-is-client";
import styles from "./outputs.module.css";

/** Sanitised, then drawn through an <img>: nothing in the SVG can script or restyle the page. */
export function SvgOutput({ svg, alt }: { svg: string; alt: string }) {
  const isClient = useIsClient();
  const src = useMemo(() => (isClient ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(sanitizeSvg(svg))}` : null), [isClient, svg]);
  if (!src) return <div className={styles.imagePending} />;
  return <img className={styles.image} src={src} alt={alt} />;
}

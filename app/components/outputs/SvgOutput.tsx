"use client";
import { useMemo } from "react";
import { svgSize } from "./image-size";
import { sanitizeSvg } from "./sanitize";
import { useIsClient } from "./use-is-client";
import styles from "./outputs.module.css";

/** Sanitised, then drawn through an <img>: nothing in the SVG can script or restyle the page. */
export function SvgOutput({ svg, alt }: { svg: string; alt: string }) {
  const isClient = useIsClient();
  const src = useMemo(() => (isClient ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(sanitizeSvg(svg))}` : null), [isClient, svg]);
  const size = useMemo(() => svgSize(svg), [svg]);
  if (!src) return <div className={styles.imagePending} style={size ? { height: size.height } : undefined} />;
  return <img className={styles.image} src={src} alt={alt} width={size?.width} height={size?.height} />;
}

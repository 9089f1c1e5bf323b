/**
 * Intrinsic sizes read from image data, so an <img> can reserve its box before it decodes (no layout
 * shift when outputs arrive). Output metadata sizes take precedence where a notebook gives them.
 */

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** A PNG's IHDR width and height: bytes 16–23, i.e. the first 32 base64 characters. */
export function pngSize(base64: string): ImageSize | null {
  let bytes: string;
  try {
    bytes = atob(base64.slice(0, 32));
  } catch {
    return null;
  }
  if (bytes.length < 24 || bytes.slice(1, 4) !== "PNG" || bytes.slice(12, 16) !== "IHDR") return null;
  const u32 = (at: number) => ((bytes.charCodeAt(at) << 24) | (bytes.charCodeAt(at + 1) << 16) | (bytes.charCodeAt(at + 2) << 8) | bytes.charCodeAt(at + 3)) >>> 0;
  const width = u32(16);
  const height = u32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** The root <svg> element's width and height when both are plain numbers or pixels. */
export function svgSize(svg: string): ImageSize | null {
  const tag = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!tag) return null;
  const length = (name: string) => {
    const m = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)\\s*(px)?\\s*["']`, "i").exec(tag);
    const v = m ? Number(m[1]) : NaN;
    return Number.isFinite(v) && v > 0 ? v : null;
  };
  const width = length("width");
  const height = length("height");
  return width !== null && height !== null ? { width, height } : null;
}

/**
 * Bar colours: by opcode class (what kind of work: DMA, matmul, transpose, activation, vector
 * arithmetic, ...) or by source line (a stable hue per line, so a line keeps its colour across
 * zooms and between the timeline and the source view).
 */

export type ColorMode = "opcode" | "line";

export const OPCODE_CLASSES = [
  { name: "DMA", color: "#4c78a8" },
  { name: "matmul", color: "#e4572e" },
  { name: "transpose", color: "#f2a541" },
  { name: "activation", color: "#54a24b" },
  { name: "vector", color: "#8e6cc0" },
  { name: "gpsimd", color: "#b279a2" },
  { name: "memset / iota", color: "#9d9d9d" },
  { name: "sync / other", color: "#6b6b6b" },
  { name: "spill", color: "#d62728" },
] as const;

const DMA = 0;
const MATMUL = 1;
const TRANSPOSE = 2;
const ACTIVATION = 3;
const VECTOR = 4;
const GPSIMD = 5;
const FILL = 6;
const OTHER = 7;

/** Opcode class index for an engine name (ENGINE_NAMES) and opcode. */
export function opcodeClass(engine: string, opcode: string): number {
  if (engine === "dma") return DMA;
  if (opcode.includes("transpose")) return TRANSPOSE;
  if (engine === "tensor") return MATMUL;
  if (opcode === "memset" || opcode === "iota") return FILL;
  if (engine === "scalar") return ACTIVATION;
  if (engine === "vector") return VECTOR;
  if (engine === "gpsimd") return GPSIMD;
  return OTHER;
}

/** A stable, distinguishable colour per source line (golden-angle hues). */
export function lineColor(line: number): string {
  const hue = Math.round((line * 137.508) % 360);
  return `hsl(${hue} 55% 52%)`;
}

/** Decoding helpers shared by the golden-file tests (values written by format.gen.py). */
const view = new DataView(new ArrayBuffer(8));

export function fromBits(hex: string): number {
  view.setBigUint64(0, BigInt("0x" + hex));
  return view.getFloat64(0);
}

export function toBits(x: number): string {
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}

export type Outcome<T> = { ok: T } | { error: string; message: string };

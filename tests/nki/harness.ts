/** Runs NKI kernel sources in a Python Session with numpy + NKI, for the tests under tests/nki. */
import { Session, type ExecuteResult } from "../../lib/python";
import { NUMPY_MODULES } from "../../lib/numpy/python";
import { createNkiModules } from "../../lib/nki";
import type { TargetName } from "../../lib/sim";
import { DTYPES } from "../../lib/numpy/dtypes";
import { fromStorage } from "../../lib/numpy/ndarray";
import { PyNDArray } from "../../lib/numpy/python/convert";
import { wrapArray } from "../../lib/numpy/python/types";

export const PRELUDE = "import numpy as np\nimport neuronxcc.nki as nki\nimport neuronxcc.nki.language as nl\nimport neuronxcc.nki.isa as nisa\n";

export function session(target?: TargetName): { s: Session; out: string[] } {
  const out: string[] = [];
  const s = new Session({ stdout: (t) => out.push(t), stderr: (t) => out.push(t), modules: [...NUMPY_MODULES, ...createNkiModules({ target })] });
  const r = s.execute(PRELUDE, { cellName: "<prelude>" });
  if (r.status !== "ok") throw new Error(r.error.traceback);
  return { s, out };
}

/** The generator's deterministic inputs (see tests/nki/kernels.gen.py: rand). */
export function genInput(seed: number, shape: readonly number[], lo: number, hi: number, quantum = 0): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const i = k + seed * 1000003;
    const u = (Math.imul(i, 2654435761) >>> 0) / 2 ** 32;
    const x = u * (hi - lo) + lo;
    out[k] = quantum ? Math.floor(x / quantum) * quantum : x;
  }
  return out;
}

export function setArray(s: Session, name: string, shape: readonly number[], data: Float32Array): void {
  s.main.scope.set(name, wrapArray(fromStorage(DTYPES.float32, shape, data)));
}

export function arrayValue(s: Session, name: string): { shape: number[]; data: Float64Array } {
  const v = s.get(name);
  if (!(v instanceof PyNDArray)) throw new Error(`${name} is not an ndarray`);
  const a = v.arr;
  const data = new Float64Array(a.size);
  const idx = new Array<number>(a.ndim).fill(0);
  for (let i = 0; i < a.size; i++) {
    let off = a.offset;
    for (let k = 0; k < a.ndim; k++) off += idx[k] * a.strides[k];
    data[i] = Number(a.data[off]);
    for (let k = a.ndim - 1; k >= 0; k--) {
      if (++idx[k] < a.shape[k]) break;
      idx[k] = 0;
    }
  }
  return { shape: [...a.shape], data };
}

export function ok(r: ExecuteResult): void {
  if (r.status === "error") throw new Error(r.error.traceback);
}

export function decodeF32(b64: string): Float32Array {
  const bytes = Buffer.from(b64, "base64");
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

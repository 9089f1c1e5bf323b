/**
 * Pins what kernel runs record, bit for bit: the trace fingerprint (lib/sim/trace/fingerprint) and the
 * exact output bits of every tutorial-style kernel of tests/nki (functional mode), plus timing-only
 * runs of the tiled and blocked matmuls through nki.benchmark. The pinned values are a regression
 * record of the recorder (there is no external oracle for a trace; numerics are checked against numpy
 * in tests/nki/kernels.test.ts): any change to recorded instructions, dependencies or values must be
 * deliberate. Regenerate with TRACE_PIN_UPDATE=1 npx vitest run lib/nki/trace-pin.test.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { traceFingerprint } from "../sim/trace/fingerprint";
import { genInput, ok, session, setArray } from "../../tests/nki/harness";
import { PyNDArray } from "../numpy/python/convert";
import { lastKernelMachine } from "./jit";

interface Case {
  name: string;
  file: string;
  call: string;
  inputs: Record<string, { shape: number[]; seed: number; lo: number; hi: number; quantum: number }>;
}

const KERNELS = join(__dirname, "..", "..", "tests", "nki");
const CASES = JSON.parse(readFileSync(join(KERNELS, "kernels.golden.json"), "utf8")) as Case[];
const PIN_FILE = join(__dirname, "golden", "trace-pin.json");
const UPDATE = process.env.TRACE_PIN_UPDATE === "1";
const pinned = JSON.parse(readFileSync(PIN_FILE, "utf8")) as Record<string, string>;
const seen: Record<string, string> = {};

function pin(name: string, value: string): void {
  seen[name] = value;
  if (!UPDATE) expect(value).toBe(pinned[name]);
}

/** FNV-1a over the raw bytes of an ndarray's elements in C order (exact bits, dtype included). */
function valueHash(v: unknown): string {
  if (!(v instanceof PyNDArray)) return String(v);
  const a = v.arr;
  let h = 0x811c9dc5;
  const mix = (x: number): void => {
    h = Math.imul(h ^ x, 0x01000193);
  };
  for (const c of a.dtype.name) mix(c.charCodeAt(0));
  for (const s of a.shape) mix(s);
  const idx = new Array<number>(a.ndim).fill(0);
  const f = new Float64Array(1);
  const w = new Uint32Array(f.buffer);
  for (let i = 0; i < a.size; i++) {
    let off = a.offset;
    for (let k = 0; k < a.ndim; k++) off += idx[k] * a.strides[k];
    f[0] = Number(a.data[off]);
    mix(w[0]);
    mix(w[1]);
    for (let k = a.ndim - 1; k >= 0; k--) {
      if (++idx[k] < a.shape[k]) break;
      idx[k] = 0;
    }
  }
  return (h >>> 0).toString(16);
}

afterAll(() => {
  if (UPDATE) writeFileSync(PIN_FILE, `${JSON.stringify(seen, null, 1)}\n`);
});

describe("kernel runs record the pinned trace and values", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { s } = session();
      ok(s.execute(readFileSync(join(KERNELS, c.file), "utf8"), { cellName: c.file }));
      for (const [name, inp] of Object.entries(c.inputs)) setArray(s, name, inp.shape, genInput(inp.seed, inp.shape, inp.lo, inp.hi, inp.quantum));
      ok(s.execute(`out = ${c.call}\nouts = out if isinstance(out, tuple) else (out,)\nn_outs = len(outs)`));
      const outs: string[] = [];
      for (let k = 0; k < Number(s.get("n_outs")); k++) {
        ok(s.execute(`o = outs[${k}]`));
        outs.push(valueHash(s.get("o")));
      }
      pin(`${c.name}:trace`, traceFingerprint(lastKernelMachine(s.runtime)!.trace));
      pin(`${c.name}:values`, outs.join(","));
    });
  }

  for (const file of ["matmul_tiled", "matmul_blocked"]) {
    it(`${file} benchmarked timing-only on shape-only bf16 arguments`, () => {
      const { s } = session("trn1");
      ok(s.execute(readFileSync(join(KERNELS, "kernels", `${file}.py`), "utf8"), { cellName: `${file}.py` }));
      ok(
        s.execute(
          `import neuronxcc.nki.typing as nt\nlhsT = nt.tensor[[1024, 512], nl.bfloat16]\nrhs = nt.tensor[[1024, 1024], nl.bfloat16]\nnki.benchmark(warmup=1, iters=1)(${file})(lhsT, rhs)`,
        ),
      );
      pin(`${file}:timing-only`, traceFingerprint(lastKernelMachine(s.runtime)!.trace));
    });
  }
});

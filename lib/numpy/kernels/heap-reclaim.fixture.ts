/**
 * Run by heap.test.ts in a child process, `node --expose-gc [--harmony-weak-refs-with-cleanup-some]
 * --import tsx heap-reclaim.fixture.ts SCENARIO`: reclamation needs a forced GC and
 * FinalizationRegistry.prototype.cleanupSome, which a test worker cannot get. Prints one JSON object.
 */
import { DTYPES } from "../dtypes";
import { zeros } from "../creation";
import { contiguousData, fromStorage, type NDArray } from "../ndarray";
import { binary } from "../ufuncs";
import { isResident, residentArray, residentBytes, setHeapCollector } from "./heap";
import { HEAP_BYTES } from "./wasm-instance";

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with --expose-gc");
const canCleanup = typeof (FinalizationRegistry.prototype as { cleanupSome?: unknown }).cleanupSome === "function";
const N = 1 << 20; // 4 MiB of float32: the 256 MiB heap holds 63 such arrays.

function filled(value: number): NDArray {
  const a = zeros([N], DTYPES.float32);
  (a.data as Float32Array).fill(value);
  return a;
}

/** Fills the heap with dropped arrays of `value`, then forces their blocks free and takes them again. */
function churn(value: number, rounds: number): void {
  for (let i = 0; i < rounds; i++) residentArray(Float32Array, N, false)?.fill(value);
}

const scenarios: Record<string, () => object> = {
  /** 300 fresh `a + b` results (1.2 GB in all): blocks come back and every result is right. */
  loop: () => {
    setHeapCollector(gc);
    const a = filled(1.5);
    const b = filled(2.25);
    let resident = 0;
    let wrong = 0;
    let peak = 0;
    for (let i = 0; i < 300; i++) {
      const r = binary("add", a, b);
      if (isResident(r.data)) resident++;
      const d = r.data as Float32Array;
      if (d[0] !== 3.75 || d[N >> 1] !== 3.75 || d[N - 1] !== 3.75) wrong++;
      peak = Math.max(peak, residentBytes());
    }
    return { canCleanup, resident, wrong, peak, capacity: HEAP_BYTES };
  },
  /** A view from contiguousData keeps its block after the array it came from is dropped; a bare subarray does not. */
  views: () => {
    setHeapCollector(gc);
    const derived = contiguousData(filled(7));
    const bare = (filled(7).data as Float32Array).subarray(0, N);
    gc();
    churn(9, 200);
    const reads = (v: Float32Array) => [v[0], v[N >> 1], v[N - 1]];
    return { canCleanup, derived: reads(derived as Float32Array), bare: reads(bare) };
  },
  /** Reused blocks come back zeroed for np.zeros, holding junk only for results that overwrite them. */
  zeros: () => {
    setHeapCollector(gc);
    churn(5, 200);
    let nonzero = 0;
    let resident = 0;
    for (let i = 0; i < 20; i++) {
      const z = zeros([N], DTYPES.float32);
      if (isResident(z.data)) resident++;
      if ((z.data as Float32Array).some((x) => x !== 0)) nonzero++;
      churn(5, 3);
    }
    return { canCleanup, resident, nonzero };
  },
  /** Without a collector a full heap is not reclaimed mid-run: arrays go to the JS heap, results stay right. */
  full: () => {
    setHeapCollector(null);
    const a = filled(1);
    const b = fromStorage(DTYPES.float32, [N], new Float32Array(N).fill(2));
    const kept: NDArray[] = [];
    let wrong = 0;
    for (let i = 0; i < 100; i++) {
      const r = binary("multiply", a, b);
      kept.push(r);
      if ((r.data as Float32Array)[N - 1] !== 2) wrong++;
    }
    return { canCleanup, resident: kept.filter((r) => isResident(r.data)).length, wrong };
  },
};

const scenario = scenarios[process.argv[2]];
if (scenario === undefined) throw new Error(`unknown scenario ${process.argv[2]}`);
process.stdout.write(JSON.stringify(scenario()));

/**
 * numpy from Python: the same program (from_python.py) timing 1M-float32 elementwise ops and
 * reductions with time.perf_counter, run by python3 + numpy and by `bin/kernel-lab run` (which sets
 * numpy up as a kernel of the server does), in the same minutes. What a student's code sees,
 * interpreter call overhead and fp-error checks included; elementwise.bench.ts times the library
 * calls alone. Prints best and median ms per op and the ratio of the bests.
 * Run: npm run bench from-python
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./from_python.py", import.meta.url));
const bin = fileURLToPath(new URL("../../../bin/kernel-lab", import.meta.url));

function times(command: string, args: readonly string[]): Map<string, [number, number]> {
  const out = execFileSync(command, args, { encoding: "utf8", env: { ...process.env, OPENBLAS_NUM_THREADS: "1" } });
  const rows = new Map<string, [number, number]>();
  for (const line of out.trim().split("\n")) {
    const [label, best, median] = line.split("\t");
    rows.set(label, [Number(best), Number(median)]);
  }
  return rows;
}

const ours = times(process.execPath, [bin, "run", script]);
let numpy: Map<string, [number, number]> | null = null;
try {
  numpy = times("python3", [script]);
} catch {
  console.log("python3 with numpy is not available here: Kernel Lab's figures only");
}
const col = (x: string, w = 10): string => x.padStart(w);
console.log(`${"op".padEnd(22)}${col("best ms")}${col("median")}${col("numpy")}${col("np med")}${col("ratio", 8)}`);
const ratios: number[] = [];
for (const [label, [best, median]] of ours) {
  const np = numpy?.get(label);
  if (np !== undefined) ratios.push(best / np[0]);
  console.log(
    `${label.padEnd(22)}${col(best.toFixed(3))}${col(median.toFixed(3))}${col(np?.[0].toFixed(3) ?? "")}${col(np?.[1].toFixed(3) ?? "")}${col(np === undefined ? "" : `${(best / np[0]).toFixed(1)}x`, 8)}`,
  );
}
if (ratios.length > 0) {
  ratios.sort((p, q) => p - q);
  console.log(`within 2x: ${ratios.filter((r) => r <= 2).length} of ${ratios.length}; median ratio ${ratios[ratios.length >> 1].toFixed(2)}`);
}

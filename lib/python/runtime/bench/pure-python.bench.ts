/*
 * Pure-Python micro-benchmarks: Kernel Lab's engine against python3 on the same programs.
 * Run: npm run bench pure-python  (the runner bundles this file with esbuild and runs it on plain node:
 * under tsx's module loader V8 keeps aborting optimisation of hot runtime functions, which makes
 * float-heavy code ~20x slower than the same code bundled, as the kernel worker runs it).
 * Prints one line per program (best of 3 for each side) and the median ratio.
 */

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runSource } from "../../index";

const dir = fileURLToPath(new URL("./programs/", import.meta.url));

function timeEngine(source: string, name: string): { ms: number; out: string } {
  let best = Infinity;
  let out = "";
  for (let r = 0; r < 3; r++) {
    let text = "";
    const t0 = performance.now();
    runSource(source, { filename: name, stdout: (t) => (text += t), stderr: (t) => (text += t) });
    best = Math.min(best, performance.now() - t0);
    out = text;
  }
  return { ms: best, out };
}

function timePython(path: string): { ms: number; out: string } {
  const script = `import time,sys,io,contextlib\nsrc=open(${JSON.stringify(path)}).read()\nbest=1e9\nfor _ in range(3):\n  buf=io.StringIO()\n  t=time.perf_counter()\n  with contextlib.redirect_stdout(buf): exec(compile(src,'p','exec'),{'__name__':'__main__'})\n  best=min(best,time.perf_counter()-t)\nsys.stdout.write(repr(best*1000)+'\\n'+buf.getvalue())`;
  const text = execFileSync("python3", ["-c", script], { encoding: "utf8" });
  const nl = text.indexOf("\n");
  return { ms: Number(text.slice(0, nl)), out: text.slice(nl + 1) };
}

const ratios: number[] = [];
for (const name of readdirSync(dir).filter((f) => f.endsWith(".py")).sort()) {
  const path = dir + name;
  const source = readFileSync(path, "utf8");
  const ours = timeEngine(source, name);
  const py = timePython(path);
  const ratio = ours.ms / py.ms;
  ratios.push(ratio);
  const same = ours.out === py.out ? "" : "  OUTPUT DIFFERS";
  console.log(`${name.padEnd(20)} kernel-lab ${ours.ms.toFixed(1).padStart(8)} ms   python3 ${py.ms.toFixed(1).padStart(8)} ms   ratio ${ratio.toFixed(2)}${same}`);
}
ratios.sort((a, b) => a - b);
const mid = ratios.length >> 1;
const median = ratios.length % 2 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
console.log(`median ratio (kernel-lab / python3): ${median.toFixed(2)}`);

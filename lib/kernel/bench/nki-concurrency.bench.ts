/*
 * 50 live kernels running NKI (issue 6: "50 kernels each running a small NKI kernel concurrently with
 * no errors; an idle kernel <= 40 MB").
 *
 *   node --expose-gc --import tsx lib/kernel/bench/nki-concurrency.bench.ts [--kernels 50] [--requests 200]
 *
 * Every kernel defines a small @nki.jit kernel (two loads, an add, a store on a 128x512 fp32 tile) and
 * runs it on the simulator. Figures: memory per kernel (growth of the process's RSS, which holds every
 * worker thread, per live kernel that has run the NKI cell), the latency of that NKI cell as a client sees
 * it (execute_request until reply and idle) one at a time across the live kernels, and all of them at once.
 * Each run checks the kernel's output against the value numpy gives for it; a wrong or failed run is an error.
 */
import { parseArgs } from "node:util";
import { newId } from "../../jupyter/build";
import type { ServerMessage } from "../../jupyter/messages";
import { validateClientMessage } from "../../jupyter/validate";
import type { KernelConnection } from "../kernel";
import { KernelManager } from "../manager";

const { values } = parseArgs({
  options: {
    kernels: { type: "string", default: "50" },
    requests: { type: "string", default: "200" },
  },
});
const kernelCount = Number(values.kernels);
const requests = Number(values.requests);

const SETUP = `import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl

@nki.jit
def add(x, y):
    out = nl.ndarray(x.shape, dtype=x.dtype, buffer=nl.shared_hbm)
    tx = nl.load(x)
    ty = nl.load(y)
    nl.store(out, tx + ty)
    return out

a = (np.arange(128 * 512) % 16).astype(np.float32).reshape(128, 512)
b = np.ones((128, 512), dtype=np.float32)`;
const NKI_CELL = "c = add(a, b)\nprint(float(c.sum()))";
// What CPython + numpy print for the same cell with the kernel replaced by `a + b` (exact in float32).
const EXPECTED = "557056.0\n";

interface Run {
  ms: number;
  status: string;
  stdout: string;
  evalue?: string;
}

/** One connected kernel; `run` resolves when the cell's reply and idle status have both arrived. */
class BenchKernel {
  readonly #conn: KernelConnection;
  readonly #session = newId();
  #pending: { msgId: string; reply: { status: string; evalue?: string } | null; stdout: string; done: () => void } | null = null;

  constructor(
    manager: KernelManager,
    readonly id: string,
  ) {
    this.#conn = manager.connect(id, this.#session, (m) => this.#onMessage(m));
  }

  #onMessage(m: ServerMessage): void {
    const p = this.#pending;
    if (!p || !("msg_id" in m.parent_header) || m.parent_header.msg_id !== p.msgId) return;
    if (m.header.msg_type === "execute_reply") p.reply = m.content as { status: string; evalue?: string };
    else if (m.header.msg_type === "stream") p.stdout += (m.content as { text: string }).text;
    else if (m.header.msg_type === "error") p.stdout += `${(m.content as { ename: string; evalue: string }).ename}: ${(m.content as { evalue: string }).evalue}`;
    else if (m.header.msg_type === "status" && (m.content as { execution_state: string }).execution_state === "idle") p.done();
  }

  async run(code: string): Promise<Run> {
    const v = validateClientMessage({ header: { msg_id: newId(), msg_type: "execute_request", session: this.#session, username: "bench", version: "5.3" }, content: { code }, channel: "shell" });
    if (!v.ok) throw new Error(v.error.message);
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const pending = { msgId: v.value.header.msg_id, reply: null, stdout: "", done };
    this.#pending = pending;
    const t0 = performance.now();
    this.#conn.receive(v.value);
    await finished;
    const ms = performance.now() - t0;
    this.#pending = null;
    const reply = pending.reply as { status: string; evalue?: string } | null;
    return { ms, status: reply?.status ?? "no reply", stdout: pending.stdout, evalue: reply?.evalue };
  }

  close(): void {
    this.#conn.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const settle = async () => {
  globalThis.gc?.();
  await new Promise((r) => setTimeout(r, 300));
};

const errors: string[] = [];
function check(kernel: BenchKernel, run: Run): number {
  if (run.status !== "ok" || run.stdout !== EXPECTED) errors.push(`${kernel.id}: ${run.status} ${JSON.stringify(run.stdout)} ${run.evalue ?? ""}`);
  return run.ms;
}

const manager = new KernelManager({ cullIdleMs: 0, maxKernels: kernelCount + 2 });
// The first kernel pays for bundling the worker; it is not one of the measured ones.
const warm = manager.start();
await manager.whenReady(warm.id);
await settle();
const rssBefore = process.memoryUsage().rss;

const startT0 = performance.now();
const ids = Array.from({ length: kernelCount }, () => manager.start().id);
await Promise.all(ids.map((id) => manager.whenReady(id)));
const startMs = performance.now() - startT0;
const kernels = ids.map((id) => new BenchKernel(manager, id));
for (const k of kernels) {
  const setup = await k.run(SETUP);
  if (setup.status !== "ok") errors.push(`${k.id} setup: ${setup.status} ${setup.evalue ?? ""}`);
}

// All kernels run the NKI cell at once (the first NKI launch of each).
const waveT0 = performance.now();
const wave = (await Promise.all(kernels.map(async (k) => check(k, await k.run(NKI_CELL))))).sort((a, b) => a - b);
const waveMs = performance.now() - waveT0;

await settle();
const perKernelMb = (process.memoryUsage().rss - rssBefore) / kernelCount / 1024 / 1024;

// One NKI cell at a time, round-robin over the live kernels.
const sequential: number[] = [];
for (let i = 0; i < requests; i++) {
  const k = kernels[i % kernels.length];
  sequential.push(check(k, await k.run(NKI_CELL)));
}
sequential.sort((a, b) => a - b);

for (const k of kernels) k.close();
await manager.shutdownAll();

const fmt = (ms: number) => ms.toFixed(1);
console.log(`${kernelCount} kernels started (until all ready): ${fmt(startMs)} ms`);
console.log(`memory per live kernel after running the NKI cell (RSS growth / ${kernelCount}): ${perKernelMb.toFixed(1)} MB (target <= 40 MB idle)`);
console.log(`NKI cell, all ${kernelCount} kernels at once: wave ${fmt(waveMs)} ms; per cell p50 ${fmt(percentile(wave, 50))} ms, p99 ${fmt(percentile(wave, 99))} ms`);
console.log(`NKI cell, one at a time over ${requests} requests with ${kernelCount} kernels live: p50 ${fmt(percentile(sequential, 50))} ms, p99 ${fmt(percentile(sequential, 99))} ms, max ${fmt(sequential[sequential.length - 1])} ms`);
console.log(`errors: ${errors.length}`);
for (const e of errors.slice(0, 5)) console.log(`  ${e}`);
process.exit(errors.length === 0 ? 0 : 1);

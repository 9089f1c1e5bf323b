/*
 * Kernel round-trip and memory benchmark (issue 6 targets: print(1) execute round trip p50 <= 20 ms
 * and p99 <= 100 ms over 500 requests on one kernel; an idle kernel <= 40 MB).
 *
 *   node --import tsx lib/kernel/bench/roundtrip.bench.ts [--engine python|fake] [--requests 500] [--kernels 8]
 *
 * A round trip is what a client sees: from handing execute_request to the connection until both
 * the execute_reply and the idle status arrived. Idle memory is the growth of the process's RSS
 * per additional started-and-warmed kernel, averaged over --kernels kernels. Finally --concurrent
 * kernels each run --code at the same time; every one must answer `ok`.
 */
import { parseArgs } from "node:util";
import { newId } from "../../jupyter/build";
import type { ServerMessage } from "../../jupyter/messages";
import { validateClientMessage } from "../../jupyter/validate";
import { KernelManager } from "../manager";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "python" },
    requests: { type: "string", default: "500" },
    kernels: { type: "string", default: "8" },
    concurrent: { type: "string", default: "50" },
    code: { type: "string", default: "total = 0\nfor i in range(20000):\n    total += i * i\nprint(total)" },
  },
});
const engineModule =
  values.engine === "fake" ? new URL("../fixtures/fake-engine.ts", import.meta.url).href : new URL("../python-engine.ts", import.meta.url).href;
const requests = Number(values.requests);
const kernelCount = Number(values.kernels);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function roundTrips(manager: KernelManager): Promise<number[]> {
  const { id } = manager.start();
  await manager.whenReady(id);
  const session = newId();
  let resolveDone: (() => void) | null = null;
  let pendingId = "";
  let gotReply = false;
  let gotIdle = false;
  const conn = manager.connect(id, session, (msg: ServerMessage) => {
    if (!("msg_id" in msg.parent_header) || msg.parent_header.msg_id !== pendingId) return;
    if (msg.header.msg_type === "execute_reply") gotReply = true;
    if (msg.header.msg_type === "status" && (msg.content as { execution_state: string }).execution_state === "idle") gotIdle = true;
    if (gotReply && gotIdle) resolveDone?.();
  });
  const times: number[] = [];
  for (let i = 0; i < requests + 20; i++) {
    const v = validateClientMessage({
      header: { msg_id: newId(), msg_type: "execute_request", session, username: "bench", date: new Date().toISOString(), version: "5.3" },
      content: { code: "print(1)" },
      channel: "shell",
    });
    if (!v.ok) throw new Error(v.error.message);
    pendingId = v.value.header.msg_id;
    gotReply = gotIdle = false;
    const done = new Promise<void>((r) => (resolveDone = r));
    const t0 = performance.now();
    conn.receive(v.value);
    await done;
    if (i >= 20) times.push(performance.now() - t0); // the first 20 warm the JIT
  }
  conn.close();
  await manager.shutdown(id);
  return times.sort((a, b) => a - b);
}

async function idleMemoryPerKernel(manager: KernelManager): Promise<number> {
  const settle = async () => {
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 300));
  };
  await settle();
  const before = process.memoryUsage().rss;
  const ids = Array.from({ length: kernelCount }, () => manager.start().id);
  await Promise.all(ids.map((id) => manager.whenReady(id)));
  // Warm each kernel with one execution so the engine is fully loaded.
  for (const id of ids) {
    await new Promise<void>((resolve) => {
      const session = newId();
      const v = validateClientMessage({ header: { msg_id: newId(), msg_type: "execute_request", session, username: "b", version: "5.3" }, content: { code: "x = 1" } });
      if (!v.ok) throw new Error(v.error.message);
      const conn = manager.connect(id, session, (m) => {
        if (m.header.msg_type === "status" && (m.content as { execution_state: string }).execution_state === "idle" && "msg_id" in m.parent_header && m.parent_header.msg_id === v.value.header.msg_id) {
          conn.close();
          resolve();
        }
      });
      conn.receive(v.value);
    });
  }
  await settle();
  const after = process.memoryUsage().rss;
  await Promise.all(ids.map((id) => manager.shutdown(id)));
  return (after - before) / kernelCount;
}

/** Start `n` kernels, run `code` in all of them at once, and count the replies that were not ok. */
async function concurrentRun(manager: KernelManager, n: number, code: string): Promise<{ errors: string[]; ms: number }> {
  const t0 = performance.now();
  const ids = Array.from({ length: n }, () => manager.start().id);
  const errors: string[] = [];
  await Promise.all(
    ids.map(
      (id) =>
        new Promise<void>((resolve) => {
          const session = newId();
          const v = validateClientMessage({ header: { msg_id: newId(), msg_type: "execute_request", session, username: "b", version: "5.3" }, content: { code } });
          if (!v.ok) throw new Error(v.error.message);
          let reply: { status: string; evalue?: string } | null = null;
          const conn = manager.connect(id, session, (m) => {
            if (!("msg_id" in m.parent_header) || m.parent_header.msg_id !== v.value.header.msg_id) return;
            if (m.header.msg_type === "execute_reply") reply = m.content as { status: string; evalue?: string };
            if (m.header.msg_type === "status" && (m.content as { execution_state: string }).execution_state === "idle") {
              if (reply?.status !== "ok") errors.push(`${id}: ${reply?.status} ${reply?.evalue ?? ""}`);
              conn.close();
              resolve();
            }
          });
          conn.receive(v.value);
        }),
    ),
  );
  const ms = performance.now() - t0;
  await Promise.all(ids.map((id) => manager.shutdown(id)));
  return { errors, ms };
}

const concurrent = Number(values.concurrent);
const manager = new KernelManager({ engineModule, cullIdleMs: 0, maxKernels: Math.max(kernelCount, concurrent) + 2 });
const startT0 = performance.now();
const probe = manager.start();
await manager.whenReady(probe.id);
const startMs = performance.now() - startT0;
await manager.shutdown(probe.id);
const times = await roundTrips(manager);
const perKernel = await idleMemoryPerKernel(manager);
const together = concurrent > 0 ? await concurrentRun(manager, concurrent, values.code) : null;
await manager.shutdownAll();
const fmt = (ms: number) => ms.toFixed(2);
console.log(`engine: ${values.engine}`);
console.log(`kernel start (cold worker until ready): ${fmt(startMs)} ms`);
console.log(`print(1) round trip over ${times.length} requests: p50 ${fmt(percentile(times, 50))} ms, p99 ${fmt(percentile(times, 99))} ms, max ${fmt(times[times.length - 1])} ms (targets: p50 <= 20, p99 <= 100)`);
console.log(`idle kernel memory (RSS growth per kernel over ${kernelCount}): ${(perKernel / 1024 / 1024).toFixed(1)} MB (target <= 40 MB)`);
if (together) {
  console.log(`${concurrent} kernels running the code concurrently (start to last idle): ${fmt(together.ms)} ms, ${together.errors.length} errors`);
  for (const e of together.errors.slice(0, 5)) console.log(`  ${e}`);
}

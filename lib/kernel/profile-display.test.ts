import { afterAll, describe, expect, it } from "vitest";
import type { ServerMessage } from "../jupyter/messages";
import { PROFILE_MIME, type ProfileDocument } from "../profile";
import { TestClient } from "./fixtures/test-client";
import { KernelManager } from "./manager";

const km = new KernelManager({ cullIdleMs: 0 });
afterAll(() => km.shutdownAll());

const PRELUDE = `import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl
import kernel_lab
a = np.ones((128, 2048), dtype=np.float32)
b = np.ones((128, 2048), dtype=np.float32)`;

/** A DMA-bound kernel: two loads, one add, one store. Lines 2-8 of its cell. */
const KERNEL_CELL = `# tensor add
@nki.jit
def add(x, y):
    out = nl.ndarray(x.shape, dtype=x.dtype, buffer=nl.shared_hbm)
    tx = nl.load(x)
    ty = nl.load(y)
    nl.store(out, tx + ty)
    return out`;
const KERNEL_LINES = [2, 3, 4, 5, 6, 7, 8];

type Data = Record<string, unknown>;
const outputsOf = (all: ServerMessage[], type: "display_data" | "execute_result") =>
  all.filter((m) => m.header.msg_type === type).map((m) => (m.content as { data: Data }).data);
const documentIn = (data: Data) => data[PROFILE_MIME] as ProfileDocument;
const replyTarget = (reply: ServerMessage) => (reply.metadata as { kernel_lab?: { target?: string } }).kernel_lab?.target;
const cellName = (reply: ServerMessage) => `<cell ${(reply.content as { execution_count: number }).execution_count}>`;

describe("profiles displayed by a notebook kernel", () => {
  const { id } = km.start();
  let client: TestClient;
  let kernelCell = "";

  it("defines the kernel", async () => {
    await km.whenReady(id);
    client = new TestClient(km, id);
    expect((await client.execute(PRELUDE)).reply.content).toMatchObject({ status: "ok" });
    const def = await client.execute(KERNEL_CELL);
    expect(def.reply.content).toMatchObject({ status: "ok" });
    kernelCell = cellName(def.reply);
  });

  it("shows kernel_lab.profile(...) as a cell's last expression with the full profile bundle", async () => {
    const { all, reply } = await client.execute("kernel_lab.profile(add, a, b)");
    expect(reply.content).toMatchObject({ status: "ok" });
    expect(replyTarget(reply)).toBe("trn2");
    const [data] = outputsOf(all, "execute_result");
    const doc = documentIn(data);
    expect(doc.target).toBe("trn2");
    expect(doc.kernelName).toBe("add");
    expect(doc.sources).toEqual([{ file: kernelCell, text: KERNEL_CELL }]);
    expect(new Set(doc.instructions.file.map((f) => doc.strings[f]))).toEqual(new Set([kernelCell]));
    for (const line of doc.instructions.line) expect(KERNEL_LINES).toContain(line);
    // Each instruction names the line that issued it: the two loads, then the add and the store.
    expect([...new Set(doc.instructions.line)].sort()).toEqual([5, 6, 7]);
    expect(data["text/html"]).toContain("<table>");
    expect(data["text/plain"]).toContain("total_time");
  });

  it("displays a profile passed to display(), and its timeline as a Plotly figure", async () => {
    const { all } = await client.execute("p = kernel_lab.profile(add, a, b)\ndisplay(p)\np.timeline()");
    const [shown] = outputsOf(all, "display_data");
    expect(documentIn(shown).kernelName).toBe("add");
    const [timeline] = outputsOf(all, "execute_result");
    expect(timeline["application/vnd.plotly.v1+json"]).toMatchObject({ data: expect.any(Array), layout: { title: { text: expect.stringContaining("trn2") } } });
    expect(timeline["text/plain"]).toMatch(/^Simulated timeline/);
  });

  it("profiles on the target %target chose, with a different time for a DMA-bound kernel", async () => {
    const trn2 = documentIn(outputsOf((await client.execute("kernel_lab.profile(add, a, b)")).all, "execute_result")[0]);
    const { all, reply } = await client.execute("%target trn3\nkernel_lab.profile(add, a, b)");
    expect(replyTarget(reply)).toBe("trn3");
    const trn3 = documentIn(outputsOf(all, "execute_result")[0]);
    expect(trn3.target).toBe("trn3");
    expect(trn2.metrics.dma_active_time_percent).toBeGreaterThan(trn2.metrics.vector_engine_active_time_percent);
    expect(trn3.metrics.total_time).not.toBe(trn2.metrics.total_time);
    const silent = await client.execute("%target trn1", { silent: true, store_history: false });
    expect(replyTarget(silent.reply)).toBe("trn1");
    expect(km.target(id)).toBe("trn1");
  });

  it("prints nki.benchmark's latency and also displays the profile bundle", async () => {
    const { all, reply } = await client.execute("nki.benchmark(warmup=5, iters=10)(add)(a, b)");
    expect(reply.content).toMatchObject({ status: "ok" });
    expect(replyTarget(reply)).toBe("trn1");
    const printed = all.filter((m) => m.header.msg_type === "stream").map((m) => (m.content as { text: string }).text).join("");
    const p50 = /p50 = (\d+)us/.exec(printed);
    expect(p50).not.toBeNull();
    const [data] = outputsOf(all, "display_data");
    const doc = documentIn(data);
    expect(doc).toMatchObject({ target: "trn1", kernelName: "add" });
    expect(Math.round(doc.metrics.total_time * 1e6)).toBe(Number(p50?.[1]));
    expect(data["text/html"]).toContain("kernel-lab-profile");
  });

  it("displays the legacy nki.profile's profile and writes nothing", async () => {
    const { all } = await client.execute("nki.profile(working_directory='/nonexistent/dir', profile_nth=2)(add)(a, b)");
    const [data] = outputsOf(all, "display_data");
    expect(documentIn(data)).toMatchObject({ target: "trn1", kernelName: "add" });
    client.conn.close();
  });
});

describe("the output budget", () => {
  const small = new KernelManager({ cullIdleMs: 0, limits: { maxOutputBytes: 5_000 } });
  afterAll(() => small.shutdownAll());

  it("does not count a profile document, which the server swaps for a card", async () => {
    const { id } = small.start();
    await small.whenReady(id);
    const client = new TestClient(small, id);
    await client.execute(PRELUDE);
    await client.execute(KERNEL_CELL);
    const { all, reply } = await client.execute("display(kernel_lab.profile(add, a, b))");
    expect(reply.content).toMatchObject({ status: "ok" });
    const [data] = outputsOf(all, "display_data");
    expect(JSON.stringify(data[PROFILE_MIME]).length).toBeGreaterThan(5_000);
    const flood = await client.execute("for i in range(1000):\n    print('x' * 100)");
    expect(flood.reply.content).toMatchObject({ status: "error", ename: "OutputLimitError" });
    client.conn.close();
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { checkRequestOrdering } from "../jupyter/request-cycle";
import { TestClient } from "./fixtures/test-client";
import { KernelManager, KernelManagerError } from "./manager";

const fakeEngine = new URL("./fixtures/fake-engine.ts", import.meta.url).href;
const managers: KernelManager[] = [];
function manager(options: ConstructorParameters<typeof KernelManager>[0] = {}): KernelManager {
  const m = new KernelManager({ engineModule: fakeEngine, cullIdleMs: 0, ...options });
  managers.push(m);
  return m;
}
afterAll(async () => {
  await Promise.all(managers.map((m) => m.shutdownAll()));
});

/** Message types in order, with consecutive stream messages merged (their split is timing-dependent). */
const types = (msgs: { header: { msg_type: string }; content: unknown }[]) =>
  msgs
    .map((m) => (m.header.msg_type === "status" ? `status:${(m.content as { execution_state: string }).execution_state}` : m.header.msg_type))
    .filter((t, i, all) => !(t === "stream" && all[i - 1] === "stream"));
const streamText = (msgs: { header: { msg_type: string }; content: unknown }[]) =>
  msgs.filter((m) => m.header.msg_type === "stream").map((m) => (m.content as { text: string }).text).join("");

describe("kernel through the main-thread API (fake engine fixture)", () => {
  const km = manager();
  const model = km.start();

  it("starts with a UUIDv4 id in state starting, then goes idle", async () => {
    expect(model).toMatchObject({ name: "nki", execution_state: "starting", connections: 0 });
    expect(model.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await km.whenReady(model.id);
    expect(km.get(model.id).execution_state).toBe("idle");
    expect(km.list().map((k) => k.id)).toEqual([model.id]);
  });

  it("replays the startup statuses to the first client", async () => {
    const client = new TestClient(km, model.id);
    expect(client.statuses()).toEqual(["starting", "idle"]);
    client.conn.close();
  });

  it("answers kernel_info with protocol 5.3, python language_info and the target in the banner", async () => {
    const client = new TestClient(km, model.id);
    const { reply, iopub } = await client.request("kernel_info_request", {});
    expect(reply.content).toMatchObject({
      status: "ok",
      protocol_version: "5.3",
      implementation: "kernel-lab",
      language_info: { name: "python", file_extension: ".py", mimetype: "text/x-python" },
    });
    expect((reply.content as { banner: string }).banner).toMatch(/simulator.*\n.*trn2/);
    expect(types(iopub)).toEqual(["status:busy", "status:idle"]);
    client.conn.close();
  });

  it("executes with execute_input, streamed output, execute_result and an ok reply, in order", async () => {
    const client = new TestClient(km, model.id);
    const { reply, all } = await client.execute("x = 41\nprint(x)\nprint('hi')\nx");
    expect(types(all)).toEqual(["status:busy", "execute_input", "stream", "execute_result", "execute_reply", "status:idle"]);
    const count = (reply.content as { execution_count: number }).execution_count;
    expect(reply.content).toMatchObject({ status: "ok", user_expressions: {}, payload: [] });
    expect(all[1].content).toEqual({ code: "x = 41\nprint(x)\nprint('hi')\nx", execution_count: count });
    expect(all[2].content).toMatchObject({ name: "stdout" });
    expect(streamText(all)).toBe("41\nhi\n");
    expect(all.find((m) => m.header.msg_type === "execute_result")?.content).toEqual({ data: { "text/plain": "41" }, metadata: {}, execution_count: count });
    expect(checkRequestOrdering(client.received)).toEqual([]);
    client.conn.close();
  });

  it("counts executions only when storing history, and silent executes publish nothing but status", async () => {
    const client = new TestClient(km, model.id);
    const a = await client.execute("1");
    const n = (a.reply.content as { execution_count: number }).execution_count;
    const b = await client.execute("print(5)", { silent: true });
    expect(types(b.all)).toEqual(["status:busy", "execute_reply", "status:idle"]);
    expect(b.reply.content).toMatchObject({ execution_count: n });
    const c = await client.execute("2", { store_history: false });
    expect(c.reply.content).toMatchObject({ execution_count: n });
    const d = await client.execute("3");
    expect(d.reply.content).toMatchObject({ execution_count: n + 1 });
    const hist = await client.request("history_request", { hist_access_type: "tail", n: 2, output: false, raw: true });
    expect(hist.reply.content).toEqual({ status: "ok", history: [[0, n, "1"], [0, n + 1, "3"]] });
    client.conn.close();
  });

  it("reports errors on iopub and in the reply with a CPython-style traceback", async () => {
    const client = new TestClient(km, model.id);
    const { reply, all } = await client.execute("raise ValueError('bad value')");
    expect(types(all)).toEqual(["status:busy", "execute_input", "error", "execute_reply", "status:idle"]);
    expect(all[2].content).toMatchObject({ ename: "ValueError", evalue: "bad value" });
    expect(reply.content).toMatchObject({ status: "error", ename: "ValueError", evalue: "bad value" });
    const tb = (reply.content as { traceback: string[] }).traceback;
    expect(tb[0]).toBe("Traceback (most recent call last):");
    expect(tb[1]).toMatch(/^ {2}File "<cell \d+>", line 1, in <module>$/);
    client.conn.close();
  });

  it("aborts executes queued behind a failing one when stop_on_error is set", async () => {
    const client = new TestClient(km, model.id);
    const failing = client.send("execute_request", { code: "raise RuntimeError('stop')" });
    const queued = client.send("execute_request", { code: "print(1)" });
    const info = client.send("kernel_info_request", {});
    const r1 = await client.exchange(failing);
    const r2 = await client.exchange(queued);
    await client.exchange(info);
    expect(r1.reply.content).toMatchObject({ status: "error" });
    expect(r2.reply.content).toMatchObject({ status: "aborted" });
    expect(types(r2.all)).toEqual(["status:busy", "execute_reply", "status:idle"]);
    const notStopped = client.send("execute_request", { code: "raise RuntimeError('go on')", stop_on_error: false });
    const runs = client.send("execute_request", { code: "print(2)" });
    await client.exchange(notStopped);
    expect((await client.exchange(runs)).reply.content).toMatchObject({ status: "ok" });
    expect(checkRequestOrdering(client.received)).toEqual([]);
    client.conn.close();
  });

  it("aborts a run group's executes that arrive after one of them failed, and only that group's", async () => {
    const client = new TestClient(km, model.id);
    const inGroup = (code: string, batch: string, extra: Record<string, unknown> = {}) =>
      client.send("execute_request", { code, ...extra }, "shell", { kernel_lab: { batch } });
    const failed = await client.exchange(inGroup("raise RuntimeError('stop')", "run-1"));
    expect(failed.reply.content).toMatchObject({ status: "error" });
    // The group's next request was still on the network when its predecessor failed.
    const late = await client.exchange(inGroup("print('late')", "run-1"));
    expect(late.reply.content).toMatchObject({ status: "aborted" });
    expect(types(late.all)).toEqual(["status:busy", "execute_reply", "status:idle"]);
    const lateUnstopped = await client.exchange(inGroup("print('late')", "run-1", { stop_on_error: false }));
    expect(lateUnstopped.reply.content).toMatchObject({ status: "aborted" });
    expect((await client.exchange(inGroup("print('next')", "run-2"))).reply.content).toMatchObject({ status: "ok" });
    expect((await client.execute("print('ungrouped')")).reply.content).toMatchObject({ status: "ok" });
    // A group whose failure did not ask to stop goes on.
    await client.exchange(inGroup("raise RuntimeError('go on')", "run-3", { stop_on_error: false }));
    expect((await client.exchange(inGroup("print('after')", "run-3"))).reply.content).toMatchObject({ status: "ok" });
    expect(streamText(client.received)).not.toContain("late");
    expect(checkRequestOrdering(client.received)).toEqual([]);
    client.conn.close();
  });

  it("sends display_data with the MIME bundle", async () => {
    const client = new TestClient(km, model.id);
    const { all } = await client.execute("display('<b>hi</b>')");
    expect(types(all)).toEqual(["status:busy", "execute_input", "display_data", "execute_reply", "status:idle"]);
    expect(all[2].content).toEqual({ data: { "text/html": "<b>hi</b>", "text/plain": "<HTML>" }, metadata: {}, transient: {} });
    client.conn.close();
  });

  it("forwards complete, inspect and is_complete to the engine and answers comm_info itself", async () => {
    const client = new TestClient(km, model.id);
    await client.execute("alpha = 7");
    const c = await client.request("complete_request", { code: "al", cursor_pos: 2 });
    expect(c.reply.content).toMatchObject({ status: "ok", matches: ["alpha"], cursor_start: 0, cursor_end: 2 });
    const i = await client.request("inspect_request", { code: "alpha", cursor_pos: 5 });
    expect(i.reply.content).toMatchObject({ status: "ok", found: true, data: { "text/plain": expect.stringContaining("7") } });
    const ic = await client.request("is_complete_request", { code: "for i in x:" });
    expect(ic.reply.content).toEqual({ status: "incomplete", indent: "    " });
    const ci = await client.request("comm_info_request", {});
    expect(ci.reply.content).toEqual({ status: "ok", comms: {} });
    client.conn.close();
  });

  it("keeps the target per kernel: set at start, changed by %target, read by the engine", async () => {
    const other = km.start({ target: "trn1" });
    await km.whenReady(other.id);
    const client = new TestClient(km, other.id);
    expect((await client.execute("target()")).all.find((m) => m.header.msg_type === "stream")?.content).toEqual({ name: "stdout", text: "trn1\n" });
    await client.execute("%target trn3");
    expect(km.target(other.id)).toBe("trn3");
    expect((await client.execute("target()")).all.find((m) => m.header.msg_type === "stream")?.content).toEqual({ name: "stdout", text: "trn3\n" });
    const bad = await client.execute("%target trn7");
    expect(bad.reply.content).toMatchObject({ status: "error", ename: "UsageError" });
    expect(km.target(model.id)).toBe("trn2");
    client.conn.close();
    await km.shutdown(other.id);
  });

  it("answers control requests at once while a shell request is running", async () => {
    const client = new TestClient(km, model.id);
    const slow = client.send("execute_request", { code: "sleep(400)" });
    const info = client.send("kernel_info_request", {}, "control");
    const queuedInfo = client.send("kernel_info_request", {});
    await client.exchange(info);
    const order = () => client.received.filter((m) => m.channel !== "iopub").map((m) => ("msg_id" in m.parent_header ? m.parent_header.msg_id : ""));
    expect(order()).toEqual([info.header.msg_id]);
    await client.exchange(queuedInfo);
    expect(order()).toEqual([info.header.msg_id, slow.header.msg_id, queuedInfo.header.msg_id]);
    client.conn.close();
  });

  it("answers history by range and by search pattern", async () => {
    const other = km.start();
    await km.whenReady(other.id);
    const client = new TestClient(km, other.id);
    for (const code of ["a = 1", "print(a)", "b = 2", "print(a)"]) await client.execute(code);
    const range = await client.request("history_request", { hist_access_type: "range", start: 2, stop: 4, output: false, raw: true });
    expect(range.reply.content).toEqual({ status: "ok", history: [[0, 2, "print(a)"], [0, 3, "b = 2"]] });
    const search = await client.request("history_request", { hist_access_type: "search", pattern: "print*", unique: true, output: true, raw: true });
    expect(search.reply.content).toEqual({ status: "ok", history: [[0, 2, ["print(a)", null]]] });
    await km.shutdown(other.id);
  });

  it("answers an invalid request with an error reply instead of leaving it pending", async () => {
    const client = new TestClient(km, model.id);
    const header = { msg_id: "bad-1", msg_type: "complete_request", session: client.session, username: "", date: "", version: "5.3" };
    expect(client.conn.receiveInvalid({ reason: "invalid_content", message: "content.cursor_pos: expected number", request: { header, channel: "shell" } })).toBe(true);
    const reply = await client.waitFor((m) => m.header.msg_type === "complete_reply");
    expect(reply.content).toMatchObject({ status: "error", ename: "ProtocolError" });
    expect(client.conn.receiveInvalid({ reason: "malformed", message: "x" })).toBe(false);
    client.conn.close();
  });
});

describe("interrupt, restart, limits and death", () => {
  it("interrupts a while True loop within a second and keeps the variables", async () => {
    const km = manager();
    const { id } = km.start();
    await km.whenReady(id);
    const client = new TestClient(km, id);
    await client.execute("keep = 5");
    const loop = client.send("execute_request", { code: "while True: pass" });
    await client.waitFor((m) => m.header.msg_type === "execute_input" && "msg_id" in m.parent_header && m.parent_header.msg_id === loop.header.msg_id);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const intr = await client.request("interrupt_request", {}, "control");
    expect(intr.reply).toMatchObject({ channel: "control", content: { status: "ok" } });
    const done = await client.exchange(loop);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(done.reply.content).toMatchObject({ status: "error", ename: "KeyboardInterrupt" });
    expect((await client.execute("keep")).all.find((m) => m.header.msg_type === "execute_result")?.content).toMatchObject({ data: { "text/plain": "5" } });
    // REST-style interrupt through the manager works the same way.
    const loop2 = client.send("execute_request", { code: "while True: pass" });
    await new Promise((r) => setTimeout(r, 100));
    km.interrupt(id);
    expect((await client.exchange(loop2)).reply.content).toMatchObject({ ename: "KeyboardInterrupt" });
  });

  it("restarts with restarting then idle, a new kernel session and cleared state", async () => {
    const km = manager();
    const { id } = km.start();
    await km.whenReady(id);
    const client = new TestClient(km, id);
    const before = await client.execute("v = 1");
    const oldSession = before.reply.header.session;
    client.received.length = 0;
    const model = await km.restart(id);
    expect(model.execution_state).toBe("idle");
    expect(client.statuses()).toEqual(["restarting", "idle"]);
    const after = await client.execute("v");
    expect(after.reply.content).toMatchObject({ status: "error", ename: "NameError", execution_count: 1 });
    expect(after.reply.header.session).not.toBe(oldSession);
  });

  it("stops a cell over the output limit with a clear error and keeps the kernel usable", async () => {
    const km = manager({ limits: { maxOutputBytes: 200_000 } });
    const { id } = km.start();
    await km.whenReady(id);
    const client = new TestClient(km, id);
    const { reply } = await client.execute("flood()");
    expect(reply.content).toMatchObject({ status: "error", ename: "OutputLimitError" });
    const printed = client.received.filter((m) => m.header.msg_type === "stream").reduce((n, m) => n + (m.content as { text: string }).text.length, 0);
    expect(printed).toBeLessThanOrEqual(200_000);
    expect((await client.execute("print(1)")).reply.content).toMatchObject({ status: "ok" });
  });

  it("refuses shell requests beyond the queue cap with an error reply", async () => {
    const km = manager();
    const { id } = km.start();
    await km.whenReady(id);
    const client = new TestClient(km, id);
    client.send("execute_request", { code: "sleep(300)" });
    const queued = Array.from({ length: 1000 }, () => client.send("execute_request", { code: "1", silent: true }));
    const refused = await client.request("execute_request", { code: "2" });
    expect(refused.reply.content).toMatchObject({ status: "error", ename: "KernelBusyError" });
    expect((await client.exchange(queued[999])).reply.content).toMatchObject({ status: "ok" });
  });

  it("treats a final value whose repr is over the output budget as an output-limit error", async () => {
    const km = manager({ limits: { maxOutputBytes: 1000 } });
    const { id } = km.start();
    await km.whenReady(id);
    const client = new TestClient(km, id);
    const { reply, all } = await client.execute("'" + "y".repeat(2000) + "'");
    expect(reply.content).toMatchObject({ status: "error", ename: "OutputLimitError" });
    expect(all.some((m) => m.header.msg_type === "execute_result")).toBe(false);
  });

  it("ends a cell at the wall-time limit with a TimeoutError, and kills one that ignores it", async () => {
    const km = manager({ limits: { wallTimeMs: 300, killGraceMs: 2000 } });
    const { id } = km.start();
    await km.whenReady(id);
    const client = new TestClient(km, id);
    await client.execute("y = 3");
    const soft = await client.execute("sleep(5000)");
    expect(soft.reply.content).toMatchObject({ status: "error", ename: "TimeoutError" });
    expect((await client.execute("y")).reply.content).toMatchObject({ status: "ok" });
    const hard = await client.execute("hang(8000)");
    expect(hard.reply.content).toMatchObject({ status: "error", ename: "DeadKernelError" });
    expect(km.get(id).execution_state).toBe("dead");
    expect(client.statuses().at(-1)).toBe("dead");
  });

  it("marks a kernel dead when its worker runs out of memory, and restart revives it", async () => {
    const km = manager({ limits: { heapMb: 48 } });
    const { id } = km.start();
    await km.whenReady(id);
    const client = new TestClient(km, id);
    const { reply } = await client.execute("oom()");
    expect(reply.content).toMatchObject({ status: "error", ename: "DeadKernelError", evalue: expect.stringContaining("memory") });
    expect(km.get(id).execution_state).toBe("dead");
    expect(client.statuses().at(-1)).toBe("dead");
    const whileDead = await client.execute("print(1)");
    expect(whileDead.reply.content).toMatchObject({ status: "error", ename: "DeadKernelError" });
    const info = await client.request("kernel_info_request", {});
    expect(info.reply.content).toMatchObject({ status: "ok", protocol_version: "5.3" });
    expect(client.statuses().at(-1)).toBe("dead");
    expect((await client.request("is_complete_request", { code: "x" })).reply.content).toEqual({ status: "unknown" });
    await km.restart(id);
    expect((await client.execute("print(1)")).reply.content).toMatchObject({ status: "ok" });
  });
});

describe("iopub rate limit", () => {
  it("drops a flood of output messages with one stderr warning and still finishes the request", async () => {
    const km = manager({ iopubRateLimits: { msgRate: 3, dataRate: 1e9, windowSeconds: 1 } });
    const { id } = km.start();
    await km.whenReady(id);
    const client = new TestClient(km, id);
    // Alternating stdout/stderr makes 8 separate stream messages however the prints are timed.
    const code = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? `print(${i})` : `eprint(${i})`)).join("\n");
    const { reply, all } = await client.execute(code);
    expect(reply.content).toMatchObject({ status: "ok" });
    const streams = all.filter((m) => m.header.msg_type === "stream").map((m) => (m.content as { text: string }).text);
    expect(streams.filter((t) => t.startsWith("Output rate limit exceeded"))).toHaveLength(1);
    expect(streams).toEqual(["0\n", "1\n", "2\n", expect.stringMatching(/^Output rate limit exceeded/)]);
    expect(types(all).at(-1)).toBe("status:idle");
    expect(checkRequestOrdering(client.received)).toEqual([]);
  });
});

describe("KernelManager", () => {
  it("refuses kernels over the cap with a clear error, and unknown ids and kernelspecs", async () => {
    const km = manager({ maxKernels: 2 });
    const a = km.start();
    km.start();
    expect(() => km.start()).toThrow(KernelManagerError);
    expect(() => km.start()).toThrow(/at most 2 kernels/);
    await km.shutdown(a.id);
    expect(km.has(a.id)).toBe(false);
    expect(() => km.start()).not.toThrow();
    expect(() => km.get("nope")).toThrow(expect.objectContaining({ code: "not_found", message: "Kernel does not exist: nope" }));
    expect(() => km.start({ name: "python3" })).toThrow(expect.objectContaining({ code: "unknown_spec" }));
  });

  it("tells end listeners of every execute_reply, also one whose client left, until they unsubscribe", async () => {
    const km = manager();
    const { id } = km.start();
    await km.whenReady(id);
    const seen: { kernelId: string; request: string; status: unknown; count: unknown }[] = [];
    const stop = km.onExecuteEnd((kernelId, request, end) => {
      const content = (end.kind === "reply" ? end.reply.content : {}) as { status?: unknown; execution_count?: unknown };
      seen.push({ kernelId, request: request.header.msg_id, status: content.status ?? end.kind, count: content.execution_count });
    });
    const client = new TestClient(km, id);
    const left = client.send("execute_request", { code: "sleep(150)\nraise ValueError('x')" });
    client.conn.close();
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toEqual({ kernelId: id, request: left.header.msg_id, status: "error", count: 1 });
    expect(client.received.some((m) => m.header.msg_type === "execute_reply")).toBe(false);
    stop();
    const again = new TestClient(km, id);
    expect((await again.execute("print(1)")).reply.content).toMatchObject({ status: "ok" });
    expect(seen).toHaveLength(1);
  });

  it("tells end listeners of executions a restart or shutdown dropped unanswered", async () => {
    const km = manager();
    const { id } = km.start();
    await km.whenReady(id);
    const ends: string[] = [];
    km.onExecuteEnd((_kernelId, request, end) => ends.push(`${request.content.code} ${end.kind === "dropped" ? end.reason : "reply"}`));
    const client = new TestClient(km, id);
    client.send("execute_request", { code: "sleep(5000)" });
    client.send("execute_request", { code: "print(1)" });
    await client.waitFor((m) => m.header.msg_type === "execute_input");
    await km.restart(id);
    expect(ends).toEqual(["sleep(5000) restart", "print(1) restart"]);
    client.send("execute_request", { code: "sleep(5000)" });
    await km.shutdown(id);
    expect(ends).toEqual(["sleep(5000) restart", "print(1) restart", "sleep(5000) shutdown"]);
  });

  it("buffers iopub while no client is connected and replays it to the same client session", async () => {
    const km = manager();
    const { id } = km.start();
    await km.whenReady(id);
    const first = new TestClient(km, id);
    const req = first.send("execute_request", { code: "sleep(200)\nprint(9)" });
    await first.waitFor((m) => m.header.msg_type === "execute_input");
    first.conn.close();
    while (km.get(id).execution_state !== "idle") await new Promise((r) => setTimeout(r, 20));
    const back = new TestClient(km, id, first.session);
    // The reply belonged to the closed socket; the iopub it missed is replayed.
    expect(types(back.received.filter((m) => "msg_id" in m.parent_header && m.parent_header.msg_id === req.header.msg_id))).toEqual([
      "stream",
      "status:idle",
    ]);
    expect(streamText(back.received)).toBe("9\n");
    back.conn.close();
    km.start();
    const stranger = new TestClient(km, id);
    expect(stranger.received).toEqual([]);
  });

  it("culls kernels idle with no connections, and closes connections on shutdown", async () => {
    const km = manager({ cullIdleMs: 1000 });
    const idle = km.start();
    const busy = km.start();
    await Promise.all([km.whenReady(idle.id), km.whenReady(busy.id)]);
    let gone = false;
    km.connect(busy.id, "s", () => undefined, () => (gone = true));
    expect(km.cullIdle(Date.now() + 500)).toEqual([]);
    expect(km.cullIdle(Date.now() + 5000)).toEqual([idle.id]);
    expect(km.has(idle.id)).toBe(false);
    await km.shutdown(busy.id);
    expect(gone).toBe(true);
  });
});

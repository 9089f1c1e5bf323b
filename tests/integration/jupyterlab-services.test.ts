/**
 * Conformance with the client library JupyterLab itself uses: @jupyterlab/services against the real server,
 * over the v1 binary WebSocket subprotocol it negotiates.
 */
import { KernelManager, KernelSpecManager, ServerConnection, SessionManager, type Kernel, type KernelMessage } from "@jupyterlab/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startServer, type RunningServer } from "../support/server";

const TOKEN = "conformance-token-0123456789abcdef";
let server: RunningServer;
let settings: ServerConnection.ISettings;
let kernelManager: KernelManager;
let sessionManager: SessionManager;

beforeAll(async () => {
  server = await startServer({ KERNEL_LAB_TOKEN: TOKEN });
  settings = ServerConnection.makeSettings({
    baseUrl: `${server.url}/`,
    wsUrl: `${server.url.replace("http", "ws")}/`,
    token: TOKEN,
    appendToken: true,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    fetch,
    Request,
    Headers,
  });
  kernelManager = new KernelManager({ serverSettings: settings });
  sessionManager = new SessionManager({ serverSettings: settings, kernelManager });
  await Promise.all([kernelManager.ready, sessionManager.ready]);
});

afterAll(async () => {
  sessionManager?.dispose();
  kernelManager?.dispose();
  await server?.stop();
});

/** Runs code and collects every iopub message of the request, resolving after both reply and idle. */
async function run(kernel: Kernel.IKernelConnection, code: string) {
  const iopub: KernelMessage.IIOPubMessage[] = [];
  const future = kernel.requestExecute({ code, stop_on_error: true });
  future.onIOPub = (msg) => {
    iopub.push(msg);
  };
  const reply = await future.done;
  return { reply: reply.content, iopub };
}

function texts(iopub: KernelMessage.IIOPubMessage[], type: string): unknown[] {
  return iopub.filter((m) => m.header.msg_type === type).map((m) => m.content);
}

describe("@jupyterlab/services against Kernel Lab", () => {
  it("lists the NKI kernelspec", async () => {
    const specs = new KernelSpecManager({ serverSettings: settings });
    await specs.ready;
    expect(specs.specs?.default).toBe("nki");
    expect(specs.specs?.kernelspecs.nki?.display_name).toBe("NKI (Trainium simulator)");
    specs.dispose();
  });

  it("starts a session, reports kernel info, executes, completes, inspects, interrupts, restarts and shuts down", async () => {
    const session = await sessionManager.startNew({ path: "conformance.ipynb", name: "conformance.ipynb", type: "notebook", kernel: { name: "nki" } });
    const kernel = session.kernel;
    if (!kernel) throw new Error("session has no kernel");

    const info = await kernel.info;
    expect(info.protocol_version).toBe("5.3");
    expect(info.language_info.name).toBe("python");
    expect(info.banner).toMatch(/trn2/);

    const printed = await run(kernel, "x = 41\nprint('hello')\nx + 1");
    expect(printed.reply.status).toBe("ok");
    expect(texts(printed.iopub, "stream")).toEqual([{ name: "stdout", text: "hello\n" }]);
    expect(texts(printed.iopub, "execute_result")).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ "text/plain": "42" }) }),
    ]);

    const failed = await run(kernel, "1 / 0");
    expect(failed.reply.status).toBe("error");
    expect(texts(failed.iopub, "error")).toEqual([expect.objectContaining({ ename: "ZeroDivisionError", evalue: "division by zero" })]);

    await run(kernel, "import math");
    const completion = await kernel.requestComplete({ code: "math.sq", cursor_pos: 7 });
    expect(completion.content.status).toBe("ok");
    if (completion.content.status === "ok") expect(completion.content.matches).toContain("sqrt");

    const inspection = await kernel.requestInspect({ code: "len", cursor_pos: 3, detail_level: 0 });
    expect(inspection.content.status).toBe("ok");

    const loop = kernel.requestExecute({ code: "while True:\n    x += 0" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const interruptedAt = Date.now();
    await kernel.interrupt();
    const loopReply = await loop.done;
    expect(Date.now() - interruptedAt).toBeLessThan(1000);
    expect(loopReply.content.status).toBe("error");
    const kept = await run(kernel, "x");
    expect(texts(kept.iopub, "execute_result")).toEqual([expect.objectContaining({ data: expect.objectContaining({ "text/plain": "41" }) })]);

    await kernel.restart();
    const cleared = await run(kernel, "x");
    expect(texts(cleared.iopub, "error")).toEqual([expect.objectContaining({ ename: "NameError" })]);

    await session.shutdown();
    expect(await fetch(`${server.url}/api/kernels/${kernel.id}?token=${TOKEN}`).then((r) => r.status)).toBe(404);
  });
});

describe("reconnecting", () => {
  it("replays the iopub messages a client session missed while it was away", async () => {
    const started = await fetch(`${server.url}/api/kernels?token=${TOKEN}`, { method: "POST", body: "{}" });
    const { id } = await started.json();
    const url = `${server.url.replace("http", "ws")}/api/kernels/${id}/channels?session_id=returning-client`;
    const connect = () =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.on("open", () => resolve(ws));
        ws.on("error", reject);
      });
    const state = async () => (await (await fetch(`${server.url}/api/kernels/${id}?token=${TOKEN}`)).json()).execution_state;
    // A started kernel: the execution below begins as soon as it is sent.
    await expect.poll(state, { timeout: 20_000, interval: 100 }).toBe("idle");
    const first = await connect();
    first.send(
      JSON.stringify({
        channel: "shell",
        header: { msg_id: "replay-1", msg_type: "execute_request", session: "returning-client", username: "u", date: new Date().toISOString(), version: "5.3" },
        parent_header: {},
        metadata: {},
        // Busy-wait so the output comes well after this client has gone (time.sleep does not block here).
        content: { code: "import time\nt0 = time.perf_counter()\nwhile time.perf_counter() - t0 < 1.5:\n    pass\nprint('done')", silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
      }),
    );
    const sentAt = Date.now();
    first.close();
    // Come back only once the execution has finished, so everything it printed had to be buffered.
    await expect
      .poll(
        async () => (await state()) === "idle" && Date.now() - sentAt >= 2500,
        { timeout: 20_000, interval: 200 },
      )
      .toBe(true);
    // Listen before the handshake completes: the replay can arrive in the same packet as the 101 response.
    const second = new WebSocket(url);
    const seen: { type: string; text?: string }[] = [];
    await new Promise<void>((resolve) => {
      second.on("message", (data) => {
        const msg = JSON.parse(String(data));
        if (msg.parent_header?.msg_id !== "replay-1") return;
        seen.push({ type: msg.header.msg_type, text: msg.content?.text });
        if (msg.header.msg_type === "status" && msg.content.execution_state === "idle") resolve();
      });
    });
    second.close();
    expect(seen).toContainEqual({ type: "stream", text: "done\n" });
  });
});

/*
 * The kernel pieces driven by JupyterLab's own client library (@jupyterlab/services), over a real
 * WebSocket in both framings, with the minimal glue the server needs (see README "Server API").
 * The full server, REST routes and auth are tested by the server's own conformance suite.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { KernelConnection } from "@jupyterlab/services/lib/kernel/default";
import { ServerConnection } from "@jupyterlab/services/lib/serverconnection";
import type { KernelMessage } from "@jupyterlab/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { decodeClientFrame, encodeFrame, negotiateFraming, V1_PROTOCOL, type Framing } from "../jupyter";
import { KernelManager } from "./manager";

const manager = new KernelManager({ engineModule: new URL("./fixtures/fake-engine.ts", import.meta.url).href, cullIdleMs: 0 });
let server: http.Server;
let sockets: WebSocketServer;
let baseUrl = "";
const clients: KernelConnection[] = [];
let offerV1 = true;
const framingsSeen: Framing[] = [];

beforeAll(async () => {
  sockets = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (offerV1 && protocols.has(V1_PROTOCOL) ? V1_PROTOCOL : false),
  });
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const action = /^\/api\/kernels\/([\w-]+)\/(restart|interrupt)$/.exec(path);
    if (req.method === "POST" && action && manager.has(action[1])) {
      if (action[2] === "interrupt") {
        manager.interrupt(action[1]);
        res.writeHead(204).end();
      } else {
        void manager.restart(action[1]).then((model) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(model)));
      }
      return;
    }
    const m = /^\/api\/kernels\/([\w-]+)$/.exec(path);
    if (m && manager.has(m[1])) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(manager.get(m[1])));
    } else {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: "not found", reason: null }));
    }
  });
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://x");
    const m = /^\/api\/kernels\/([\w-]+)\/channels$/.exec(url.pathname);
    if (!m || !manager.has(m[1])) return socket.destroy();
    sockets.handleUpgrade(req, socket, head, (ws) => {
      const framing = negotiateFraming(ws.protocol ? [ws.protocol] : []);
      framingsSeen.push(framing);
      const conn = manager.connect(m[1], url.searchParams.get("session_id") ?? "", (msg) => {
        const frame = encodeFrame(msg, framing);
        ws.send(frame.data, { binary: frame.binary });
      });
      ws.on("message", (data, isBinary) => {
        const v = decodeClientFrame(isBinary ? new Uint8Array(data as Buffer) : String(data), framing);
        if (v.ok) conn.receive(v.value);
        else conn.receiveInvalid(v.error);
      });
      ws.on("close", () => conn.close());
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const k of clients) k.dispose();
  for (const ws of sockets.clients) ws.terminate();
  sockets.close();
  await manager.shutdownAll();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function connectClient(): Promise<{ kernel: KernelConnection; id: string }> {
  const model = manager.start();
  await manager.whenReady(model.id);
  const serverSettings = ServerConnection.makeSettings({
    baseUrl,
    wsUrl: baseUrl.replace("http", "ws"),
    token: "",
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    fetch,
    Request,
    Headers,
  });
  const kernel = new KernelConnection({ model: { id: model.id, name: model.name }, serverSettings, handleComms: false });
  clients.push(kernel);
  await new Promise<void>((resolve) => {
    if (kernel.connectionStatus === "connected") resolve();
    kernel.connectionStatusChanged.connect((_, status) => status === "connected" && resolve());
  });
  return { kernel, id: model.id };
}

async function runCell(kernel: KernelConnection, code: string) {
  const iopub: KernelMessage.IIOPubMessage[] = [];
  const future = kernel.requestExecute({ code });
  future.onIOPub = (msg) => void iopub.push(msg);
  const reply = await future.done;
  return { reply, iopub };
}

describe.each([
  ["v1.kernel.websocket.jupyter.org", true],
  ["legacy JSON", false],
])("@jupyterlab/services over %s framing", (_name, v1) => {
  it("gets kernel_info, executes with stream and result, completes and inspects", async () => {
    offerV1 = v1;
    const { kernel } = await connectClient();
    const info = await kernel.requestKernelInfo();
    expect(info?.content).toMatchObject({ status: "ok", protocol_version: "5.3", language_info: { name: "python" } });
    expect(framingsSeen.at(-1)).toBe(v1 ? "v1" : "legacy");

    const { reply, iopub } = await runCell(kernel, "n = 6\nprint(n)\nn");
    expect(reply.content).toMatchObject({ status: "ok", execution_count: 1 });
    expect(iopub.map((m) => m.header.msg_type)).toEqual(["status", "execute_input", "stream", "execute_result", "status"]);
    expect(iopub[2].content).toEqual({ name: "stdout", text: "6\n" });
    expect(iopub[3].content).toMatchObject({ data: { "text/plain": "6" }, execution_count: 1 });

    const failed = await runCell(kernel, "raise KeyError('k')");
    expect(failed.reply.content).toMatchObject({ status: "error", ename: "KeyError" });

    const completion = await kernel.requestComplete({ code: "n", cursor_pos: 1 });
    expect(completion.content).toMatchObject({ status: "ok", matches: ["n"] });
    const inspection = await kernel.requestInspect({ code: "n", cursor_pos: 1, detail_level: 0 });
    expect(inspection.content).toMatchObject({ status: "ok", found: true });
    const isComplete = await kernel.requestIsComplete({ code: "if n:" });
    expect(isComplete.content).toMatchObject({ status: "incomplete" });
    kernel.dispose();
  });
});

it("interrupts a running cell from @jupyterlab/services (interrupt_request on control)", async () => {
  offerV1 = true;
  const { kernel } = await connectClient();
  await kernel.requestKernelInfo();
  const future = kernel.requestExecute({ code: "keep = 3\nwhile True: pass" });
  await new Promise((r) => setTimeout(r, 200));
  // interrupt_mode "message": what JupyterLab sends when the kernelspec says so.
  const interrupt = kernel.sendControlMessage(
    (await import("@jupyterlab/services")).KernelMessage.createMessage({ msgType: "interrupt_request", channel: "control", session: kernel.clientId, content: {} }),
  );
  await interrupt.done;
  const reply = await future.done;
  expect(reply.content).toMatchObject({ status: "error", ename: "KeyboardInterrupt" });
  const after = await runCell(kernel, "keep");
  expect(after.iopub.find((m) => m.header.msg_type === "execute_result")?.content).toMatchObject({ data: { "text/plain": "3" } });
  kernel.dispose();
});

it("restarts through REST from @jupyterlab/services: restarting, then idle, state cleared", async () => {
  offerV1 = true;
  const { kernel } = await connectClient();
  await kernel.requestKernelInfo();
  await runCell(kernel, "gone = 1");
  const statuses: string[] = [];
  kernel.statusChanged.connect((_, s) => void statuses.push(s));
  await kernel.restart();
  await new Promise<void>((resolve) => {
    if (kernel.status === "idle") resolve();
    kernel.statusChanged.connect((_, s) => s === "idle" && resolve());
  });
  expect(statuses[0]).toBe("restarting");
  const after = await runCell(kernel, "gone");
  expect(after.reply.content).toMatchObject({ status: "error", ename: "NameError", execution_count: 1 });
  const interrupted = kernel.requestExecute({ code: "while True: pass" });
  await new Promise((r) => setTimeout(r, 200));
  await kernel.interrupt();
  expect((await interrupted.done).content).toMatchObject({ ename: "KeyboardInterrupt" });
});

/**
 * The kernel channel WebSocket under bad input: every refusal is clear, and the server stays up.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startServer, type RunningServer } from "../support/server";

const TOKEN = "channels-token-0123456789abcdef";
let server: RunningServer;
let kernelId: string;

beforeAll(async () => {
  server = await startServer({ KERNEL_LAB_TOKEN: TOKEN });
  const started = await fetch(`${server.url}/api/kernels`, { method: "POST", headers: { authorization: `token ${TOKEN}` }, body: "{}" });
  kernelId = (await started.json()).id;
});
afterAll(async () => {
  await server?.stop();
});

function channelsUrl(id: string, token: string | null = TOKEN): string {
  const query = new URLSearchParams({ session_id: "test-client" });
  if (token) query.set("token", token);
  return `${server.url.replace("http", "ws")}/api/kernels/${id}/channels?${query}`;
}

function handshake(url: string, options: { headers?: Record<string, string>; protocols?: string[] } = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, options.protocols ?? [], { headers: options.headers });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("open", () => {
      ws.close();
      resolve(101);
    });
    ws.on("error", () => resolve(-1));
  });
}

function open(url: string, protocols: string[] = []): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    ws.on("open", () => resolve(ws));
    ws.on("error", reject);
  });
}

async function healthy(): Promise<boolean> {
  return (await fetch(`${server.url}/api/health`)).ok;
}

describe("kernel channel handshake", () => {
  it("refuses an unknown kernel and pages from another origin", async () => {
    expect(await handshake(channelsUrl("00000000-0000-4000-8000-000000000000"))).toBe(404);
    expect(await handshake(channelsUrl("not-a-kernel"))).toBe(404);
    expect(await handshake(channelsUrl(kernelId), { headers: { origin: "http://evil.example" } })).toBe(403);
  });

  it("takes the kernel id as the credential, as Jupyter's gateway client (which sends no token) needs", async () => {
    expect(await handshake(channelsUrl(kernelId, null))).toBe(101);
    expect(await handshake(channelsUrl(kernelId, null), { headers: { origin: server.url } })).toBe(101);
  });

  it("selects the v1 subprotocol when offered and legacy JSON otherwise", async () => {
    const v1 = await open(channelsUrl(kernelId), ["v1.kernel.websocket.jupyter.org"]);
    expect(v1.protocol).toBe("v1.kernel.websocket.jupyter.org");
    v1.close();
    const legacy = await open(channelsUrl(kernelId));
    expect(legacy.protocol).toBe("");
    legacy.close();
  });
});

describe("kernel channel under bad input", () => {
  it("survives malformed frames of both framings and stays usable", async () => {
    const legacy = await open(channelsUrl(kernelId));
    legacy.send("{ not json");
    legacy.send(JSON.stringify({ hello: "world" }));
    legacy.send(Buffer.from([0, 0, 0, 9, 1, 2, 3]));
    const v1 = await open(channelsUrl(kernelId), ["v1.kernel.websocket.jupyter.org"]);
    v1.send(Buffer.from([255, 255, 255, 255, 255, 255, 255, 255, 1]));
    v1.send("text is not allowed in v1");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await healthy()).toBe(true);
    expect(legacy.readyState).toBe(WebSocket.OPEN);
    legacy.close();
    v1.close();
  });

  it("reports an unknown message type in one log line and keeps the channel open", async () => {
    const ws = await open(channelsUrl(kernelId));
    ws.send(
      JSON.stringify({
        channel: "shell",
        header: { msg_id: "bogus-1", msg_type: "frobnicate_request", session: "s", username: "u", date: new Date().toISOString(), version: "5.3" },
        parent_header: {},
        metadata: {},
        content: {},
      }),
    );
    await expect.poll(() => server.logs()).toMatch(/ERROR .*frobnicate_request/);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it("closes an oversized message without taking the server down", async () => {
    const ws = await open(channelsUrl(kernelId));
    const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
    ws.send("x".repeat(65 * 1024 * 1024));
    expect(await closed).toBe(1009);
    expect(await healthy()).toBe(true);
  });
});

/**
 * Real Jupyter clients against Kernel Lab: nbclient executing a notebook through Jupyter's gateway client,
 * and a real Jupyter Server in gateway mode proxying a @jupyterlab/services session to our kernels.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { KernelManager, ServerConnection, SessionManager } from "@jupyterlab/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { parseNotebook } from "../../lib/notebook/nbformat";
import { debianPython, realClientsAvailable } from "../support/real-clients";
import { startServer, stopChild, type RunningServer } from "../support/server";

const TOKEN = "real-clients-token-0123456789abcdef";
const script = path.resolve(import.meta.dirname, "real-clients", "nbclient_execute.py");

describe.runIf(realClientsAvailable)("real Jupyter clients", () => {
  let server: RunningServer;
  let scratch: string;

  beforeAll(async () => {
    server = await startServer({ KERNEL_LAB_TOKEN: TOKEN });
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "kernel-lab-real-clients-"));
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("nbclient executes a notebook through GatewayKernelManager and the result validates", () => {
    const source = path.join(scratch, "in.ipynb");
    const target = path.join(scratch, "out.ipynb");
    const cell = (id: string, code: string) => ({ cell_type: "code", id, metadata: {}, source: code, execution_count: null, outputs: [] });
    fs.writeFileSync(
      source,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: { kernelspec: { name: "nki", display_name: "NKI (Trainium simulator)", language: "python" } },
        cells: [cell("a", "print('hello from nbclient')"), cell("b", "sum(range(10))")],
      }),
    );
    const result = spawnSync(debianPython, [script, server.url, TOKEN, source, target], { encoding: "utf8", timeout: 120_000 });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    // nbformat writes multi-line strings as lists of lines: parse through our own validator to read them.
    const executed = parseNotebook(fs.readFileSync(target, "utf8"));
    if (!executed.ok) throw new Error(executed.error);
    const [printed, lastValue] = executed.notebook.cells.map((c) => (c.cell_type === "code" ? c.outputs : []));
    expect(printed).toEqual([expect.objectContaining({ output_type: "stream", name: "stdout", text: ["hello from nbclient\n"] })]);
    expect(lastValue).toEqual([expect.objectContaining({ output_type: "execute_result", data: { "text/plain": ["45"] } })]);
  });

  it("a real Jupyter Server in gateway mode proxies a @jupyterlab/services session to our kernels", async () => {
    const port = await freePort();
    const jupyterToken = "jupyter-server-token-0123456789";
    const jupyter = spawn(
      debianPython,
      ["-m", "jupyter_server", `--port=${port}`, "--ip=127.0.0.1", "--no-browser", "--allow-root", `--ServerApp.token=${jupyterToken}`,
        `--ServerApp.root_dir=${scratch}`, `--gateway-url=${server.url}`, `--GatewayClient.auth_token=${TOKEN}`],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, JUPYTER_CONFIG_DIR: path.join(scratch, "config"), JUPYTER_DATA_DIR: path.join(scratch, "data"), JUPYTER_RUNTIME_DIR: path.join(scratch, "runtime") } },
    );
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForHttp(`${base}/api`, jupyter);
      const settings = ServerConnection.makeSettings({
        baseUrl: `${base}/`,
        wsUrl: `ws://127.0.0.1:${port}/`,
        token: jupyterToken,
        appendToken: true,
        WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
        fetch,
        Request,
        Headers,
      });
      const kernels = new KernelManager({ serverSettings: settings });
      const sessions = new SessionManager({ serverSettings: settings, kernelManager: kernels });
      try {
        const session = await sessions.startNew({ path: "proxied.ipynb", name: "proxied.ipynb", type: "notebook", kernel: { name: "nki" } });
        const kernel = session.kernel;
        if (!kernel) throw new Error("no kernel");
        const streams: string[] = [];
        const future = kernel.requestExecute({ code: "print(6 * 7)" });
        future.onIOPub = (msg) => {
          if (msg.header.msg_type === "stream") streams.push((msg.content as { text: string }).text);
        };
        expect((await future.done).content.status).toBe("ok");
        expect(streams.join("")).toBe("42\n");
        const ours = await (await fetch(`${server.url}/api/kernels?token=${TOKEN}`)).json();
        expect(ours.map((k: { id: string }) => k.id)).toContain(kernel.id);
        await session.shutdown();
      } finally {
        sessions.dispose();
        kernels.dispose();
      }
    } finally {
      await stopChild(jupyter);
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`jupyter server exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`jupyter server did not start:\n${output}`);
}

import { afterAll, describe, expect, it } from "vitest";
import { TestClient } from "./fixtures/test-client";
import { KernelManager } from "./manager";

const km = new KernelManager({ cullIdleMs: 0 });
afterAll(() => km.shutdownAll());

const streamText = (msgs: { header: { msg_type: string }; content: unknown }[], name = "stdout") =>
  msgs
    .filter((m) => m.header.msg_type === "stream" && (m.content as { name: string }).name === name)
    .map((m) => (m.content as { text: string }).text)
    .join("");

describe("kernel running the Python engine", () => {
  const { id } = km.start();

  it("prints, keeps globals across cells and returns the final expression", async () => {
    await km.whenReady(id);
    const client = new TestClient(km, id);
    const a = await client.execute("def square(x, scale=1):\n    \"\"\"Square x.\"\"\"\n    return x * x * scale\nvals = [square(i) for i in range(4)]\nprint(vals)");
    expect(a.reply.content).toMatchObject({ status: "ok" });
    expect(streamText(a.all)).toBe("[0, 1, 4, 9]\n");
    const b = await client.execute("sum(vals) / 2");
    expect(b.all.find((m) => m.header.msg_type === "execute_result")?.content).toMatchObject({ data: { "text/plain": "7.0" } });
    client.conn.close();
  });

  it("reports errors with a CPython-format traceback naming the cell", async () => {
    const client = new TestClient(km, id);
    const { reply } = await client.execute("def f(n):\n    return 1 / n\nf(0)");
    const count = (reply.content as { execution_count: number }).execution_count;
    expect(reply.content).toMatchObject({ status: "error", ename: "ZeroDivisionError", evalue: "division by zero" });
    const error = client.received.find((m) => m.header.msg_type === "error");
    expect(error?.metadata).toEqual({
      kernel_lab: {
        location: {
          frames: [
            { filename: `<cell ${count}>`, line: 3, col: 0, name: "<module>" },
            { filename: `<cell ${count}>`, line: 2, col: 4, name: "f" },
          ],
        },
      },
    });
    expect((reply.content as { traceback: string[] }).traceback).toEqual([
      "Traceback (most recent call last):",
      `  File "<cell ${count}>", line 3, in <module>`,
      "    f(0)",
      `  File "<cell ${count}>", line 2, in f`,
      "    return 1 / n",
      "           ~~^~~",
      "ZeroDivisionError: division by zero",
    ]);
    client.conn.close();
  });

  it("puts a SyntaxError's span in the error message metadata", async () => {
    const client = new TestClient(km, id);
    const { all, reply } = await client.execute("x = (1,\ny = 2");
    expect(reply.content).toMatchObject({ status: "error", ename: "SyntaxError" });
    const error = all.find((m) => m.header.msg_type === "error");
    expect(error?.metadata).toMatchObject({ kernel_lab: { location: { frames: [], syntax: { line: 1, col: 4 } } } });
    client.conn.close();
  });

  it("interrupts while True within a second and keeps variables", async () => {
    const client = new TestClient(km, id);
    await client.execute("kept = 42");
    const loop = client.send("execute_request", { code: "n = 0\nwhile True:\n    n += 1" });
    await new Promise((r) => setTimeout(r, 200));
    const t0 = performance.now();
    km.interrupt(id);
    const done = await client.exchange(loop);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(done.reply.content).toMatchObject({ status: "error", ename: "KeyboardInterrupt" });
    const after = await client.execute("kept, n > 0");
    expect(after.all.find((m) => m.header.msg_type === "execute_result")?.content).toMatchObject({ data: { "text/plain": "(42, True)" } });
    client.conn.close();
  });

  it("completes names, attributes and keyword arguments, and inspects user functions", async () => {
    const client = new TestClient(km, id);
    const names = await client.request("complete_request", { code: "squ", cursor_pos: 3 });
    expect(names.reply.content).toMatchObject({ matches: ["square"], cursor_start: 0 });
    const attrs = await client.request("complete_request", { code: "vals.app", cursor_pos: 8 });
    expect(attrs.reply.content).toMatchObject({ matches: ["append"], cursor_start: 5 });
    const kw = await client.request("complete_request", { code: "square(2, sc", cursor_pos: 12 });
    expect((kw.reply.content as { matches: string[] }).matches[0]).toBe("scale=");
    const mods = await client.request("complete_request", { code: "import ma", cursor_pos: 9 });
    expect(mods.reply.content).toMatchObject({ matches: ["math"] });
    const fromImport = await client.request("complete_request", { code: "from math import sq", cursor_pos: 19 });
    expect(fromImport.reply.content).toMatchObject({ matches: ["sqrt"] });
    const info = await client.request("inspect_request", { code: "square(", cursor_pos: 7 });
    expect(info.reply.content).toMatchObject({ found: true });
    expect((info.reply.content as { data: Record<string, string> }).data["text/plain"]).toBe("Signature: square(x, scale=1)\nType:      function\nDocstring:\nSquare x.");
    client.conn.close();
  });

  it("publishes display() and update_display() as display_data / update_display_data", async () => {
    const client = new TestClient(km, id);
    const { reply, all } = await client.execute("display(1, 'a')\ndisplay([2], display_id='bar')\nupdate_display([3], display_id='bar')\nclear_output(wait=True)");
    expect(reply.content).toMatchObject({ status: "ok" });
    const shown = all.filter((m) => m.header.msg_type.endsWith("display_data")).map((m) => [m.header.msg_type, m.content]);
    expect(shown).toEqual([
      ["display_data", { data: { "text/plain": "1" }, metadata: {}, transient: {} }],
      ["display_data", { data: { "text/plain": "'a'" }, metadata: {}, transient: {} }],
      ["display_data", { data: { "text/plain": "[2]" }, metadata: {}, transient: { display_id: "bar" } }],
      ["update_display_data", { data: { "text/plain": "[3]" }, metadata: {}, transient: { display_id: "bar" } }],
    ]);
    expect(all.find((m) => m.header.msg_type === "clear_output")?.content).toEqual({ wait: true });
    client.conn.close();
  });

  it("builds MIME bundles from _repr_*_ methods, with JSON MIME types as objects", async () => {
    const client = new TestClient(km, id);
    const code = [
      "class Profile:",
      "    def __repr__(self):",
      "        return '<Profile>'",
      "    def _repr_html_(self):",
      "        return '<b>profile</b>'",
      "    def _repr_mimebundle_(self):",
      "        return {'application/vnd.nki.profile+json': {'engines': ['pe', 'act'], 'cycles': 12.5, 'ok': True, 'none': None}}",
      "display(Profile())",
      "Profile()",
    ].join("\n");
    const { all } = await client.execute(code);
    const expected = {
      "text/plain": "<Profile>",
      "text/html": "<b>profile</b>",
      "application/vnd.nki.profile+json": { engines: ["pe", "act"], cycles: 12.5, ok: true, none: null },
    };
    expect(all.find((m) => m.header.msg_type === "display_data")?.content).toMatchObject({ data: expected });
    expect(all.find((m) => m.header.msg_type === "execute_result")?.content).toMatchObject({ data: expected });
    client.conn.close();
  });

  it("reports an exception raised by the final value's __repr__ as the cell's error", async () => {
    const client = new TestClient(km, id);
    const { reply } = await client.execute("class Bad:\n    def __repr__(self):\n        raise ValueError('no repr')\nBad()");
    expect(reply.content).toMatchObject({ status: "error", ename: "ValueError", evalue: "no repr" });
    client.conn.close();
  });

  it("evaluates user_expressions after a successful execute", async () => {
    const client = new TestClient(km, id);
    const { reply, all } = await client.execute("ux = 20", { user_expressions: { double: "ux * 2", bad: "1 / 0", printing: "print('hidden') or 5" } });
    expect(reply.content).toMatchObject({
      status: "ok",
      user_expressions: {
        double: { status: "ok", data: { "text/plain": "40" }, metadata: {} },
        bad: { status: "error", ename: "ZeroDivisionError", evalue: "division by zero" },
        printing: { status: "ok", data: { "text/plain": "5" } },
      },
    });
    expect(all.some((m) => m.header.msg_type === "stream")).toBe(false);
    client.conn.close();
  });

  it("imports numpy, shows arrays, and completes and inspects its members", async () => {
    const client = new TestClient(km, id);
    const { reply, all } = await client.execute("import numpy as np\na = np.arange(6).reshape(2, 3)\na.sum(axis=0)");
    expect(reply.content).toMatchObject({ status: "ok" });
    expect(all.find((m) => m.header.msg_type === "execute_result")?.content).toMatchObject({ data: { "text/plain": "array([3, 5, 7])" } });
    const members = await client.request("complete_request", { code: "np.ze", cursor_pos: 5 });
    expect((members.reply.content as { matches: string[] }).matches).toContain("zeros");
    const mods = await client.request("complete_request", { code: "import nu", cursor_pos: 9 });
    expect((mods.reply.content as { matches: string[] }).matches).toContain("numpy");
    const info = await client.request("inspect_request", { code: "np.zeros", cursor_pos: 8 });
    expect(info.reply.content).toMatchObject({ status: "ok", found: true });
    client.conn.close();
  });

  it("answers is_complete with the engine's parser", async () => {
    const client = new TestClient(km, id);
    expect((await client.request("is_complete_request", { code: "for i in range(3):" })).reply.content).toEqual({ status: "incomplete", indent: "    " });
    expect((await client.request("is_complete_request", { code: "x = (1 +* 2)" })).reply.content).toEqual({ status: "invalid" });
    expect((await client.request("is_complete_request", { code: "%target trn3" })).reply.content).toEqual({ status: "complete" });
    client.conn.close();
  });
});

describe("Python kernel limits", () => {
  it("dies when a cell exhausts the worker heap, and restarts clean", async () => {
    const small = new KernelManager({ cullIdleMs: 0, limits: { heapMb: 96 } });
    try {
      const { id } = small.start();
      await small.whenReady(id);
      const client = new TestClient(small, id);
      const { reply } = await client.execute("hog = []\nwhile True:\n    hog.append([0] * 100000)");
      expect(reply.content).toMatchObject({ status: "error", ename: "DeadKernelError" });
      expect(small.get(id).execution_state).toBe("dead");
      await small.restart(id);
      expect((await client.execute("len([1, 2])")).all.find((m) => m.header.msg_type === "execute_result")?.content).toMatchObject({ data: { "text/plain": "2" } });
    } finally {
      await small.shutdownAll();
    }
  });
});

describe("keywordNames", () => {
  it("reads keyword-passable parameters from a text signature", async () => {
    const { keywordNames } = await import("./python-engine");
    expect(keywordNames("(shape, dtype=float, order='C', *, like=None)")).toEqual(["shape", "dtype", "order", "like"]);
    expect(keywordNames("(x, /, y, *args, z=1, **kw)")).toEqual(["y", "z"]);
    expect(keywordNames("($self, a)")).toEqual(["a"]);
    expect(keywordNames("()")).toEqual([]);
  });
});

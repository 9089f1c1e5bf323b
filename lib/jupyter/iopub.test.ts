import { describe, expect, it } from "vitest";
import { iopubMessage, statusMessage } from "./build";
import { IopubBuffer, IopubRateLimiter, rateLimitWarning } from "./iopub";

const session = "kernel-session";
const stream = (text: string) => iopubMessage("stream", { name: "stdout", text }, session);

describe("IopubBuffer", () => {
  it("replays what was published before any client connected to the first client", () => {
    const buf = new IopubBuffer();
    buf.push(statusMessage("starting", session));
    buf.push(statusMessage("idle", session));
    const replay = buf.connect("client-a");
    expect(replay.map((m) => m.content)).toEqual([{ execution_state: "starting" }, { execution_state: "idle" }]);
    expect(buf.buffering).toBe(false);
    expect(buf.push(stream("x"))).toBe(false);
  });

  it("replays to the client session that left, in order", () => {
    const buf = new IopubBuffer();
    buf.connect("client-a");
    buf.startBuffering("client-a");
    for (const t of ["a", "b", "c"]) buf.push(stream(t));
    expect(buf.connect("client-a").map((m) => (m.content as { text: string }).text)).toEqual(["a", "b", "c"]);
  });

  it("gives another client session no replay and discards the buffer", () => {
    const buf = new IopubBuffer();
    buf.connect("client-a");
    buf.startBuffering("client-a");
    buf.push(stream("private"));
    expect(buf.connect("client-b")).toEqual([]);
    buf.startBuffering("client-b");
    expect(buf.connect("client-a")).toEqual([]);
  });

  it("keeps the newest messages within its bounds", () => {
    const buf = new IopubBuffer({ maxMessages: 3, maxBytes: 1e9 });
    for (let i = 0; i < 10; i++) buf.push(stream(String(i)));
    expect(buf.length).toBe(3);
    expect(buf.dropped).toBe(7);
    expect(buf.connect("c").map((m) => (m.content as { text: string }).text)).toEqual(["7", "8", "9"]);
    const bytes = new IopubBuffer({ maxMessages: 100, maxBytes: 5000 });
    for (let i = 0; i < 10; i++) bytes.push(stream("x".repeat(1000)));
    expect(bytes.length).toBeLessThanOrEqual(4);
  });
});

describe("IopubRateLimiter", () => {
  const limits = { msgRate: 10, dataRate: 1e9, windowSeconds: 1 };

  it("passes output under the message rate", () => {
    const lim = new IopubRateLimiter(limits);
    for (let i = 0; i < 10; i++) expect(lim.admit(stream("x"), i * 10)).toBe("send");
  });

  it("drops output over the message rate with exactly one warning, then resumes", () => {
    const lim = new IopubRateLimiter(limits);
    const verdicts = Array.from({ length: 30 }, (_, i) => lim.admit(stream("x"), i));
    expect(verdicts.slice(0, 10).every((v) => v === "send")).toBe(true);
    expect(verdicts[10]).toBe("drop_and_warn");
    expect(verdicts.slice(11).every((v) => v === "drop")).toBe(true);
    expect(lim.admit(stream("later"), 2000)).toBe("send");
    // A second flood gets a second (single) warning.
    const again = Array.from({ length: 20 }, (_, i) => lim.admit(stream("x"), 2001 + i));
    expect(again.filter((v) => v === "drop_and_warn")).toHaveLength(1);
  });

  it("limits bytes per second too", () => {
    const lim = new IopubRateLimiter({ msgRate: 1e6, dataRate: 10_000, windowSeconds: 1 });
    expect(lim.admit(stream("x".repeat(5000)), 0)).toBe("send");
    expect(lim.admit(stream("x".repeat(5000)), 1)).toBe("drop_and_warn");
    expect(lim.admit(stream("x".repeat(10)), 2)).toBe("drop");
  });

  it("never drops status, execute_input, execute_result or error", () => {
    const lim = new IopubRateLimiter({ msgRate: 1, dataRate: 1, windowSeconds: 1 });
    expect(lim.admit(stream("flood"), 0)).toBe("drop_and_warn");
    expect(lim.admit(statusMessage("idle", session), 0)).toBe("send");
    expect(lim.admit(iopubMessage("execute_input", { code: "x", execution_count: 1 }, session), 0)).toBe("send");
    expect(lim.admit(iopubMessage("execute_result", { data: { "text/plain": "1" }, metadata: {}, execution_count: 1 }, session), 0)).toBe("send");
    expect(lim.admit(iopubMessage("error", { ename: "E", evalue: "", traceback: [] }, session), 0)).toBe("send");
  });

  it("explains the limit in its warning", () => {
    expect(rateLimitWarning({ msgRate: 1000, dataRate: 1e6, windowSeconds: 3 })).toContain("1000 messages/s");
  });
});

import { describe, expect, it } from "vitest";
import type { ExecuteRequestMsg, ServerMessage } from "./messages";
import { checkRequestOrdering, RequestCycle } from "./request-cycle";

const request: ExecuteRequestMsg = {
  channel: "shell",
  header: { msg_id: "req-1", session: "client", username: "u", date: "2026-01-01T00:00:00Z", msg_type: "execute_request", version: "5.3" },
  parent_header: {},
  metadata: {},
  content: { code: "print(1)", silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
  buffers: [],
};

describe("RequestCycle", () => {
  it("produces busy, outputs, reply and idle, all parented to the request", () => {
    const cycle = new RequestCycle(request, "kernel-session");
    const msgs: ServerMessage[] = [
      cycle.busy(),
      cycle.output("execute_input", { code: "print(1)", execution_count: 1 }),
      cycle.output("stream", { name: "stdout", text: "1\n" }),
      cycle.reply({ status: "ok", execution_count: 1, user_expressions: {}, payload: [] }),
      cycle.idle(),
    ];
    expect(msgs.map((m) => [m.channel, m.header.msg_type])).toEqual([
      ["iopub", "status"],
      ["iopub", "execute_input"],
      ["iopub", "stream"],
      ["shell", "execute_reply"],
      ["iopub", "status"],
    ]);
    for (const m of msgs) {
      expect(m.parent_header).toEqual(request.header);
      expect(m.header.session).toBe("kernel-session");
      expect(m.header.version).toBe("5.3");
      expect(m.header.msg_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Number.isNaN(Date.parse(m.header.date))).toBe(false);
    }
    expect(new Set(msgs.map((m) => m.header.msg_id)).size).toBe(5);
    expect(checkRequestOrdering(msgs)).toEqual([]);
  });

  it("refuses output before busy, output after the reply, and idle before the reply", () => {
    const cycle = new RequestCycle(request, "k");
    expect(() => cycle.output("stream", { name: "stdout", text: "" })).toThrow(/phase new/);
    cycle.busy();
    expect(() => cycle.idle()).toThrow(/expected replied/);
    cycle.reply({ status: "ok", execution_count: 1, user_expressions: {}, payload: [] });
    expect(() => cycle.output("stream", { name: "stdout", text: "" })).toThrow();
  });

  it("replies on the channel the request came in on", () => {
    const control = { ...request, channel: "control" as const, header: { ...request.header, msg_type: "interrupt_request" as const }, content: {} };
    const cycle = new RequestCycle(control, "k");
    cycle.busy();
    expect(cycle.reply({ status: "ok" })).toMatchObject({ channel: "control", header: { msg_type: "interrupt_reply" } });
  });
});

describe("checkRequestOrdering", () => {
  it("reports a missing busy, a reply after idle and a request that never went idle", () => {
    const a = new RequestCycle(request, "k");
    const busy = a.busy();
    const reply = a.reply({ status: "ok", execution_count: 1, user_expressions: {}, payload: [] });
    const idle = a.idle();
    expect(checkRequestOrdering([reply, idle])).toEqual([expect.stringContaining("before status busy"), expect.stringContaining("before the reply")]);
    expect(checkRequestOrdering([busy, idle, reply])).toEqual([expect.stringContaining("before the reply"), expect.stringContaining("after status idle")]);
    expect(checkRequestOrdering([busy, reply])).toEqual([expect.stringContaining("never reached idle")]);
  });
});

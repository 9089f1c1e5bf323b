import { describe, expect, it } from "vitest";
import { decodeClientFrame } from "./client-frame";
import { encodeV1 } from "./framing";
import { validateClientMessage } from "./validate";

const header = (msgType: string) => ({
  msg_id: "17e6ffd3b46d40d3b790b9c8b1c99507",
  username: "u",
  session: "da6fd7e8dbc5487c8428fc5ce62c500a",
  msg_type: msgType,
  version: "5.3",
  date: "2026-01-01T00:00:00Z",
});

const request = (msgType: string, content: unknown, extra: Record<string, unknown> = {}) => ({
  header: header(msgType),
  parent_header: {},
  metadata: {},
  content,
  channel: "shell",
  ...extra,
});

describe("validateClientMessage", () => {
  it("fills execute_request defaults from messaging.rst", () => {
    const v = validateClientMessage(request("execute_request", { code: "1+1" }));
    expect(v).toMatchObject({
      ok: true,
      value: {
        channel: "shell",
        content: { code: "1+1", silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
        buffers: [],
      },
    });
  });

  it("forces store_history off for silent executes", () => {
    const v = validateClientMessage(request("execute_request", { code: "", silent: true, store_history: true }));
    expect(v.ok && v.value.content).toMatchObject({ silent: true, store_history: false });
  });

  it("treats a message without channel as shell (GatewayKernelClient sends those)", () => {
    const { channel: _channel, ...noChannel } = request("kernel_info_request", {});
    expect(validateClientMessage(noChannel)).toMatchObject({ ok: true, value: { channel: "shell" } });
    expect(validateClientMessage({ ...noChannel, channel: null })).toMatchObject({ ok: true, value: { channel: "shell" } });
  });

  it("accepts control requests and fills shutdown's restart flag", () => {
    expect(validateClientMessage(request("interrupt_request", {}, { channel: "control" }))).toMatchObject({ ok: true, value: { channel: "control" } });
    expect(validateClientMessage(request("shutdown_request", {}, { channel: "control" }))).toMatchObject({
      ok: true,
      value: { content: { restart: false } },
    });
  });

  it("rejects unknown msg_types with the request so the kernel can answer it", () => {
    const v = validateClientMessage(request("debug_request", {}, { channel: "control" }));
    expect(v).toMatchObject({
      ok: false,
      error: { reason: "unknown_msg_type", message: "unsupported msg_type 'debug_request'", request: { channel: "control" } },
    });
  });

  it("names the bad field of invalid content", () => {
    const v = validateClientMessage(request("complete_request", { code: "x", cursor_pos: "3" }));
    expect(v).toMatchObject({ ok: false, error: { reason: "invalid_content" } });
    expect(!v.ok && v.error.message).toMatch(/^content\.cursor_pos: /);
    const neg = validateClientMessage(request("inspect_request", { code: "x", cursor_pos: -1 }));
    expect(neg).toMatchObject({ ok: false, error: { reason: "invalid_content" } });
    const missing = validateClientMessage(request("execute_request", {}));
    expect(!missing.ok && missing.error.message).toMatch(/content\.code/);
  });

  it("rejects iopub as a client channel, missing headers and non-objects", () => {
    expect(validateClientMessage(request("execute_request", { code: "" }, { channel: "iopub" }))).toMatchObject({ ok: false, error: { reason: "malformed" } });
    expect(validateClientMessage({ content: {} })).toMatchObject({ ok: false, error: { reason: "malformed", message: expect.stringContaining("header") } });
    expect(validateClientMessage({ header: { ...header("execute_request"), msg_id: 5 } })).toMatchObject({ ok: false });
    expect(validateClientMessage(null)).toMatchObject({ ok: false, error: { reason: "malformed" } });
    expect(validateClientMessage([1])).toMatchObject({ ok: false, error: { reason: "malformed" } });
    expect(validateClientMessage("execute")).toMatchObject({ ok: false, error: { reason: "malformed" } });
  });

  it("accepts the request headers real clients sent in the ipykernel transcripts", async () => {
    const golden = (await import("./fixtures/framing.golden.json")).default;
    for (const { message } of golden.transcript) {
      const parent = message.parent_header as { msg_type?: string };
      if (!parent.msg_type) continue;
      const content = parent.msg_type === "execute_request" ? { code: "x" } : parent.msg_type.startsWith("complete") || parent.msg_type.startsWith("inspect") ? { code: "x", cursor_pos: 1 } : parent.msg_type === "is_complete_request" ? { code: "x" } : {};
      expect(validateClientMessage({ header: parent, content }).ok).toBe(true);
    }
  });
});

describe("decodeClientFrame", () => {
  it("decodes and validates a legacy text frame", () => {
    const v = decodeClientFrame(JSON.stringify(request("is_complete_request", { code: "for i in x:" })), "legacy");
    expect(v).toMatchObject({ ok: true, value: { header: { msg_type: "is_complete_request" } } });
  });

  it("decodes and validates a v1 binary frame", () => {
    const r = request("complete_request", { code: "pri", cursor_pos: 3 });
    const frame = encodeV1({ ...r, channel: "shell", buffers: [] } as Parameters<typeof encodeV1>[0]);
    expect(decodeClientFrame(frame, "v1")).toMatchObject({ ok: true, value: { content: { cursor_pos: 3 } } });
  });

  it("refuses oversized messages before parsing them", () => {
    const big = JSON.stringify(request("execute_request", { code: "x" + "#".repeat(2000) }));
    expect(decodeClientFrame(big, "legacy", 1000)).toMatchObject({ ok: false, error: { reason: "too_large" } });
    expect(decodeClientFrame(new Uint8Array(2000), "v1", 1000)).toMatchObject({ ok: false, error: { reason: "too_large" } });
    expect(decodeClientFrame("é".repeat(600), "legacy", 1000)).toMatchObject({ ok: false, error: { reason: "too_large" } });
  });

  it("turns malformed frames into errors", () => {
    expect(decodeClientFrame("not json", "legacy")).toMatchObject({ ok: false, error: { reason: "malformed" } });
    expect(decodeClientFrame(new Uint8Array([1, 2, 3]), "v1")).toMatchObject({ ok: false, error: { reason: "malformed" } });
  });
});

describe("header dates from Jupyter's gateway client", () => {
  it("accepts epoch seconds and turns them into an ISO date", () => {
    const result = validateClientMessage({
      channel: "shell",
      header: { msg_id: "m1", msg_type: "kernel_info_request", session: "s", username: "u", date: 1795627537.5, version: "5.3" },
      parent_header: {},
      metadata: {},
      content: {},
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.header.date).toBe(new Date(1795627537500).toISOString());
  });
});

describe("untrusted input never throws", () => {
  it("validateClientMessage and decodeClientFrame return a value for arbitrary input", async () => {
    const fc = (await import("fast-check")).default;
    const nearlyValid = fc.record({
      header: fc.oneof(fc.constant(header("execute_request")), fc.anything()),
      content: fc.oneof(fc.constant({ code: "x" }), fc.anything()),
      channel: fc.oneof(fc.constantFrom("shell", "control", "iopub", undefined), fc.anything()),
      parent_header: fc.anything(),
      metadata: fc.anything(),
      buffers: fc.anything(),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearlyValid), (value) => {
        const v = validateClientMessage(value);
        expect(typeof v.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 200 })), fc.constantFrom("v1" as const, "legacy" as const), (data, framing) => {
        expect(typeof decodeClientFrame(data, framing).ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});

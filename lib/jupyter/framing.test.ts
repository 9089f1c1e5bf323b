import { describe, expect, it } from "vitest";
import golden from "./fixtures/framing.golden.json";
import {
  decodeFrame,
  decodeLegacyBinary,
  decodeLegacyText,
  decodeV1,
  encodeFrame,
  encodeLegacy,
  encodeV1,
  negotiateFraming,
  V1_PROTOCOL,
} from "./framing";
import type { Message } from "./messages";

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));

function asMessage(m: (typeof golden.buffers)[number]["message"], buffers: Uint8Array[]): Message {
  return { ...(m as unknown as Omit<Message, "buffers">), buffers };
}

function offsetsOf(frame: Uint8Array): number[] {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const n = Number(view.getBigUint64(0, true));
  return Array.from({ length: n }, (_, i) => Number(view.getBigUint64(8 * (i + 1), true)));
}

describe("v1.kernel.websocket.jupyter.org framing", () => {
  it("decodes every frame captured from jupyter_server + ipykernel", () => {
    for (const { message, v1 } of golden.transcript) {
      const decoded = decodeV1(bytes(v1));
      expect(decoded).toEqual({ ok: true, value: { ...message, buffers: [] } });
    }
  });

  it("puts the first part right after the offset table: offsets[0] = 8 * (1 + offset_number)", () => {
    const msg = { ...(golden.transcript[0].message as unknown as Omit<Message, "buffers">), buffers: [] };
    const frame = encodeV1(msg);
    const offsets = offsetsOf(frame);
    expect(offsets.length).toBe(6);
    expect(offsets[0]).toBe(56);
    expect(offsets[1]).toBe(56 + "iopub".length);
    expect(offsets[5]).toBe(frame.byteLength);
    expect(Buffer.from(frame.subarray(0, 16)).toString("hex")).toBe("06000000000000003800000000000000");
  });

  it("re-encodes each captured message into a frame that decodes to the same message", () => {
    for (const { message } of golden.transcript) {
      const msg = { ...(message as unknown as Omit<Message, "buffers">), buffers: [] };
      expect(decodeV1(encodeV1(msg))).toEqual({ ok: true, value: msg });
    }
  });

  it("encodes buffers byte-for-byte like jupyter_server", () => {
    for (const c of golden.buffers) {
      const buffers = c.buffers.map(bytes);
      const frame = encodeV1(asMessage(c.message, buffers));
      expect(Buffer.from(frame).toString("base64")).toBe(c.v1);
      const decoded = decodeV1(frame);
      expect(decoded.ok && decoded.value.buffers).toEqual(buffers);
    }
  });

  it("refuses frames with a wrong first offset, offsets past the end, or truncated tables", () => {
    const good = bytes(golden.transcript[0].v1);
    const wrongFirst = good.slice();
    new DataView(wrongFirst.buffer).setBigUint64(8, 48n, true); // the classic 8*offset_number mistake
    expect(decodeV1(wrongFirst)).toMatchObject({ ok: false, error: { reason: "malformed" } });
    const pastEnd = good.slice();
    new DataView(pastEnd.buffer).setBigUint64(16, 1_000_000n, true);
    expect(decodeV1(pastEnd)).toMatchObject({ ok: false, error: { reason: "malformed" } });
    expect(decodeV1(good.subarray(0, 30))).toMatchObject({ ok: false, error: { reason: "malformed" } });
    expect(decodeV1(new Uint8Array(3))).toMatchObject({ ok: false });
    const huge = good.slice();
    new DataView(huge.buffer).setBigUint64(0, 2n ** 63n, true);
    expect(decodeV1(huge)).toMatchObject({ ok: false });
  });

  it("refuses a header that is not JSON, and text frames", () => {
    const frame = bytes(golden.transcript[0].v1).slice();
    frame[61] = "x".charCodeAt(0); // first byte of the header JSON
    expect(decodeV1(frame)).toMatchObject({ ok: false, error: { reason: "malformed", message: expect.stringContaining("header") } });
    expect(decodeFrame("{}", "v1")).toMatchObject({ ok: false });
  });

  it("survives arbitrary bytes without throwing", () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const base = bytes(golden.transcript[4].v1);
    for (let i = 0; i < 400; i++) {
      const f = base.slice(0, Math.floor(rand() * base.length));
      for (let k = 0; k < 3; k++) f[Math.floor(rand() * f.length)] = Math.floor(rand() * 256);
      expect(() => decodeV1(f)).not.toThrow();
      expect(() => decodeLegacyBinary(f)).not.toThrow();
    }
  });
});

describe("legacy JSON framing", () => {
  it("decodes every text frame captured from jupyter_server", () => {
    for (const { text, message } of golden.legacy) {
      expect(decodeLegacyText(text)).toEqual({ ok: true, value: { ...message, buffers: [] } });
    }
  });

  it("sends text frames with top-level msg_id and msg_type copies, like jupyter_server", () => {
    const captured = JSON.parse(golden.legacy[5].text) as Record<string, unknown>;
    const msg = { ...(golden.legacy[5].message as unknown as Omit<Message, "buffers">), buffers: [] };
    const frame = encodeLegacy(msg);
    expect(frame.binary).toBe(false);
    const sent = JSON.parse(frame.data as string) as Record<string, unknown>;
    expect(sent).toEqual(captured);
    expect(Object.keys(sent)).toEqual(Object.keys(captured));
  });

  it("uses a binary frame with u32 BE offsets when there are buffers, byte-for-byte like jupyter_server", () => {
    for (const c of golden.buffers) {
      const buffers = c.buffers.map(bytes);
      const frame = encodeLegacy(asMessage(c.message, buffers));
      expect(frame.binary).toBe(true);
      expect(Buffer.from(frame.data as Uint8Array).toString("base64")).toBe(c.legacy);
      const decoded = decodeLegacyBinary(frame.data as Uint8Array);
      expect(decoded).toMatchObject({ ok: true, value: { channel: "iopub", content: c.message.content } });
      expect(decoded.ok && decoded.value.buffers).toEqual(buffers);
    }
  });

  it("reports invalid JSON and bad binary tables as malformed", () => {
    expect(decodeLegacyText("{nope")).toMatchObject({ ok: false, error: { reason: "malformed" } });
    expect(decodeLegacyText("[1,2]")).toMatchObject({ ok: false, error: { reason: "malformed" } });
    expect(decodeLegacyBinary(new Uint8Array([0, 0, 0, 9, 0, 0, 0, 0]))).toMatchObject({ ok: false });
    expect(decodeLegacyBinary(new Uint8Array([0, 0, 0, 1, 0, 0, 0, 8, 0x7b]))).toMatchObject({ ok: false });
  });

  it("dispatches on framing: text frames and binary frames", () => {
    const msg = { ...(golden.legacy[0].message as unknown as Omit<Message, "buffers">), buffers: [] };
    const text = encodeFrame(msg, "legacy");
    expect(decodeFrame(text.data, "legacy")).toMatchObject({ ok: true, value: { header: msg.header } });
    const bin = encodeFrame(msg, "v1");
    expect(bin.binary).toBe(true);
    expect(decodeFrame(bin.data, "v1")).toMatchObject({ ok: true, value: { header: msg.header } });
  });
});

describe("subprotocol negotiation", () => {
  it("selects v1 when offered and legacy otherwise", () => {
    expect(negotiateFraming([V1_PROTOCOL])).toBe("v1");
    expect(negotiateFraming(["foo", V1_PROTOCOL])).toBe("v1");
    expect(negotiateFraming([])).toBe("legacy");
  });
});

describe("round trips of arbitrary messages", () => {
  it("decode(encode(m)) == m for both framings, with any JSON content and buffers", async () => {
    const fc = (await import("fast-check")).default;
    const header = fc.record({
      msg_id: fc.uuid(),
      session: fc.string(),
      username: fc.string(),
      date: fc.constant("2026-11-25T18:00:00.000Z"),
      msg_type: fc.constantFrom("stream", "display_data", "execute_reply"),
      version: fc.constant("5.3"),
    });
    const json = fc.dictionary(fc.string(), fc.jsonValue()).map((o) => JSON.parse(JSON.stringify(o)) as Record<string, never>);
    const message = fc.record({
      channel: fc.constantFrom("shell" as const, "iopub" as const, "control" as const),
      header,
      parent_header: fc.oneof(fc.constant({}), header),
      metadata: json,
      content: json,
      buffers: fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(message, (msg) => {
        const m = msg as unknown as Message;
        expect(decodeV1(encodeV1(m))).toEqual({ ok: true, value: m });
        const legacy = encodeLegacy(m);
        const back = decodeFrame(legacy.data, "legacy");
        expect(back).toEqual({ ok: true, value: m });
      }),
      { numRuns: 200 },
    );
  });
});

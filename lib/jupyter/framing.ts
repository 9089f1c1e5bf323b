/*
 * The two ways Jupyter multiplexes kernel messages over one WebSocket
 * (jupyter_server docs/source/developers/websocket-protocols.rst):
 *
 * - `v1.kernel.websocket.jupyter.org` (binary frames only):
 *     u64 LE offset_number | u64 LE offsets[offset_number] | channel | header | parent_header | metadata | content | buffer_0 …
 *   with offsets[0] = 8 * (1 + offset_number) (the first byte after the offset table), each later
 *   offset the start of the next part, and the last offset the total length. offset_number is
 *   1 (channel) + 4 (dicts) + len(buffers) + 1 (the end).
 * - legacy (no subprotocol): a text frame of the whole message as JSON, or, when there are
 *   buffers, a binary frame: u32 BE nbufs | u32 BE offsets[nbufs] | JSON message | buffers, where
 *   nbufs counts the JSON part too and offsets are the start of each part. Messages we send in
 *   legacy framing carry top-level `msg_id` and `msg_type` copies: jupyter_server's
 *   GatewayKernelClient reads them.
 *
 * Decoding is total: any byte string yields either a raw message object or an error value.
 */
import type { Message } from "./messages";
import type { Validated } from "./validate";

export const V1_PROTOCOL = "v1.kernel.websocket.jupyter.org";

export type Framing = "v1" | "legacy";

/** A decoded message before validation: the parts are parsed JSON of unknown shape. */
export interface RawMessage {
  channel?: unknown;
  header: unknown;
  parent_header: unknown;
  metadata: unknown;
  content: unknown;
  buffers: Uint8Array[];
}

/** What a framing produces for one outgoing message. */
export type Frame = { binary: true; data: Uint8Array } | { binary: false; data: string };

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Generous upper bound on buffers per message: more is a malformed (or hostile) frame. */
const MAX_BUFFERS = 1024;

/** Pick the framing from the client's offered subprotocols, as jupyter_server 2 does. */
export function negotiateFraming(offered: Iterable<string>): Framing {
  for (const p of offered) if (p.trim() === V1_PROTOCOL) return "v1";
  return "legacy";
}

function malformed(message: string): { ok: false; error: { reason: "malformed"; message: string } } {
  return { ok: false, error: { reason: "malformed", message } };
}

function parseJson(bytes: Uint8Array, what: string): Validated<unknown> {
  try {
    return { ok: true, value: JSON.parse(decoder.decode(bytes)) };
  } catch (e) {
    return malformed(`${what} is not valid UTF-8 JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function concat(parts: Uint8Array[], headerBytes: number): { out: Uint8Array; view: DataView } {
  const total = parts.reduce((n, p) => n + p.byteLength, headerBytes);
  const out = new Uint8Array(total);
  let at = headerBytes;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return { out, view: new DataView(out.buffer) };
}

// ---- v1.kernel.websocket.jupyter.org ------------------------------------------------------------

export function encodeV1(msg: Message<string, unknown>): Uint8Array {
  const parts = [
    encoder.encode(msg.channel),
    encoder.encode(JSON.stringify(msg.header)),
    encoder.encode(JSON.stringify(msg.parent_header ?? {})),
    encoder.encode(JSON.stringify(msg.metadata)),
    encoder.encode(JSON.stringify(msg.content)),
    ...msg.buffers,
  ];
  const offsetNumber = parts.length + 1;
  const tableBytes = 8 * (1 + offsetNumber);
  const { out, view } = concat(parts, tableBytes);
  view.setBigUint64(0, BigInt(offsetNumber), true /* little-endian */);
  let offset = tableBytes;
  view.setBigUint64(8, BigInt(offset), true);
  parts.forEach((p, i) => {
    offset += p.byteLength;
    view.setBigUint64(8 * (i + 2), BigInt(offset), true);
  });
  return out;
}

function readU64(view: DataView, at: number): number | null {
  const v = view.getBigUint64(at, true);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(v);
}

export function decodeV1(data: Uint8Array): Validated<RawMessage> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 8) return malformed(`v1 frame of ${data.byteLength} bytes is shorter than its offset count`);
  const n = readU64(view, 0);
  if (n === null || n < 6 || n > 6 + MAX_BUFFERS) {
    return malformed(`v1 frame declares ${String(view.getBigUint64(0, true))} offsets; expected 6 + number of buffers`);
  }
  const tableBytes = 8 * (1 + n);
  if (data.byteLength < tableBytes) return malformed(`v1 frame of ${data.byteLength} bytes cannot hold ${n} offsets`);
  const offsets: number[] = [];
  for (let i = 0; i < n; i++) {
    const o = readU64(view, 8 * (1 + i));
    if (o === null || o > data.byteLength || (i > 0 && o < offsets[i - 1])) {
      return malformed(`v1 frame offset ${i} is out of order or past the end of the frame`);
    }
    offsets.push(o);
  }
  if (offsets[0] !== tableBytes) return malformed(`v1 frame's first offset is ${offsets[0]}, expected 8*(1+${n}) = ${tableBytes}`);
  if (offsets[n - 1] !== data.byteLength) return malformed(`v1 frame's last offset ${offsets[n - 1]} is not its length ${data.byteLength}`);
  const part = (i: number) => data.subarray(offsets[i], offsets[i + 1]);
  let channel: string;
  try {
    channel = decoder.decode(part(0));
  } catch {
    return malformed("v1 frame's channel is not UTF-8");
  }
  const dicts: unknown[] = [];
  const names = ["header", "parent_header", "metadata", "content"];
  for (let i = 0; i < 4; i++) {
    const parsed = parseJson(part(i + 1), names[i]);
    if (!parsed.ok) return parsed;
    dicts.push(parsed.value);
  }
  const buffers: Uint8Array[] = [];
  for (let i = 5; i < n - 1; i++) buffers.push(part(i).slice());
  return {
    ok: true,
    value: {
      // An empty channel part means "not given"; validation then assumes shell.
      ...(channel === "" ? {} : { channel }),
      header: dicts[0],
      parent_header: dicts[1],
      metadata: dicts[2],
      content: dicts[3],
      buffers,
    },
  };
}

// ---- legacy --------------------------------------------------------------------------------------

/** The JSON object of a legacy frame, in jupyter_server's field order, with msg_id/msg_type copies. */
function legacyObject(msg: Message<string, unknown>, withBuffers: boolean): Record<string, unknown> {
  return {
    header: msg.header,
    msg_id: msg.header.msg_id,
    msg_type: msg.header.msg_type,
    parent_header: msg.parent_header ?? {},
    metadata: msg.metadata,
    content: msg.content,
    ...(withBuffers ? { buffers: [] } : {}),
    channel: msg.channel,
  };
}

export function encodeLegacy(msg: Message<string, unknown>): Frame {
  if (msg.buffers.length === 0) return { binary: false, data: JSON.stringify(legacyObject(msg, true)) };
  const parts = [encoder.encode(JSON.stringify(legacyObject(msg, false))), ...msg.buffers];
  const tableBytes = 4 * (parts.length + 1);
  const { out, view } = concat(parts, tableBytes);
  view.setUint32(0, parts.length, false /* big-endian */);
  let offset = tableBytes;
  parts.forEach((p, i) => {
    view.setUint32(4 * (i + 1), offset, false);
    offset += p.byteLength;
  });
  return { binary: true, data: out };
}

function fromLegacyObject(obj: unknown, buffers: Uint8Array[]): Validated<RawMessage> {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return malformed("a message must be a JSON object");
  const o = obj as Record<string, unknown>;
  if (!Array.isArray(o.buffers ?? []) || (buffers.length === 0 && Array.isArray(o.buffers) && o.buffers.length > 0)) {
    return malformed("a text frame cannot carry buffers");
  }
  return {
    ok: true,
    value: {
      ...(o.channel === undefined ? {} : { channel: o.channel }),
      header: o.header,
      parent_header: o.parent_header,
      metadata: o.metadata,
      content: o.content,
      buffers,
    },
  };
}

export function decodeLegacyText(text: string): Validated<RawMessage> {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return malformed(`frame is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return fromLegacyObject(obj, []);
}

export function decodeLegacyBinary(data: Uint8Array): Validated<RawMessage> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < 4) return malformed("binary frame shorter than its buffer count");
  const nbufs = view.getUint32(0, false);
  if (nbufs < 1 || nbufs > 1 + MAX_BUFFERS) return malformed(`binary frame declares ${nbufs} parts`);
  const tableBytes = 4 * (nbufs + 1);
  if (data.byteLength < tableBytes) return malformed(`binary frame of ${data.byteLength} bytes cannot hold ${nbufs} offsets`);
  const offsets: number[] = [];
  for (let i = 0; i < nbufs; i++) {
    const o = view.getUint32(4 * (i + 1), false);
    if (o < tableBytes || o > data.byteLength || (i > 0 && o < offsets[i - 1])) {
      return malformed(`binary frame offset ${i} is out of order or outside the frame`);
    }
    offsets.push(o);
  }
  offsets.push(data.byteLength);
  const json = parseJson(data.subarray(offsets[0], offsets[1]), "message");
  if (!json.ok) return json;
  const buffers: Uint8Array[] = [];
  for (let i = 1; i < nbufs; i++) buffers.push(data.slice(offsets[i], offsets[i + 1]));
  return fromLegacyObject(json.value, buffers);
}

// ---- dispatch --------------------------------------------------------------------------------------

export function encodeFrame(msg: Message<string, unknown>, framing: Framing): Frame {
  return framing === "v1" ? { binary: true, data: encodeV1(msg) } : encodeLegacy(msg);
}

/** `data` as `ws` hands it over: a string for text frames, bytes for binary ones. */
export function decodeFrame(data: string | Uint8Array, framing: Framing): Validated<RawMessage> {
  if (framing === "v1") {
    if (typeof data === "string") return malformed("the v1 protocol uses binary frames only");
    return decodeV1(data);
  }
  return typeof data === "string" ? decodeLegacyText(data) : decodeLegacyBinary(data);
}

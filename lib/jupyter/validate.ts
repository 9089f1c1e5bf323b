/*
 * Validation of messages arriving from clients. A WebSocket frame is untrusted input: every path
 * here returns a value (never throws), so a malformed frame, an unknown msg_type or an oversized
 * message becomes an error the server can log or answer, and never an exception that reaches the
 * socket handler. Defaults follow messaging.rst (e.g. execute_request's `store_history` is true
 * unless given); a message without `channel` is `shell`, as jupyter_server assumes.
 */
import { z } from "zod";
import { PROTOCOL_VERSION, type Channel, type ClientMessage, type ClientMsgType, type Header } from "./messages";

export type ProtocolErrorReason = "malformed" | "too_large" | "unknown_msg_type" | "invalid_content";

export interface ProtocolError {
  reason: ProtocolErrorReason;
  /** Human-readable, one line: what was wrong and where (e.g. `content.cursor_pos: expected number`). */
  message: string;
  /**
   * Present when the header and channel were valid but the message was still refused, so the
   * kernel can send an error reply to that request instead of leaving the client waiting.
   */
  request?: { header: Header; channel: Channel };
}

export type Validated<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

const jsonObject = z.record(z.string(), z.unknown());

const headerSchema = z.object({
  msg_id: z.string().min(1).max(256),
  msg_type: z.string().min(1).max(128),
  session: z.string().max(256),
  username: z.string().max(256).default(""),
  // Jupyter Server's gateway client (1.23) sends the date as epoch seconds: accept it as an ISO string.
  date: z
    .union([z.string().max(64), z.number().finite().transform((seconds) => epochSecondsToIso(seconds))])
    .default(""),
  version: z.string().max(16).default(PROTOCOL_VERSION),
});

function epochSecondsToIso(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

const envelopeSchema = z.object({
  header: headerSchema,
  parent_header: z.union([jsonObject, z.null()]).default({}),
  metadata: z.union([jsonObject, z.null()]).default({}),
  content: z.union([jsonObject, z.null()]).default({}),
  channel: z.union([z.enum(["shell", "control", "stdin"]), z.null()]).optional(),
  buffers: z.array(z.instanceof(Uint8Array)).default([]),
});

const cursorPos = z.number().int().min(0);
const anyCode = z.string();

const contentSchemas = {
  kernel_info_request: z.object({}),
  execute_request: z.object({
    code: anyCode,
    silent: z.boolean().default(false),
    store_history: z.boolean().optional(),
    user_expressions: z.union([jsonObject, z.null()]).default({}),
    allow_stdin: z.boolean().default(false),
    stop_on_error: z.boolean().default(true),
  }),
  complete_request: z.object({ code: anyCode, cursor_pos: cursorPos }),
  inspect_request: z.object({
    code: anyCode,
    cursor_pos: cursorPos,
    detail_level: z.union([z.literal(0), z.literal(1)]).default(0),
  }),
  is_complete_request: z.object({ code: anyCode }),
  comm_info_request: z.object({ target_name: z.string().optional() }),
  history_request: z.object({
    output: z.boolean().default(false),
    raw: z.boolean().default(true),
    hist_access_type: z.enum(["range", "tail", "search"]).default("tail"),
    session: z.number().int().optional(),
    start: z.number().int().optional(),
    stop: z.number().int().optional(),
    n: z.number().int().min(0).optional(),
    pattern: z.string().optional(),
    unique: z.boolean().optional(),
  }),
  interrupt_request: z.object({}),
  shutdown_request: z.object({ restart: z.boolean().default(false) }),
} as const satisfies Record<ClientMsgType, z.ZodType>;

function isClientMsgType(t: string): t is ClientMsgType {
  return Object.prototype.hasOwnProperty.call(contentSchemas, t);
}

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter((p) => p !== "").join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/**
 * Check a decoded message (the object a framing produced) and fill protocol defaults. The result
 * is a fresh object; the input is not modified.
 */
export function validateClientMessage(raw: unknown): Validated<ClientMessage> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, error: { reason: "malformed", message: "a message must be a JSON object" } };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, error: { reason: "malformed", message: describeIssues(envelope.error, "") } };
  }
  const { header, parent_header, metadata, content, buffers } = envelope.data;
  const channel: Channel = envelope.data.channel ?? "shell";
  const request = { header, channel };
  const msgType = header.msg_type;
  if (!isClientMsgType(msgType)) {
    return {
      ok: false,
      error: { reason: "unknown_msg_type", message: `unsupported msg_type '${msgType}'`, request },
    };
  }
  const parsed = contentSchemas[msgType].safeParse(content ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { reason: "invalid_content", message: describeIssues(parsed.error, "content"), request },
    };
  }
  let body: Record<string, unknown> = parsed.data;
  if (msgType === "execute_request") {
    // messaging.rst: store_history defaults to true, except that `silent` forces it false.
    const exec = parsed.data as z.infer<(typeof contentSchemas)["execute_request"]>;
    body = { ...exec, user_expressions: exec.user_expressions ?? {}, store_history: exec.silent ? false : (exec.store_history ?? true) };
  }
  const message = {
    channel,
    header,
    parent_header: parent_header ?? {},
    metadata: metadata ?? {},
    content: body,
    buffers,
  };
  return { ok: true, value: message as ClientMessage };
}

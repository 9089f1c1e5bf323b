/*
 * The Jupyter messaging protocol 5.3 message model (jupyter_client docs/messaging.rst), as the
 * discriminated unions Kernel Lab's kernel server sends and accepts. A message is four JSON dicts
 * (header, parent_header, metadata, content) plus binary buffers, multiplexed over one WebSocket
 * with a `channel` field. Only the message types the kernel implements are modelled; anything else
 * is rejected at validation (./validate.ts) rather than half-supported.
 */

export const PROTOCOL_VERSION = "5.3";

export type Channel = "shell" | "control" | "iopub" | "stdin";

export interface Header<T extends string = string> {
  msg_id: string;
  /** Client messages: the client session id. Kernel messages: the kernel session id (new per restart). */
  session: string;
  username: string;
  /** ISO 8601. */
  date: string;
  msg_type: T;
  version: string;
}

/** `{}` for messages that answer nothing (e.g. the status a restart emits). */
export type ParentHeader = Header | Record<string, never>;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface Message<T extends string = string, C = JsonObject> {
  channel: Channel;
  header: Header<T>;
  parent_header: ParentHeader;
  metadata: JsonObject;
  content: C;
  buffers: Uint8Array[];
}

/** MIME type -> payload. JSON MIME types (`application/…+json`) carry objects, the rest strings. */
export type MimeBundle = { [mime: string]: JsonValue };

// ---- shell/control requests (client -> kernel) ------------------------------------------------

export type KernelInfoRequest = Record<string, never>;
export interface ExecuteRequest {
  code: string;
  silent: boolean;
  store_history: boolean;
  user_expressions: JsonObject;
  allow_stdin: boolean;
  stop_on_error: boolean;
}
export interface CompleteRequest {
  code: string;
  cursor_pos: number;
}
export interface InspectRequest {
  code: string;
  cursor_pos: number;
  detail_level: 0 | 1;
}
export interface IsCompleteRequest {
  code: string;
}
export interface CommInfoRequest {
  target_name?: string;
}
export interface HistoryRequest {
  output: boolean;
  raw: boolean;
  hist_access_type: "range" | "tail" | "search";
  session?: number;
  start?: number;
  stop?: number;
  n?: number;
  pattern?: string;
  unique?: boolean;
}
export type InterruptRequest = Record<string, never>;
export interface ShutdownRequest {
  restart: boolean;
}

export type KernelInfoRequestMsg = Message<"kernel_info_request", KernelInfoRequest>;
export type ExecuteRequestMsg = Message<"execute_request", ExecuteRequest>;
export type CompleteRequestMsg = Message<"complete_request", CompleteRequest>;
export type InspectRequestMsg = Message<"inspect_request", InspectRequest>;
export type IsCompleteRequestMsg = Message<"is_complete_request", IsCompleteRequest>;
export type CommInfoRequestMsg = Message<"comm_info_request", CommInfoRequest>;
export type HistoryRequestMsg = Message<"history_request", HistoryRequest>;
export type InterruptRequestMsg = Message<"interrupt_request", InterruptRequest>;
export type ShutdownRequestMsg = Message<"shutdown_request", ShutdownRequest>;

/** Every message a client may send; validated by ./validate.ts. */
export type ClientMessage =
  | KernelInfoRequestMsg
  | ExecuteRequestMsg
  | CompleteRequestMsg
  | InspectRequestMsg
  | IsCompleteRequestMsg
  | CommInfoRequestMsg
  | HistoryRequestMsg
  | InterruptRequestMsg
  | ShutdownRequestMsg;

export type ClientMsgType = ClientMessage["header"]["msg_type"];

// ---- replies (kernel -> client, on the request's channel) --------------------------------------

export interface ErrorFields {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** Replies are `ok` with their fields, `error` with ErrorFields, or `aborted` (stop_on_error). */
export type ReplyContent<Ok> = ({ status: "ok" } & Ok) | ({ status: "error" } & ErrorFields) | { status: "aborted" };

export interface LanguageInfo {
  name: string;
  version: string;
  mimetype: string;
  file_extension: string;
  pygments_lexer: string;
  codemirror_mode: { name: string; version: number } | string;
  nbconvert_exporter: string;
}
export interface KernelInfoReply {
  status: "ok";
  protocol_version: string;
  implementation: string;
  implementation_version: string;
  language_info: LanguageInfo;
  banner: string;
  debugger: boolean;
  help_links: { text: string; url: string }[];
}
export type ExecuteReply =
  | { status: "ok"; execution_count: number; user_expressions: JsonObject; payload: JsonObject[] }
  | ({ status: "error"; execution_count: number; user_expressions: JsonObject; payload: JsonObject[] } & ErrorFields)
  | { status: "aborted"; execution_count: number };
export interface CompletionType {
  start: number;
  end: number;
  text: string;
  type: string;
  signature: string;
}
export type CompleteReply = ReplyContent<{
  matches: string[];
  cursor_start: number;
  cursor_end: number;
  metadata: { _jupyter_types_experimental?: CompletionType[] };
}>;
export type InspectReply = ReplyContent<{ found: boolean; data: MimeBundle; metadata: JsonObject }>;
export type IsCompleteReply =
  | { status: "complete" }
  | { status: "incomplete"; indent: string }
  | { status: "invalid" }
  | { status: "unknown" };
export type CommInfoReply = ReplyContent<{ comms: JsonObject }>;
/** (session, line_number, input) or, with `output`, (session, line_number, [input, output]). */
export type HistoryEntry = [number, number, string] | [number, number, [string, string | null]];
export type HistoryReply = ReplyContent<{ history: HistoryEntry[] }>;
export type InterruptReply = ReplyContent<Record<never, never>>;
export type ShutdownReply = ReplyContent<{ restart: boolean }>;

export interface ReplyContents {
  kernel_info_reply: KernelInfoReply;
  execute_reply: ExecuteReply;
  complete_reply: CompleteReply;
  inspect_reply: InspectReply;
  is_complete_reply: IsCompleteReply;
  comm_info_reply: CommInfoReply;
  history_reply: HistoryReply;
  interrupt_reply: InterruptReply;
  shutdown_reply: ShutdownReply;
}

// ---- iopub (kernel -> every client) -------------------------------------------------------------

export type ExecutionState = "starting" | "idle" | "busy" | "restarting" | "dead";

export interface IopubContents {
  status: { execution_state: ExecutionState };
  stream: { name: "stdout" | "stderr"; text: string };
  display_data: { data: MimeBundle; metadata: JsonObject; transient: { display_id?: string } };
  update_display_data: { data: MimeBundle; metadata: JsonObject; transient: { display_id: string } };
  execute_input: { code: string; execution_count: number };
  execute_result: { data: MimeBundle; metadata: JsonObject; execution_count: number };
  error: ErrorFields;
  clear_output: { wait: boolean };
}

export type IopubMsgType = keyof IopubContents;
export type ReplyMsgType = keyof ReplyContents;

export type IopubMessage = { [T in IopubMsgType]: Message<T, IopubContents[T]> & { channel: "iopub" } }[IopubMsgType];
export type ReplyMessage = { [T in ReplyMsgType]: Message<T, ReplyContents[T]> }[ReplyMsgType];

/** Every message the kernel server sends. */
export type ServerMessage = IopubMessage | ReplyMessage;

/** The reply type for each request type. */
export const REPLY_TYPE = {
  kernel_info_request: "kernel_info_reply",
  execute_request: "execute_reply",
  complete_request: "complete_reply",
  inspect_request: "inspect_reply",
  is_complete_request: "is_complete_reply",
  comm_info_request: "comm_info_reply",
  history_request: "history_reply",
  interrupt_request: "interrupt_reply",
  shutdown_request: "shutdown_reply",
} as const satisfies Record<ClientMsgType, ReplyMsgType>;

/** The client message type with a given msg_type (TypeScript cannot narrow on `header.msg_type`). */
export type RequestOf<T extends ClientMsgType> = Extract<ClientMessage, { header: Header<T> }>;

export function isRequestOf<T extends ClientMsgType>(msg: ClientMessage, type: T): msg is RequestOf<T> {
  return msg.header.msg_type === type;
}

/*
 * Constructors for the messages a kernel sends. Every message gets a fresh UUIDv4 msg_id, an ISO
 * date and the kernel session id; replies and side effects carry the request's header as their
 * parent_header, which is how clients route iopub output to the cell that asked for it.
 */
import {
  PROTOCOL_VERSION,
  type Channel,
  type ClientMessage,
  type ExecutionState,
  type Header,
  type IopubContents,
  type IopubMessage,
  type IopubMsgType,
  type Message,
  type ParentHeader,
  type ReplyContents,
  type ReplyMessage,
  type ReplyMsgType,
} from "./messages";

/** Who the kernel says it is in headers it writes (ipykernel says "username" too). */
export const KERNEL_USERNAME = "kernel";

/** UUIDv4 via Web Crypto, available in Node 20 and browsers alike. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

export function newHeader<T extends string>(msgType: T, session: string, now: Date = new Date()): Header<T> {
  return {
    msg_id: newId(),
    session,
    username: KERNEL_USERNAME,
    date: now.toISOString(),
    msg_type: msgType,
    version: PROTOCOL_VERSION,
  };
}

/** Copy of a header, so a later mutation of the request cannot reach messages already sent. */
function parentOf(parent: Header | ParentHeader | undefined): ParentHeader {
  return parent && "msg_id" in parent ? { ...parent } : {};
}

export function iopubMessage<T extends IopubMsgType>(
  msgType: T,
  content: IopubContents[T],
  session: string,
  parent?: ParentHeader,
): IopubMessage {
  const msg: Message<T, IopubContents[T]> & { channel: "iopub" } = {
    channel: "iopub",
    header: newHeader(msgType, session),
    parent_header: parentOf(parent),
    metadata: {},
    content,
    buffers: [],
  };
  return msg as IopubMessage;
}

export function statusMessage(state: ExecutionState, session: string, parent?: ParentHeader): IopubMessage {
  return iopubMessage("status", { execution_state: state }, session, parent);
}

/** A reply goes back on the channel its request came in on. */
export function replyMessage<T extends ReplyMsgType>(
  msgType: T,
  content: ReplyContents[T],
  session: string,
  request: Pick<ClientMessage, "header" | "channel">,
): ReplyMessage {
  const channel: Channel = request.channel;
  const msg: Message<T, ReplyContents[T]> = {
    channel,
    header: newHeader(msgType, session),
    parent_header: parentOf(request.header),
    metadata: {},
    content,
    buffers: [],
  };
  return msg as ReplyMessage;
}

/*
 * The request/reply contract of messaging.rst: for every request the kernel publishes
 * status busy, then the request's side effects on iopub, then the reply on the request's channel,
 * then status idle ("this idle status message indicates that IOPub messages associated with a given
 * request have all been received"). @jupyterlab/services resolves a request's future only after both
 * the reply and that idle.
 *
 * RequestCycle produces the messages of one request in that order and refuses anything out of
 * order, so a kernel built on it cannot break the contract. checkRequestOrdering verifies the same
 * contract over a captured message stream (for tests of whole servers).
 */
import { iopubMessage, replyMessage, statusMessage } from "./build";
import { REPLY_TYPE, type ClientMessage, type IopubContents, type JsonObject, type IopubMessage, type IopubMsgType, type ReplyContents, type ServerMessage } from "./messages";

type Phase = "new" | "busy" | "replied" | "idle";

export class RequestCycle<R extends ClientMessage = ClientMessage> {
  readonly request: R;
  readonly #session: string;
  #phase: Phase = "new";

  constructor(request: R, kernelSession: string) {
    this.request = request;
    this.#session = kernelSession;
  }

  get phase(): Phase {
    return this.#phase;
  }

  busy(): IopubMessage {
    this.#expect("new", "busy");
    this.#phase = "busy";
    return statusMessage("busy", this.#session, this.request.header);
  }

  /** A side effect of this request (stream, display_data, execute_input, …). */
  output<T extends Exclude<IopubMsgType, "status">>(msgType: T, content: IopubContents[T], metadata?: JsonObject): IopubMessage {
    this.#expect("busy", msgType);
    const msg = iopubMessage(msgType, content, this.#session, this.request.header);
    if (metadata) msg.metadata = metadata;
    return msg;
  }

  reply(content: ReplyContents[(typeof REPLY_TYPE)[R["header"]["msg_type"]]]): ServerMessage {
    this.#expect("busy", "reply");
    this.#phase = "replied";
    const type = REPLY_TYPE[this.request.header.msg_type];
    return replyMessage(type, content as ReplyContents[typeof type], this.#session, this.request);
  }

  idle(): IopubMessage {
    this.#expect("replied", "idle");
    this.#phase = "idle";
    return statusMessage("idle", this.#session, this.request.header);
  }

  #expect(phase: Phase, what: string): void {
    if (this.#phase !== phase) {
      throw new Error(`request ${this.request.header.msg_id}: cannot send ${what} in phase ${this.#phase} (expected ${phase})`);
    }
  }
}

/**
 * Problems with the busy → side effects → reply → idle ordering in a stream of kernel messages, one
 * string per violation (empty when all is well). Messages are grouped by parent msg_id; messages
 * without a parent (restart/dead statuses) are ignored.
 */
export function checkRequestOrdering(messages: readonly ServerMessage[]): string[] {
  const problems: string[] = [];
  const phases = new Map<string, Phase>();
  for (const m of messages) {
    const parentId = "msg_id" in m.parent_header ? m.parent_header.msg_id : undefined;
    if (parentId === undefined) continue;
    const phase = phases.get(parentId) ?? "new";
    const type = m.header.msg_type;
    const isStatus = type === "status";
    const state = isStatus ? (m.content as { execution_state: string }).execution_state : undefined;
    const where = `${type}${state ? `(${state})` : ""} for ${parentId}`;
    if (phase === "new") {
      if (state !== "busy") problems.push(`${where} arrived before status busy`);
      phases.set(parentId, "busy");
    } else if (phase === "idle") {
      problems.push(`${where} arrived after status idle`);
    } else if (state === "idle") {
      if (phase !== "replied") problems.push(`${where} arrived before the reply`);
      phases.set(parentId, "idle");
    } else if (state === "busy") {
      problems.push(`${where}: second busy`);
    } else if (m.channel !== "iopub") {
      if (phase === "replied") problems.push(`${where}: second reply`);
      phases.set(parentId, "replied");
    }
  }
  for (const [id, phase] of phases) if (phase !== "idle") problems.push(`request ${id} never reached idle (phase ${phase})`);
  return problems;
}

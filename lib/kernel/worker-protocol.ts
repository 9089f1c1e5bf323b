/*
 * Messages between a kernel's main-thread object (./kernel.ts) and its worker thread (./worker.ts).
 * The worker runs one request at a time; streams and displays are posted while the code runs, and
 * every request ends with exactly one `done` carrying its id.
 */
import type { IsCompleteReply } from "../jupyter/messages";
import type { CompleteOk, DisplayRequest, ExecuteOutcome, InspectOk, TargetName } from "./engine";

/** Layout of the shared interrupt buffer: [0] the flag the engine polls, [1] why it was raised. */
export const INTERRUPT_FLAG = 0;
export const INTERRUPT_REASON = 1;
export const INTERRUPT_SLOTS = 2;

export const InterruptReason = {
  none: 0,
  user: 1,
  outputLimit: 2,
  wallTime: 3,
} as const;
export type InterruptReason = (typeof InterruptReason)[keyof typeof InterruptReason];

export interface WorkerConfig {
  /** file: URL of a module exporting `createEngine`. */
  engineModule: string;
  target: TargetName;
  interruptBuffer: SharedArrayBuffer;
  /** Bytes of stdout/stderr/display one execution may produce before it is stopped. */
  maxOutputBytes: number;
  /** Passed to the engine's MemoryError accounting. */
  memoryBytes: number;
  /** Wall-time limit in ms, only for the error message (the main thread enforces it). */
  wallTimeMs: number;
}

export type ToWorker =
  | { type: "execute"; id: number; code: string; cellName: string; userExpressions: Record<string, string> }
  | { type: "complete"; id: number; code: string; cursorPos: number }
  | { type: "inspect"; id: number; code: string; cursorPos: number; detailLevel: 0 | 1 }
  | { type: "is_complete"; id: number; code: string }
  | { type: "set_target"; target: TargetName };

export type WorkerResult =
  /** `target`: what kernel launches used at the end of the execution (for execute_reply metadata). */
  | { kind: "execute"; outcome: ExecuteOutcome; target: TargetName }
  | { kind: "complete"; reply: CompleteOk }
  | { kind: "inspect"; reply: InspectOk }
  | { kind: "is_complete"; reply: IsCompleteReply };

export type FromWorker =
  | { type: "ready"; languageVersion: string }
  | { type: "stream"; id: number; name: "stdout" | "stderr"; text: string }
  | ({ type: "display"; id: number } & DisplayRequest)
  | { type: "clear_output"; id: number; wait: boolean }
  | { type: "target"; target: TargetName }
  | { type: "done"; id: number; result: WorkerResult }
  /** The engine could not be loaded or threw outside user code: the kernel is unusable. */
  | { type: "fatal"; message: string };

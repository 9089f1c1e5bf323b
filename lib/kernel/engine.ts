/*
 * What a kernel worker needs from a language engine. The worker (./worker.ts) owns the protocol
 * side (magics, output limits, interrupt reasons); an engine only runs code and answers
 * introspection. The production engine is ./python-engine.ts over lib/python's Session; tests may
 * load another module with the same `createEngine` export.
 */
import type { CompleteReply, InspectReply, IsCompleteReply, JsonObject, MimeBundle } from "../jupyter/messages";

export type TargetName = "trn1" | "trn2" | "trn3";
export const TARGET_NAMES: readonly TargetName[] = ["trn1", "trn2", "trn3"];
export const DEFAULT_TARGET: TargetName = "trn2";

export interface DisplayRequest {
  data: MimeBundle;
  metadata: JsonObject;
  /** `display(obj, display_id=…)`: later updates replace this output in place. */
  displayId?: string;
  /** True for update_display_data. */
  update?: boolean;
}

export interface EngineHost {
  stdout(text: string): void;
  stderr(text: string): void;
  display(request: DisplayRequest): void;
  /** IPython's clear_output(wait): clear this cell's output now, or when the next output arrives. */
  clearOutput(wait: boolean): void;
  /**
   * Element 0 becomes non-zero when the running code must stop (user interrupt, output limit, wall
   * time). The engine checks it in loops and calls and raises KeyboardInterrupt; the worker turns
   * that into the right error for the reason.
   */
  readonly interruptFlag: Int32Array;
  /** The kernel's current Trainium target (changes with `%target`). */
  target(): TargetName;
  /** Heap budget for the engine's own MemoryError accounting. */
  readonly memoryBytes: number;
}

export interface EngineError {
  ename: string;
  evalue: string;
  /** CPython-format lines: "Traceback (most recent call last):", frames, "Type: message". */
  traceback: string[];
  /** Where it happened, for editors to underline: frames outermost first, and a SyntaxError's span. */
  location?: ErrorLocation;
}

export interface ErrorLocation {
  frames: { filename: string; line: number; col: number; name: string }[];
  syntax?: { filename: string; line: number; col: number; endLine: number; endCol: number };
}

export type ExecuteOutcome =
  | {
      status: "ok";
      /** The display bundle of a final expression's value, or null. */
      result: MimeBundle | null;
      /** execute_request's user_expressions, evaluated after the code (worker-filled). */
      userExpressions?: JsonObject;
    }
  | ({ status: "error" } & EngineError);

export type CompleteOk = Extract<CompleteReply, { status: "ok" }>;
export type InspectOk = Extract<InspectReply, { status: "ok" }>;

export interface KernelEngine {
  /** Language version reported in kernel_info (e.g. "3.11"). */
  readonly languageVersion: string;
  /**
   * The target kernel launches use now: the host's, unless code running in the engine overrides it
   * (NKI's NEURON_PLATFORM_TARGET_OVERRIDE). Engines without it always use the host's.
   */
  target?(): TargetName;
  execute(code: string, cellName: string): ExecuteOutcome;
  /**
   * Evaluate one expression for execute_request's user_expressions, without output, history or
   * other side effects of its own. Engines without it answer every user expression with an error.
   */
  evaluate?(expression: string): { status: "ok"; data: MimeBundle; metadata: JsonObject } | ({ status: "error" } & EngineError);
  complete(code: string, cursorPos: number): CompleteOk;
  inspect(code: string, cursorPos: number, detailLevel: 0 | 1): InspectOk;
  isComplete(code: string): IsCompleteReply;
}

/** The export every engine module provides. */
export type CreateEngine = (host: EngineHost) => KernelEngine | Promise<KernelEngine>;

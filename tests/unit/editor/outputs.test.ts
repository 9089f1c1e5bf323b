import { describe, expect, it } from "vitest";
import { applyOutput, resolveCarriageReturns, type OutputMessage } from "@/app/components/notebook/model/outputs";

const empty = { outputs: [], clearPending: false, displays: {} };
const apply = (...msgs: OutputMessage[]) => msgs.reduce(applyOutput, empty);

describe("iopub outputs folded into a cell", () => {
  it("joins consecutive writes to the same stream into one output", () => {
    const r = apply({ type: "stream", name: "stdout", text: "a\n" }, { type: "stream", name: "stdout", text: "b\n" });
    expect(r.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "a\nb\n" }]);
  });

  it("starts a new output when the stream changes", () => {
    const r = apply({ type: "stream", name: "stdout", text: "a" }, { type: "stream", name: "stderr", text: "b" }, { type: "stream", name: "stdout", text: "c" });
    expect(r.outputs.map((o) => o.name)).toEqual(["stdout", "stderr", "stdout"]);
  });

  it("rewrites the current line on a carriage return, across messages", () => {
    const r = apply({ type: "stream", name: "stdout", text: "10%\r" }, { type: "stream", name: "stdout", text: "50%\r" }, { type: "stream", name: "stdout", text: "100%\n" });
    expect(r.outputs[0].text).toBe("100%\n");
  });

  it("overwrites only as many characters as the new text has, like a terminal", () => {
    expect(resolveCarriageReturns("abcdef\rXY")).toBe("XYcdef");
    expect(resolveCarriageReturns("a\r\nb")).toBe("a\nb");
  });

  it("appends display data, results and errors in order", () => {
    const r = apply(
      { type: "display_data", data: { "text/plain": "d" }, metadata: {} },
      { type: "execute_result", data: { "text/plain": "42" }, metadata: {}, executionCount: 3 },
      { type: "error", ename: "ValueError", evalue: "bad", traceback: ["tb"] },
    );
    expect(r.outputs).toEqual([
      { output_type: "display_data", data: { "text/plain": "d" }, metadata: {} },
      { output_type: "execute_result", data: { "text/plain": "42" }, metadata: {}, execution_count: 3 },
      { output_type: "error", ename: "ValueError", evalue: "bad", traceback: ["tb"] },
    ]);
  });

  it("clears at once without wait, and at the next output with wait", () => {
    const first = apply({ type: "stream", name: "stdout", text: "old" });
    expect(applyOutput(first, { type: "clear_output", wait: false }).outputs).toEqual([]);
    const waiting = applyOutput(first, { type: "clear_output", wait: true });
    expect(waiting.outputs).toHaveLength(1);
    const replaced = applyOutput(waiting, { type: "stream", name: "stdout", text: "new" });
    expect(replaced.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "new" }]);
    expect(replaced.clearPending).toBe(false);
  });

  it("updates every output a display id produced and ignores unknown ids", () => {
    const r = apply(
      { type: "display_data", data: { "text/plain": "v1" }, metadata: {}, displayId: "p" },
      { type: "stream", name: "stdout", text: "x" },
      { type: "display_data", data: { "text/plain": "v1" }, metadata: {}, displayId: "p" },
      { type: "update_display_data", data: { "text/plain": "v2" }, metadata: {}, displayId: "p" },
      { type: "update_display_data", data: { "text/plain": "nope" }, metadata: {}, displayId: "q" },
    );
    expect(r.outputs.map((o) => (o.data as { "text/plain"?: string } | undefined)?.["text/plain"] ?? o.text)).toEqual(["v2", "x", "v2"]);
  });
});

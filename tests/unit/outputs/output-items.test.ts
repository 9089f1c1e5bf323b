import { describe, expect, it } from "vitest";
import type { IOutput } from "@jupyterlab/nbformat";
import { resolveOutputs } from "../../../app/components/outputs/output-items";

const stream = (name: "stdout" | "stderr", text: string | string[]): IOutput => ({ output_type: "stream", name, text });
const display = (text: string, id?: string): IOutput => ({
  output_type: "display_data",
  data: { "text/plain": text },
  metadata: {},
  ...(id ? { transient: { display_id: id } } : {}),
});

describe("reading a cell's output list", () => {
  it("merges consecutive chunks of one stream and applies carriage returns across them", () => {
    const items = resolveOutputs([stream("stdout", "step 1/3\r"), stream("stdout", ["step 2/3\r", "step 3/3\n"]), stream("stdout", "done\n")]);
    expect(items).toEqual([{ kind: "stream", name: "stdout", text: "step 3/3\ndone\n" }]);
  });

  it("keeps stdout and stderr apart and in order", () => {
    const items = resolveOutputs([stream("stdout", "a\n"), stream("stderr", "warn\n"), stream("stdout", "b\n")]);
    expect(items.map((i) => (i.kind === "stream" ? `${i.name}:${i.text}` : i.kind))).toEqual(["stdout:a\n", "stderr:warn\n", "stdout:b\n"]);
  });

  it("replaces every earlier display with the same display_id and draws nothing for the update", () => {
    const update: IOutput = { output_type: "update_display_data", data: { "text/plain": "100%" }, metadata: {}, transient: { display_id: "p" } };
    const items = resolveOutputs([display("0%", "p"), stream("stdout", "x\n"), display("other"), display("0% again", "p"), update]);
    expect(items.map((i) => (i.kind === "display" ? (i.data as Record<string, string>)["text/plain"] : i.kind))).toEqual(["100%", "stream", "other", "100%"]);
  });

  it("ignores an update for a display_id it never saw", () => {
    const update: IOutput = { output_type: "update_display_data", data: { "text/plain": "new" }, metadata: {}, transient: { display_id: "nope" } };
    expect(resolveOutputs([display("old", "p"), update])).toHaveLength(1);
  });

  it("gives execute_result its own execution count, or the cell's when it has none", () => {
    const result = (n: number | null): IOutput => ({ output_type: "execute_result", execution_count: n, data: { "text/plain": "1" }, metadata: {} });
    expect(resolveOutputs([result(7)], 9)[0]).toMatchObject({ kind: "display", isResult: true, executionCount: 7 });
    expect(resolveOutputs([result(null)], 9)[0]).toMatchObject({ kind: "display", isResult: true, executionCount: 9 });
    expect(resolveOutputs([display("d")], 9)[0]).toMatchObject({ isResult: false, executionCount: null });
  });

  it("turns malformed outputs into explicit invalid items instead of throwing", () => {
    const bad = [
      null,
      { output_type: "stream", name: "stdlog", text: "x" },
      { output_type: "stream", name: "stdout", text: 5 },
      { output_type: "error", ename: "E", evalue: "v", traceback: "not a list" },
      { output_type: "mystery" },
    ] as unknown as IOutput[];
    const items = resolveOutputs(bad);
    expect(items.map((i) => i.kind)).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid"]);
    expect(items[4]).toEqual({ kind: "invalid", reason: 'unknown output type "mystery"' });
  });
});

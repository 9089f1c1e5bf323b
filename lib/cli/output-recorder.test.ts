import { describe, expect, it } from "vitest";
import { OutputRecorder, splitLines, toNbformat } from "./output-recorder";

const plain = (text: string) => ({ data: { "text/plain": text }, metadata: {} });

describe("OutputRecorder", () => {
  it("keeps stdout and stderr in the order the program wrote them, joining only neighbours", () => {
    const r = new OutputRecorder();
    r.begin(0);
    r.stream("stdout", "out1\n");
    r.stream("stderr", "err1\n");
    r.stream("stdout", "out2\n");
    r.stream("stdout", "out3\n");
    expect(r.outputs(0)).toEqual([
      { kind: "stream", name: "stdout", text: "out1\n" },
      { kind: "stream", name: "stderr", text: "err1\n" },
      { kind: "stream", name: "stdout", text: "out2\nout3\n" },
    ]);
  });

  it("updates a display in an earlier cell and ignores updates to ids never displayed", () => {
    const r = new OutputRecorder();
    r.begin(0);
    r.display({ ...plain("'a'"), displayId: "d" });
    r.begin(3);
    r.display({ ...plain("'b'"), displayId: "d", update: true });
    r.display({ ...plain("'x'"), displayId: "unknown", update: true });
    expect(r.outputs(0)).toEqual([{ kind: "display", ...plain("'b'") }]);
    expect(r.outputs(3)).toEqual([]);
  });

  it("forgets the display ids of outputs it clears", () => {
    const r = new OutputRecorder();
    r.begin(1);
    r.display({ ...plain("1"), displayId: "d" });
    r.clearOutput(false);
    r.display({ ...plain("2"), displayId: "d", update: true });
    expect(r.outputs(1)).toEqual([]);
  });

  it("clears with wait=True only when the next output arrives", () => {
    const r = new OutputRecorder();
    r.begin(0);
    r.stream("stdout", "old\n");
    r.clearOutput(true);
    expect(r.outputs(0)).toHaveLength(1);
    r.stream("stdout", "new\n");
    expect(r.outputs(0)).toEqual([{ kind: "stream", name: "stdout", text: "new\n" }]);
  });

  it("re-running a cell replaces its outputs", () => {
    const r = new OutputRecorder();
    r.begin(2);
    r.stream("stdout", "first run\n");
    r.begin(2);
    r.result(7, { "text/plain": "7" });
    expect(r.outputs(2)).toEqual([{ kind: "result", executionCount: 7, data: { "text/plain": "7" } }]);
  });
});

describe("nbformat form", () => {
  it("splits text like str.splitlines(keepends=True)", () => {
    expect(splitLines("a\nb\r\nc\rd")).toEqual(["a\n", "b\r\n", "c\r", "d"]);
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\n\n")).toEqual(["\n", "\n"]);
  });

  it("splits text MIME types into lines and leaves JSON and base64 images alone", () => {
    const out = toNbformat({
      kind: "display",
      data: { "text/html": "<p>\n</p>", "application/json": { a: "b\nc" }, "image/png": "iVBOR\nw0", "image/svg+xml": "<svg>\n</svg>" },
      metadata: { isolated: true },
    });
    expect(out).toEqual({
      output_type: "display_data",
      data: { "text/html": ["<p>\n", "</p>"], "application/json": { a: "b\nc" }, "image/png": "iVBOR\nw0", "image/svg+xml": ["<svg>\n", "</svg>"] },
      metadata: { isolated: true },
    });
  });
});

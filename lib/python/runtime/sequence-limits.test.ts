import { describe, expect, it } from "vitest";
import { NUMPY_MODULES } from "../../numpy/python/module";
import { Session } from "../index";
import { MAX_SEQUENCE_LENGTH } from "./errors";
import { createRuntime } from "./interpreter";

// V8 aborts the whole process (every kernel of the server) when an array outgrows 2^27 slots, so
// each way of growing a sequence must stop at MAX_SEQUENCE_LENGTH with a MemoryError, even under a
// memory budget that would allow the bytes. These cases are refused before allocating anything.
describe("sequences stop at MAX_SEQUENCE_LENGTH with MemoryError, leaving the session usable", () => {
  const over = MAX_SEQUENCE_LENGTH + 1;
  const session = new Session({
    stdout: () => {},
    stderr: () => {},
    limits: { memoryBytes: 8 * 1024 ** 3, wallTimeMs: 60_000 },
    modules: NUMPY_MODULES,
  });
  session.execute("import numpy as np\nkept = [1, 2, 3]\n");

  it.each([
    ["list of a long range", `list(range(${over}))`],
    ["tuple of a long range", `tuple(range(${over}))`],
    ["list repetition", `[0] * ${over}`],
    ["tuple repetition", `(0,) * ${over}`],
    ["in-place repetition", `x = [0, 1]\nx *= ${Math.ceil(over / 2)}`],
    ["slice assignment from a long range", `x = [1, 2]\nx[1:1] = range(${over})`],
    ["extend from a long range", `x = []\nx.extend(range(${over}))`],
    ["sorted of a long range", `sorted(range(${over}))`],
    ["tolist of a long numpy axis", `np.zeros(${over}, dtype=np.int8).tolist()`],
    ["numpy sort of a long axis", `np.sort(np.zeros(${over}, dtype=np.int8))`],
    ["numpy repeat of a long axis", `np.repeat(np.zeros(${over}, dtype=np.int8), 1)`],
    ["numpy triu_indices past the limit", "np.triu_indices(8200)"],
    ["numpy array_split into too many pieces", `np.array_split(np.zeros(10), ${over})`],
    ["combinations_with_replacement of a huge r", `import itertools\nnext(itertools.combinations_with_replacement([1], ${over}))`],
  ])("%s", (_label, source) => {
    const r = session.execute(source);
    expect(r.status === "error" ? r.error.type : "ok").toBe("MemoryError");
    expect(session.execute("assert kept == [1, 2, 3]").status).toBe("ok");
  });

  it("a range too long for any sequence is an OverflowError, as in CPython", () => {
    const r = session.execute("list(range(10**30))");
    expect(r.status === "error" ? `${r.error.type}: ${r.error.message}` : "ok").toBe("OverflowError: Python int too large to convert to C ssize_t");
  });

  it("V8's Map and Set size limit is a MemoryError, not an internal error", () => {
    const rt = createRuntime({ stdout: () => {}, stderr: () => {} });
    expect(rt.toPyException(new RangeError("Map maximum size exceeded")).cls.name).toBe("MemoryError");
    expect(rt.toPyException(new RangeError("Set maximum size exceeded")).cls.name).toBe("MemoryError");
  });
});

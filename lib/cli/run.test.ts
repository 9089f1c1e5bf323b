import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PerfettoTrace, ProfileDocument } from "../profile";
import { capture, scratchDir } from "./fixtures/io";
import { main } from "./main";
import { chooseTarget } from "./args";

const scratch = scratchDir();

const KERNEL = `import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl

@nki.jit
def tensor_add(a_input, b_input):
    c_output = nl.ndarray(a_input.shape, dtype=a_input.dtype, buffer=nl.shared_hbm)
    a_tile = nl.load(a_input)
    b_tile = nl.load(b_input)
    nl.store(c_output, value=a_tile + b_tile)
    return c_output

if __name__ == "__main__":
    a = np.ones((128, 512), dtype=np.float32)
    print(tensor_add(a, a)[0, :3])
`;
const kernelFile = scratch.file("add.py", KERNEL);

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

describe("kernel-lab run with NKI", () => {
  it("runs an NKI kernel file and prints its result", async () => {
    const io = capture();
    expect(await main(["run", kernelFile], io)).toBe(0);
    expect(io.out).toBe("[2. 2. 2.]\n");
  });

  it("writes the profile document, Perfetto trace and CSV of the kernel on the chosen target", async () => {
    const io = capture();
    const [p, t, c] = ["p.json", "t.perfetto.json", "c.csv"].map(scratch.path);
    const code = await main(["run", kernelFile, "--target", "trn3", "--profile", p, "--trace", t, "--csv", c], io);
    expect(io.err).toMatch(/last kernel \(\d+ instructions on trn3\): wrote profile .*p\.json, trace .*t\.perfetto\.json, csv .*c\.csv/);
    expect(code).toBe(0);
    const doc = readJson<ProfileDocument>(p);
    expect(doc.target).toBe("trn3");
    expect(doc.sources).toEqual([{ file: kernelFile, text: KERNEL.replace(/\n$/, "\n") }]);
    const n = doc.instructions.startNs.length;
    // two loads, one add, one store at least
    expect(n).toBeGreaterThanOrEqual(4);
    const trace = readJson<PerfettoTrace>(t);
    expect(trace.traceEvents.filter((e) => e.ph === "X" && e.cat !== "spill")).toHaveLength(n);
    const rows = readFileSync(c, "utf8").trimEnd().split("\r\n");
    expect(rows[0].startsWith("index,engine,track,opcode")).toBe(true);
    expect(rows).toHaveLength(n + 1);
  });

  it("simulates the target the flag names: trn1 and trn3 give different kernel times", async () => {
    const times: number[] = [];
    for (const target of ["trn1", "trn3"]) {
      const out = scratch.path(`time-${target}.json`);
      expect(await main(["run", kernelFile, "--target", target, "--profile", out], capture())).toBe(0);
      const doc = readJson<ProfileDocument>(out);
      expect(doc.target).toBe(target);
      times.push(doc.metrics.total_time);
    }
    expect(times[0]).not.toBe(times[1]);
  });

  it("takes the target from NEURON_PLATFORM_TARGET_OVERRIDE, with NKI's aliases, when --target is absent", async () => {
    const out = scratch.path("env.json");
    expect(await main(["run", kernelFile, "--profile", out], capture({ NEURON_PLATFORM_TARGET_OVERRIDE: "gen4" }))).toBe(0);
    expect(readJson<ProfileDocument>(out).target).toBe("trn3");
    expect(chooseTarget("trn1", { NEURON_PLATFORM_TARGET_OVERRIDE: "trn3" })).toEqual({ ok: true, target: "trn1" });
    expect(chooseTarget(undefined, {})).toEqual({ ok: true, target: "trn2" });
  });

  it("rejects an unknown target with a usage error (exit 2) before running", async () => {
    const io = capture();
    expect(await main(["run", kernelFile, "--target", "trn9"], io)).toBe(2);
    expect(io.err).toContain("--target must be one of trn1, trn2, trn3, not 'trn9'");
    expect(io.out).toBe("");
    const env = capture({ NEURON_PLATFORM_TARGET_OVERRIDE: "tpu" });
    expect(await main(["run", kernelFile], env)).toBe(2);
    expect(env.err).toContain("NEURON_PLATFORM_TARGET_OVERRIDE='tpu' is not a target");
  });

  it("rejects unknown options and options missing their value", async () => {
    const io = capture();
    expect(await main(["run", kernelFile, "--frobnicate"], io)).toBe(2);
    expect(io.err).toContain("unknown option '--frobnicate'");
    const io2 = capture();
    expect(await main(["run", kernelFile, "--profile"], io2)).toBe(2);
    expect(io2.err).toContain("option '--profile' needs a value");
  });

  it("refuses an output in a missing directory before running the program", async () => {
    const io = capture();
    expect(await main(["run", kernelFile, "--trace", scratch.path("nope/t.json")], io)).toBe(2);
    expect(io.err).toMatch(/--trace: directory '.*nope' does not exist/);
    expect(io.out).toBe("");
  });

  it("says so when --profile is asked of a file that launches no kernel (exit 2)", async () => {
    const io = capture();
    const out = scratch.path("none.json");
    expect(await main(["run", scratch.file("plain.py", "print(1)\n"), "--profile", out], io)).toBe(2);
    expect(io.out).toBe("1\n");
    expect(io.err).toContain("no NKI kernel ran in");
    expect(existsSync(out)).toBe(false);
  });

  it("writes nothing and exits 1 with the traceback when the program fails after its kernel", async () => {
    const io = capture();
    const out = scratch.path("failed.json");
    const p = scratch.file("fails.py", KERNEL + "    raise ValueError('after the kernel')\n");
    expect(await main(["run", p, "--profile", out], io)).toBe(1);
    expect(io.err).toContain("ValueError: after the kernel");
    expect(io.err.startsWith("Traceback (most recent call last):\n")).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it("shows the options with --help", async () => {
    const io = capture();
    expect(await main(["run", "--help"], io)).toBe(0);
    for (const flag of ["--target", "--profile", "--trace", "--csv"]) expect(io.out).toContain(flag);
  });
});

import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PerfettoTrace, ProfileDocument } from "../profile";
import { capture, scratchDir } from "./fixtures/io";
import { main } from "./main";
import { chooseTarget } from "./args";
import { launchPath } from "./kernel-exports";

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
    expect(io.err).toMatch(/kernel tensor_add \(\d+ instructions on trn3\): wrote profile .*p\.json, trace .*t\.perfetto\.json, csv .*c\.csv/);
    expect(code).toBe(0);
    const doc = readJson<ProfileDocument>(p);
    expect(doc.target).toBe("trn3");
    expect(doc.kernelName).toBe("tensor_add");
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

  it("shows the options with --help, including how several kernels' files are named", async () => {
    const io = capture();
    expect(await main(["run", "--help"], io)).toBe(0);
    for (const flag of ["--target", "--profile", "--trace", "--csv"]) expect(io.out).toContain(flag);
    expect(io.out).toContain("OUT-1.json ... OUT-N.json");
  });
});

const THREE_LAUNCHES = `import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl

@nki.jit
def double(a):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    t = nl.load(a)
    nl.store(out, value=t + t)
    return out

@nki.jit
def negate(a):
    out = nl.ndarray(a.shape, dtype=a.dtype, buffer=nl.shared_hbm)
    nl.store(out, value=-nl.load(a))
    return out

@nki.jit
def twice_then_negate(a):
    return negate(double(a))

x = np.ones((128, 64), dtype=np.float32)
print(double(x)[0, 0], negate[2](x)[0, 0], twice_then_negate(x)[0, 0])
`;

describe("kernel-lab run exports every kernel a program launches", () => {
  it("numbers the files in launch order when several kernels ran, each document naming its kernel", async () => {
    const io = capture();
    const file = scratch.file("three.py", THREE_LAUNCHES);
    const [p, t, c] = ["multi.json", "multi.perfetto.json", "multi.csv"].map(scratch.path);
    expect(await main(["run", file, "--profile", p, "--trace", t, "--csv", c], io)).toBe(0);
    expect(io.out).toBe("2.0 -1.0 -2.0\n");
    expect(existsSync(p)).toBe(false);
    // The nested kernels run inside twice_then_negate's launch, so there are three launches.
    const docs = [1, 2, 3].map((k) => readJson<ProfileDocument>(scratch.path(`multi-${k}.json`)));
    expect(docs.map((d) => d.kernelName)).toEqual(["double", "negate", "twice_then_negate"]);
    expect(existsSync(scratch.path("multi-4.json"))).toBe(false);
    for (const [k, d] of docs.entries()) {
      const trace = readJson<PerfettoTrace>(scratch.path(`multi-${k + 1}.perfetto.json`));
      const n = d.instructions.startNs.length;
      expect(trace.traceEvents.filter((e) => e.ph === "X" && e.cat !== "spill")).toHaveLength(n);
      expect(readFileSync(scratch.path(`multi-${k + 1}.csv`), "utf8").trimEnd().split("\r\n")).toHaveLength(n + 1);
    }
    // double: 2 DMAs + an add; negate runs 2 SPMD instances; the third holds both kernels' work.
    const counts = docs.map((d) => d.instructions.startNs.length);
    expect(counts[2]).toBe(counts[0] + counts[1] / 2);
    expect(io.err).toContain("kernel 2/3 negate (");
  });

  it("puts the launch number before the file name's first extension", () => {
    expect(launchPath("p.json", 0, 1)).toBe("p.json");
    expect(launchPath("p.json", 0, 2)).toBe("p-1.json");
    expect(launchPath("out/t.perfetto.json", 1, 2)).toBe("out/t-2.perfetto.json");
    expect(launchPath("dir.v2/out", 2, 3)).toBe("dir.v2/out-3");
    expect(launchPath("./.hidden.csv", 0, 2)).toBe("./.hidden-1.csv");
  });
});

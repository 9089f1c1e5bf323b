/* The installed entry point: bin/kernel-lab as a real process, exit statuses and streams. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const bin = new URL("../../bin/kernel-lab", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "kernel-lab-bin-"));

function kernelLab(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, NEURON_PLATFORM_TARGET_OVERRIDE: "" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bin/kernel-lab", () => {
  it("exits 0 and prints the program's output", () => {
    const file = join(dir, "ok.py");
    writeFileSync(file, "print(sum(range(10)))\n");
    expect(kernelLab("run", file)).toEqual({ status: 0, stdout: "45\n", stderr: "" });
  });

  it("exits 1 with the traceback on stderr when the program raises", () => {
    const file = join(dir, "bad.py");
    writeFileSync(file, "raise RuntimeError('boom')\n");
    const r = kernelLab("run", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`Traceback (most recent call last):\n  File "${file}", line 1, in <module>\n    raise RuntimeError('boom')\nRuntimeError: boom\n`);
  });

  it("exits with a SystemExit's code as python3 does (its low 8 bits)", () => {
    const file = join(dir, "exit.py");
    writeFileSync(file, "import sys\nsys.exit(3)\n");
    expect(kernelLab("run", file)).toEqual({ status: 3, stdout: "", stderr: "" });
    writeFileSync(file, "raise SystemExit(-1)\n");
    expect(kernelLab("run", file).status).toBe(255);
  });

  it("dies of the signal that stops the program, as python3 does on SIGTERM", () => {
    const file = join(dir, "forever.py");
    writeFileSync(file, "while True:\n    pass\n");
    const r = spawnSync(process.execPath, [bin, "run", file], { timeout: 3000, killSignal: "SIGTERM", encoding: "utf8" });
    expect(r.signal).toBe("SIGTERM");
  });

  it("exits 2 on a usage error", () => {
    const r = kernelLab("exec", "--target", "trn9", "x.ipynb");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--target must be one of trn1, trn2, trn3");
  });
});

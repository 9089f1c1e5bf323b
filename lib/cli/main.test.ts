import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capture, scratchDir } from "./fixtures/io";
import { main } from "./main";

const scratch = scratchDir();
const dir = scratch.dir;
const file = scratch.file;

describe("kernel-lab run", () => {
  it("prints like python3 and exits 0 when the program finishes", async () => {
    const io = capture();
    const code = await main(["run", file("ok.py", "print('hi', 1/3)\n")], io);
    expect(code).toBe(0);
    expect(io.out).toBe("hi 0.3333333333333333\n");
    expect(io.err).toBe("");
  });

  it("writes the traceback to stderr and exits 1 on an uncaught exception", async () => {
    const io = capture();
    const p = file("bad.py", "def f():\n    return {}['k']\nf()\n");
    const code = await main(["run", p], io);
    expect(code).toBe(1);
    expect(io.err).toBe(
      `Traceback (most recent call last):\n  File "${p}", line 3, in <module>\n    f()\n  File "${p}", line 2, in f\n    return {}['k']\n           ~~^^^^^\nKeyError: 'k'\n`,
    );
  });

  it("reports a missing file like python3 (exit 2)", async () => {
    const io = capture();
    expect(await main(["run", join(dir, "missing.py")], io)).toBe(2);
    expect(io.err).toMatch(/can't open file '.*missing\.py': \[Errno 2\] No such file or directory/);
  });

  it("prints a SyntaxError with its caret", async () => {
    const io = capture();
    const p = file("syntax.py", "x = (1,\n");
    expect(await main(["run", p], io)).toBe(1);
    expect(io.err).toContain("SyntaxError: '(' was never closed");
  });

  it("offers numpy like python3 with numpy installed", async () => {
    const io = capture();
    const p = file("np.py", "import numpy as np\na = np.arange(6, dtype=np.float32).reshape(2, 3)\nprint(a @ a.T)\n");
    expect(await main(["run", p], io)).toBe(0);
    expect(io.out).toBe("[[ 5. 14.]\n [14. 50.]]\n");
  });

  it("maps sys.exit to the exit status", async () => {
    const io = capture();
    expect(await main(["run", file("exit.py", "import sys\nprint('a')\nsys.exit(0)\nprint('b')\n")], io)).toBe(0);
    expect(io.out).toBe("a\n");
  });
});

describe("kernel-lab", () => {
  it("shows help with --help", async () => {
    const io = capture();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.out).toContain("run ");
  });

  it("rejects unknown commands with status 2", async () => {
    const io = capture();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(io.err).toContain("unknown command 'frobnicate'");
  });
});

/*
 * `kernel-lab run FILE.py`: runs a Python file as `python3 FILE.py` would (same stdout, traceback on
 * stderr, exit status 1 on an uncaught exception).
 */

import { readFileSync, statSync } from "node:fs";
import { runSource } from "../python";
import { engineModules } from "./modules";
import type { Command, Io } from "./main";

const USAGE = `usage: kernel-lab run [--timeout SECONDS] FILE.py

Run a Python file on Kernel Lab's engine, like \`python3 FILE.py\`.

options:
  --timeout SECONDS   wall-clock limit (default: none)
  -h, --help          show this help
`;

function fail(io: Io, message: string): number {
  io.stderr(`kernel-lab run: ${message}\n`);
  return 2;
}

export const runCommand: Command = {
  summary: "run a Python file (like python3 FILE.py)",
  usage: USAGE,
  run(args: string[], io: Io): number {
    let file: string | undefined;
    let wallTimeMs = Infinity;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === "-h" || a === "--help") {
        io.stdout(USAGE);
        return 0;
      }
      if (a === "--timeout") {
        const v = Number(args[++i]);
        if (!(v > 0)) return fail(io, "--timeout needs a positive number of seconds");
        wallTimeMs = v * 1000;
      } else if (a.startsWith("-") && a !== "-") {
        return fail(io, `unknown option '${a}'\n\n${USAGE}`);
      } else if (file === undefined) {
        file = a;
      } else {
        return fail(io, `unexpected argument '${a}' (one file at a time)`);
      }
    }
    if (file === undefined) return fail(io, `missing FILE\n\n${USAGE}`);
    let source: string;
    try {
      if (statSync(file).isDirectory()) return fail(io, `'${file}' is a directory, not a Python file`);
      source = readFileSync(file, "utf8");
    } catch {
      io.stderr(`kernel-lab: can't open file '${file}': [Errno 2] No such file or directory\n`);
      return 2;
    }
    const result = runSource(source, {
      filename: file,
      stdout: io.stdout,
      stderr: io.stderr,
      limits: { wallTimeMs },
      modules: engineModules,
    });
    return result.exitCode;
  },
};

/*
 * `kernel-lab run FILE.py`: runs a Python file as `python3 FILE.py` would (same stdout, traceback on
 * stderr, exit status 1 on an uncaught exception), with numpy and NKI on the chosen target, and
 * optionally writes the profile, Perfetto trace and instruction CSV of every kernel launched.
 */

import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { runSource } from "../python";
import { prepareNumpyRuntime } from "../kernel/numpy-runtime";
import { chooseTarget, parseArgs } from "./args";
import { launchPath, renderExports, traceSources, type ExportKind } from "./kernel-exports";
import { engineModules } from "./modules";
import { checkWritable, writeText } from "./files";
import type { Command, Io } from "./main";

const USAGE = `usage: kernel-lab run [options] FILE.py

Run a Python file on Kernel Lab's engine, like \`python3 FILE.py\`, with numpy and NKI
(\`import neuronxcc.nki as nki\`); NKI kernels run on the simulated NeuronCore.

options:
  --target trn1|trn2|trn3   Trainium generation to simulate (default: $NEURON_PLATFORM_TARGET_OVERRIDE,
                            else trn2)
  --profile OUT.json        write the profile document of the kernel the program launched
  --trace OUT.perfetto.json write its Chrome/Perfetto trace (open it at ui.perfetto.dev)
  --csv OUT.csv             write its instructions as CSV, one row per instruction
                            When the program launches N > 1 kernels, each gets its own files, numbered
                            in launch order before the first extension: OUT-1.json ... OUT-N.json,
                            OUT-1.perfetto.json ..., OUT-1.csv ... (benchmark/profile runs count).
  --timeout SECONDS         wall-clock limit (default: none)
  -h, --help                show this help

exit status: 0 ok, 1 the program raised an exception (traceback on stderr), 2 usage error.
`;

const OPTIONS = [
  { name: "target", takesValue: true },
  { name: "profile", takesValue: true },
  { name: "trace", takesValue: true },
  { name: "csv", takesValue: true },
  { name: "timeout", takesValue: true },
] as const;

const EXPORTS: readonly ExportKind[] = ["profile", "trace", "csv"];

function usageError(io: Io, message: string): number {
  io.stderr(`kernel-lab run: ${message}\n\nRun \`kernel-lab run --help\` for the options.\n`);
  return 2;
}

export const runCommand: Command = {
  summary: "run a Python file (like python3 FILE.py), optionally profiling its kernel",
  usage: USAGE,
  run(args: string[], io: Io): number {
    const parsed = parseArgs(args, OPTIONS);
    if (parsed.kind === "help") {
      io.stdout(USAGE);
      return 0;
    }
    if (parsed.kind === "error") return usageError(io, parsed.message);
    const { values, positionals } = parsed;
    if (positionals.length === 0) return usageError(io, "missing FILE.py");
    if (positionals.length > 1) return usageError(io, `unexpected argument '${positionals[1]}' (one file at a time)`);
    const file = positionals[0];

    const target = chooseTarget(values.get("target"), io.env);
    if (!target.ok) return usageError(io, target.message);
    let wallTimeMs = Infinity;
    const timeout = values.get("timeout");
    if (timeout !== undefined) {
      const seconds = Number(timeout);
      if (!(seconds > 0)) return usageError(io, "--timeout needs a positive number of seconds");
      wallTimeMs = seconds * 1000;
    }
    const wanted = EXPORTS.filter((k) => values.has(k));
    for (const kind of wanted) {
      const problem = checkWritable(values.get(kind) as string);
      if (problem !== null) return usageError(io, `--${kind}: ${problem}`);
    }

    let source: string;
    try {
      if (statSync(file).isDirectory()) return usageError(io, `'${file}' is a directory, not a Python file`);
      source = readFileSync(file, "utf8");
    } catch {
      io.stderr(`kernel-lab: can't open file '${resolve(file)}': [Errno 2] No such file or directory\n`);
      return 2;
    }

    prepareNumpyRuntime();
    const engine = engineModules(target.target, wanted.length > 0);
    const result = runSource(source, {
      // python3 names the script by its absolute path (__file__, tracebacks) since 3.9.
      filename: resolve(file),
      stdout: io.stdout,
      stderr: io.stderr,
      limits: { wallTimeMs },
      modules: engine.modules,
    });
    if (result.exitCode !== 0 || wanted.length === 0) return result.exitCode;

    const rt = engine.runtime();
    const launches = engine.launches;
    if (rt === undefined || launches.length === 0) {
      io.stderr(`kernel-lab run: no NKI kernel ran in '${file}', so there is nothing to write for ${wanted.map((k) => `--${k}`).join(", ")}\n`);
      return 2;
    }
    for (const [i, launch] of launches.entries()) {
      const sources = traceSources(launch.trace, rt.sources);
      const texts = renderExports({ trace: launch.trace, target: launch.target, kernelName: launch.kernelName, sources }, wanted);
      const written: string[] = [];
      for (const [kind, text] of texts) {
        const path = launchPath(values.get(kind) as string, i, launches.length);
        const problem = writeText(path, text);
        if (problem !== null) {
          io.stderr(`kernel-lab run: --${kind}: ${problem}\n`);
          return 2;
        }
        written.push(`${kind} ${path}`);
      }
      const which = launches.length === 1 ? "kernel" : `kernel ${i + 1}/${launches.length}`;
      io.stderr(`kernel-lab run: ${which} ${launch.kernelName} (${launch.trace.length} instructions on ${launch.target}): wrote ${written.join(", ")}\n`);
    }
    return 0;
  },
};

/*
 * `kernel-lab <command>`: the subcommands in a table, each with its own option parsing and help.
 */

import { execCommand } from "./exec";
import { runCommand } from "./run";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The process environment (NEURON_PLATFORM_TARGET_OVERRIDE); tests pass their own. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface Command {
  summary: string;
  usage: string;
  run(args: string[], io: Io): Promise<number> | number;
}

export const commands: Record<string, Command> = {
  run: runCommand,
  exec: execCommand,
};

export function helpText(): string {
  const lines = [
    "usage: kernel-lab <command> [options]",
    "",
    "Kernel Lab: write and run AWS Trainium NKI kernels on a simulated NeuronCore.",
    "",
    "commands:",
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`),
    "",
    "Run `kernel-lab <command> --help` for a command's options.",
  ];
  return lines.join("\n") + "\n";
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
};

/** Returns the process exit status. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    io.stderr(`kernel-lab: unknown command '${name}'\n\n${helpText()}`);
    return 2;
  }
  return command.run(rest, io);
}

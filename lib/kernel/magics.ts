/*
 * IPython-style line magics the kernel understands before code reaches the engine. Only `%target`
 * exists: it selects the Trainium generation the simulator models for this kernel. A magic line is
 * replaced by an empty line so the engine's line numbers still match the cell.
 */
import { TARGET_NAMES, type EngineError, type TargetName } from "./engine";

export type MagicResult =
  | { ok: true; code: string; target: TargetName; output: string }
  | { ok: false; error: EngineError };

const MAGIC_LINE = /^%(?!%)(\w*)(.*)$/;

function usageError(message: string): { ok: false; error: EngineError } {
  return { ok: false, error: { ename: "UsageError", evalue: message, traceback: [`UsageError: ${message}`] } };
}

export function applyLineMagics(code: string, target: TargetName): MagicResult {
  if (!code.includes("%")) return { ok: true, code, target, output: "" };
  let output = "";
  const lines = code.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = MAGIC_LINE.exec(lines[i].trimEnd());
    if (!m) continue;
    const [, name, rest] = m;
    if (name !== "target") return usageError(`Line magic function \`%${name}\` not found.`);
    const arg = rest.trim();
    if (arg === "") {
      output += `${target}\n`;
    } else if ((TARGET_NAMES as readonly string[]).includes(arg)) {
      target = arg as TargetName;
    } else {
      return usageError(`%target expects one of ${TARGET_NAMES.join(", ")}; got '${arg}'`);
    }
    lines[i] = "";
  }
  return { ok: true, code: lines.join("\n"), target, output };
}

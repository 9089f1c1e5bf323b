import { describe, expect, it } from "vitest";
import golden from "./golden/execution.golden.json";
import { runSource } from "../index";

interface Golden {
  source: string;
  stdout: string;
  error: { last: string; line: number | null } | null;
}

/** The traceback's last line and the line number of its innermost `<string>` frame. */
function lastError(stderr: string): { last: string; line: number | null } {
  const lines = stderr.replace(/\n+$/, "").split("\n");
  const frames = lines.filter((l) => l.startsWith('  File "<string>", line '));
  const line = frames.length > 0 ? Number(/line (\d+)/.exec(frames[frames.length - 1])?.[1]) : null;
  return { last: lines[lines.length - 1], line };
}

describe("compiled programs behave like CPython 3.11", () => {
  for (const [name, g] of Object.entries(golden as Record<string, Golden>)) {
    it(name.replace(/_/g, " "), () => {
      let stdout = "";
      let stderr = "";
      const { exitCode } = runSource(g.source, {
        filename: "<string>",
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        limits: { wallTimeMs: 20_000 },
      });
      expect(stdout).toBe(g.stdout);
      if (g.error === null) {
        expect(stderr).toBe("");
        expect(exitCode).toBe(0);
      } else {
        expect(exitCode).toBe(1);
        expect(lastError(stderr)).toEqual(g.error);
      }
    });
  }
});

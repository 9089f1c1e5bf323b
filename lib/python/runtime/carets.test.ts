import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runSource } from "../index";

interface Golden {
  name: string;
  source: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

const goldens = JSON.parse(readFileSync(new URL("./golden/carets.golden.json", import.meta.url), "utf8")) as Golden[];

describe("tracebacks mark the failing expression as python3 prog.py does", () => {
  for (const g of goldens) {
    it(g.name, () => {
      let stdout = "";
      let stderr = "";
      const r = runSource(g.source, { filename: "prog.py", stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      expect(stderr).toBe(g.stderr);
      expect(stdout).toBe(g.stdout);
      expect(r.exitCode).toBe(g.exitCode === 0 ? 0 : 1);
    });
  }
});

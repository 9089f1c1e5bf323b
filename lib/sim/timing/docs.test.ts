import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { TARGETS, TIMING_CONFIGS, TIMING_SOURCES, type ConstantName } from "./config";
import { INSIGHT_RULES } from "../../profile";

const doc = readFileSync(new URL("../../../docs/timing-model.md", import.meta.url), "utf8");

describe("docs/timing-model.md", () => {
  it("lists every timing constant with its value on every target", () => {
    for (const name of Object.keys(TIMING_SOURCES.trn1) as ConstantName[]) {
      const row = doc.split("\n").find((l) => l.startsWith(`| \`${name}\` |`));
      expect(row, name).toBeDefined();
      const cells = row!.split("|").map((c) => c.trim());
      TARGETS.forEach((t, k) => expect(cells[2 + k], `${t}.${name}`).toBe(String(TIMING_CONFIGS[t][name])));
    }
  });

  it("describes every insight rule", () => {
    for (const rule of INSIGHT_RULES) expect(doc).toContain(`\`${rule.id}\``);
  });
});

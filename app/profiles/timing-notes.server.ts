import fs from "node:fs";
import path from "node:path";
import { notModelledFromMarkdown } from "../components/profile/model/timing-notes";

let cached: string[] | null = null;

/** "What is not modelled", read from docs/timing-model.md once per server process. */
export function notModelled(): string[] {
  if (!cached) {
    try {
      cached = notModelledFromMarkdown(fs.readFileSync(path.join(process.cwd(), "docs", "timing-model.md"), "utf8"));
    } catch {
      cached = [];
    }
  }
  return cached;
}

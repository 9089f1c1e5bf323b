/*
 * Every shipped notebook runs top to bottom through `kernel-lab exec`, so none can rot: no cell may
 * raise unless it is tagged raises-exception. Cheap per-notebook checks pin what the prose promises.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../lib/cli/main";

const notebooksDir = new URL("../../notebooks/", import.meta.url).pathname;
const names = readdirSync(notebooksDir).filter((n) => n.endsWith(".ipynb")).sort();
const outDir = mkdtempSync(join(tmpdir(), "kernel-lab-notebooks-"));
/** Printed output of cells plain CPython + numpy can run (golden/host_cells.gen.py). */
const hostGolden = JSON.parse(readFileSync(new URL("./golden/host_cells.json", import.meta.url), "utf8")) as Record<string, Record<string, string>>;

interface Output {
  output_type: string;
  name?: string;
  text?: string[];
  ename?: string;
  evalue?: string;
  data?: Record<string, unknown>;
}
interface Cell {
  cell_type: string;
  id: string;
  metadata: { tags?: string[] };
  execution_count?: number | null;
  outputs?: Output[];
}
interface Executed {
  metadata: { kernel_lab?: { summary?: string; difficulty?: string; estimated_minutes?: number } };
  cells: Cell[];
}

async function execute(name: string): Promise<Executed> {
  const out = join(outDir, name);
  let err = "";
  // The limit keeps a notebook that loops forever from hanging the suite.
  const status = await main(["exec", join(notebooksDir, name), "--timeout", "120", "--output", out], { stdout: () => undefined, stderr: (t) => (err += t), env: {} });
  expect(status, err).toBe(0);
  return JSON.parse(readFileSync(out, "utf8")) as Executed;
}

function stdout(nb: Executed, id: string): string {
  const cell = nb.cells.find((c) => c.id === id);
  if (cell === undefined) throw new Error(`no cell '${id}'`);
  return (cell.outputs ?? []).filter((o) => o.output_type === "stream" && o.name === "stdout").map((o) => (o.text ?? []).join("")).join("");
}

function errors(nb: Executed, id: string): Output[] {
  return (nb.cells.find((c) => c.id === id)?.outputs ?? []).filter((o) => o.output_type === "error");
}

/** The display_data / execute_result bundles a cell produced. */
function bundles(nb: Executed, id: string): Record<string, unknown>[] {
  return (nb.cells.find((c) => c.id === id)?.outputs ?? []).filter((o) => o.data !== undefined).map((o) => o.data as Record<string, unknown>);
}

function text(value: unknown): string {
  return Array.isArray(value) ? value.join("") : String(value);
}

const PROFILE_MIME = "application/vnd.kernel-lab.profile+json";

/** Per-notebook checks beyond "no unexpected error". */
const checks: Record<string, (nb: Executed) => void> = {
  "04-where-does-the-time-go.ipynb": (nb) => {
    expect(stdout(nb, "wt-profile-add")).toBe("result matches numpy: True\n");
    const [addProfile] = bundles(nb, "wt-profile-add");
    expect(addProfile[PROFILE_MIME]).toMatchObject({ target: "trn2", kernelName: "tensor_add" });
    expect(text(addProfile["text/html"])).toContain("total_time");
    expect(stdout(nb, "wt-metrics")).toMatch(/^total time: +[\d.]+ µs\nvector busy: +\d+% of the time\nDMA busy: +\d+% of the time\nHBM traffic: +3072 KiB\n$/);
    expect(Object.keys(bundles(nb, "wt-timeline-code")[0])).toContain("application/vnd.plotly.v1+json");
    expect(bundles(nb, "wt-naive")[0][PROFILE_MIME]).toMatchObject({ kernelName: "matmul_tiled" });
    // The prose explains the tiled kernel's insights: there must be some, naming the load lines.
    expect(stdout(nb, "wt-insights-code")).toMatch(/^\[\w+\] .+\n {4}lines \[/);
    const fix = stdout(nb, "wt-blocked");
    expect(Number(/speed-up: ([\d.]+)x/.exec(fix)?.[1])).toBeGreaterThan(1.2);
    // 2 MiB of lhsT read 4 times + 4 MiB of rhs read 8 times, then each once (the prose's numbers).
    expect(fix).toContain("HBM reads: 40 MiB -> 6 MiB\n");
    // The prose: the reload and small-transfer insights are gone; at most the one-time wait for the first loads is left.
    for (const [, title] of fix.matchAll(/^insight left: ([^:]+):/gm)) expect(title).toBe("TensorE idles waiting for DMA");
    expect(text(bundles(nb, "wt-blocked")[0]["text/plain"])).toMatch(/matmul_hoisted \(trn2\) is [\d.]+× faster than a: matmul_tiled \(trn2\)/);
    expect(stdout(nb, "wt-check")).toBe("matches numpy: True\n");
    // Blocking: the prose says each lhsT byte is read once and each rhs byte once per 1024-column block of lhsT.
    const blocking = stdout(nb, "wt-blocking-code");
    const [, tiledMiB, blockedMiB] = /HBM reads: tiled (\d+) MiB, blocked (\d+) MiB/.exec(blocking) ?? [];
    expect(Number(blockedMiB)).toBe(16 + 2 * 32);
    expect(Number(tiledMiB)).toBeGreaterThan(4 * Number(blockedMiB));
    expect(Number(/speed-up: ([\d.]+)x/.exec(blocking)?.[1])).toBeGreaterThan(1.5);
    expect(blocking).toContain("matches numpy: True\n");
    // The ladder on every target: blocking wins everywhere, most where HBM bandwidth is scarcest (trn1).
    const ladder = [...stdout(nb, "wt-ladder").matchAll(/^(trn\d) +[\d.]+ µs +[\d.]+ µs +([\d.]+)x$/gm)].map((m) => [m[1], Number(m[2])] as const);
    expect(ladder.map(([t]) => t)).toEqual(["trn1", "trn2", "trn3"]);
    for (const [, speedup] of ladder) expect(speedup).toBeGreaterThan(1);
    expect(ladder[0][1]).toBeGreaterThan(ladder[1][1]);
    expect(ladder[1][1]).toBeGreaterThan(ladder[2][1]);
    expect(stdout(nb, "wt-targets-list")).toMatch(/^trn1: .+\ntrn2: .+\ntrn3: .+\n$/);
    expect(text(bundles(nb, "wt-trn3")[0]["text/plain"])).toContain("matmul_tiled (trn3)");
    // The prose: the DMA-bound kernel gains more from trn3's bandwidth than the compute-bound one.
    const [, tiled, hoisted] = /tiled kernel ([\d.]+)x faster, hoisted kernel ([\d.]+)x faster/.exec(stdout(nb, "wt-targets-hoisted")) ?? [];
    expect(Number(tiled)).toBeGreaterThan(Number(hoisted));
    expect(stdout(nb, "wt-benchmark-code")).toMatch(/NCLatency:\np0 = \d+us\n[\s\S]*p50 latency: [\d.]+ µs\n$/);
  },
  "03-your-first-nki-kernel.ipynb": (nb) => {
    expect(stdout(nb, "fk-run-code")).toBe("(128, 512) float32\nmatches numpy: True\n");
    expect(stdout(nb, "fk-spmd-code")).toBe("matches numpy: True\n");
    expect(stdout(nb, "fk-mask-code")).toBe("matches numpy: True\n");
    const [error] = errors(nb, "fk-errors-code");
    expect(error.ename).toBe("neuronxcc.nki.NkiError");
    expect(error.evalue).toMatch(/^err_num_partition_exceed_arch_limit: .*256/);
  },
};

describe("shipped notebooks", () => {
  it("has notebooks, and every per-notebook check names one of them", () => {
    expect(names.length).toBeGreaterThan(0);
    for (const name of [...Object.keys(checks), ...Object.keys(hostGolden)]) expect(names).toContain(name);
  });

  it.each(names)("%s runs top to bottom through kernel-lab exec", async (name) => {
    const nb = await execute(name);
    const lab = nb.metadata.kernel_lab;
    expect(typeof lab?.summary).toBe("string");
    expect(["beginner", "intermediate", "advanced"]).toContain(lab?.difficulty);
    expect(lab?.estimated_minutes).toBeGreaterThan(0);
    for (const cell of nb.cells) {
      if (cell.cell_type !== "code") continue;
      if (cell.metadata.tags?.includes("skip-execution")) continue;
      const expected = cell.metadata.tags?.includes("raises-exception") ?? false;
      expect(errors(nb, cell.id).length > 0, `cell ${cell.id}: ${expected ? "meant to raise and did not" : JSON.stringify(errors(nb, cell.id)[0])}`).toBe(expected);
      expect(cell.execution_count, `cell ${cell.id} ran`).toBeGreaterThan(0);
    }
    for (const [id, text] of Object.entries(hostGolden[name] ?? {})) expect(stdout(nb, id), `cell ${id}`).toBe(text);
    checks[name]?.(nb);
  });
});

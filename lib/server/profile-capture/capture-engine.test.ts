import { describe, expect, it } from "vitest";
import type { CreateEngine, DisplayRequest, EngineHost } from "../../kernel/engine";
import type { MimeBundle } from "../../jupyter/messages";
import { isProfileCard } from "../../profile/card";
import { profileDocument, PROFILE_MIME } from "../../profile/document";
import { profileTrace } from "../../profile/profile";
import { TraceKit } from "../../sim/timing/trace-kit";
import { Engine, Memory } from "../../sim/trace/types";
import { captureProfiles, MAX_STORED_PROFILES_PER_EXECUTION } from "./capture-engine";
import type { CapturedProfile } from "./channel";

const kit = new TraceKit();
const x = kit.tile("x", Memory.Sbuf, [128, 64]);
kit.at(2).dma(x, kit.hbm("X", [128, 64]));
kit.at(3).unary(Engine.Scalar, "activation", kit.tile("y", Memory.Sbuf, [128, 64]), x, "exp");
const doc = JSON.parse(JSON.stringify(profileDocument(profileTrace(kit.trace, "trn1"), { kernelName: "k", sources: [{ file: "kernel.py", text: "..." }] })));

/** An engine whose execute displays `shown` and returns `result`, over a host that records displays. */
async function harness(shown: MimeBundle, result: MimeBundle | null) {
  const displayed: DisplayRequest[] = [];
  const published: CapturedProfile[] = [];
  const inner: CreateEngine = (host) => ({
    languageVersion: "3.11",
    execute() {
      host.display({ data: shown, metadata: {} });
      return { status: "ok", result };
    },
    evaluate: () => ({ status: "ok", data: result ?? {}, metadata: {} }),
    complete: (_code, cursorPos) => ({ status: "ok", matches: [], cursor_start: cursorPos, cursor_end: cursorPos, metadata: {} }),
    inspect: () => ({ status: "ok", found: false, data: {}, metadata: {} }),
    isComplete: () => ({ status: "complete" }),
  });
  const host = { display: (r: DisplayRequest) => displayed.push(r) } as unknown as EngineHost;
  let n = 0;
  const engine = await captureProfiles(inner, (c) => published.push(c), () => `id-${++n}`)(host);
  return { engine, displayed, published };
}

describe("profile capture in the kernel worker", () => {
  it("publishes a displayed document and displays its card with the stored profile's URL instead", async () => {
    const { engine, displayed, published } = await harness({ [PROFILE_MIME]: doc, "text/plain": "profile" }, null);
    engine.execute("", "<cell>");
    expect(published).toEqual([{ profileId: "id-1", document: doc }]);
    const card = displayed[0].data[PROFILE_MIME];
    expect(isProfileCard(card)).toBe(true);
    expect(card).toMatchObject({ profileId: "id-1", url: "/profiles/id-1", target: "trn1", kernelName: "k", instructionCount: 2 });
    expect(displayed[0].data["text/plain"]).toBe("profile");
  });

  it("does the same for a cell's result and a user expression's value", async () => {
    const { engine, published } = await harness({ "text/plain": "nothing to capture" }, { [PROFILE_MIME]: doc });
    const outcome = engine.execute("", "<cell>");
    expect(outcome.status === "ok" && isProfileCard(outcome.result?.[PROFILE_MIME])).toBe(true);
    const value = engine.evaluate?.("p");
    expect(value?.status === "ok" && isProfileCard(value.data[PROFILE_MIME])).toBe(true);
    expect(published.map((p) => p.profileId)).toEqual(["id-1", "id-2"]);
  });

  it("stores at most MAX_STORED_PROFILES_PER_EXECUTION profiles per execution; later cards are unstored", async () => {
    const displayed: DisplayRequest[] = [];
    const published: CapturedProfile[] = [];
    const inner: CreateEngine = (host) => ({
      languageVersion: "3.11",
      execute() {
        for (let i = 0; i < MAX_STORED_PROFILES_PER_EXECUTION + 2; i++) host.display({ data: { [PROFILE_MIME]: doc }, metadata: {} });
        return { status: "ok", result: null };
      },
      complete: (_code, cursorPos) => ({ status: "ok", matches: [], cursor_start: cursorPos, cursor_end: cursorPos, metadata: {} }),
      inspect: () => ({ status: "ok", found: false, data: {}, metadata: {} }),
      isComplete: () => ({ status: "complete" }),
    });
    const engine = await captureProfiles(inner, (c) => published.push(c))({ display: (r: DisplayRequest) => displayed.push(r) } as unknown as EngineHost);
    engine.execute("", "<cell>");
    expect(published).toHaveLength(MAX_STORED_PROFILES_PER_EXECUTION);
    expect(displayed.at(-1)?.data[PROFILE_MIME]).toMatchObject({ kind: "card", profileId: null, url: null });
    engine.execute("", "<cell>");
    expect(published).toHaveLength(2 * MAX_STORED_PROFILES_PER_EXECUTION);
  });

  it("leaves cards, other payloads and bundles without a profile alone", async () => {
    const card = { kind: "card", profileId: null };
    const { engine, displayed, published } = await harness({ [PROFILE_MIME]: card }, { [PROFILE_MIME]: { not: "a document" } });
    const outcome = engine.execute("", "<cell>");
    expect(displayed[0].data[PROFILE_MIME]).toEqual(card);
    expect(outcome).toEqual({ status: "ok", result: { [PROFILE_MIME]: { not: "a document" } } });
    expect(published).toEqual([]);
  });
});

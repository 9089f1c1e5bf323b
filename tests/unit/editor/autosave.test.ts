import { describe, expect, it } from "vitest";
import { draftOffer, initialSaveState, saveIndicator, savePlan, saveReducer, SAVE_DEBOUNCE_MS, type SaveEvent, type SaveState } from "@/app/components/notebook/model/autosave";

const apply = (...events: SaveEvent[]): SaveState => events.reduce(saveReducer, initialSaveState);
const loaded: SaveEvent = { type: "loaded", version: 1, lastModified: "t1" };

describe("autosave", () => {
  it("is saved right after loading and plans nothing", () => {
    const s = apply(loaded);
    expect(saveIndicator(s, 1)).toBe("saved");
    expect(savePlan(s, 1)).toEqual({ kind: "nothing" });
  });

  it("debounces a save after an edit, well within 2 s", () => {
    const plan = savePlan(apply(loaded), 2);
    expect(plan).toEqual({ kind: "debounce", delayMs: SAVE_DEBOUNCE_MS });
    expect(SAVE_DEBOUNCE_MS).toBeLessThanOrEqual(1500);
    expect(saveIndicator(apply(loaded), 2)).toBe("unsaved");
  });

  it("keeps one save in flight and saves again if edits arrived meanwhile", () => {
    const saving = apply(loaded, { type: "save-started", version: 2 });
    expect(saveIndicator(saving, 3)).toBe("saving");
    expect(savePlan(saving, 3)).toEqual({ kind: "nothing" });
    const done = saveReducer(saving, { type: "save-succeeded", version: 2, lastModified: "t2" });
    expect(done.lastModified).toBe("t2");
    expect(saveIndicator(done, 2)).toBe("saved");
    expect(savePlan(done, 3).kind).toBe("debounce");
  });

  it("goes offline when the server is unreachable and retries with growing, capped delays", () => {
    let s = apply(loaded, { type: "save-started", version: 2 }, { type: "save-offline" });
    expect(saveIndicator(s, 2)).toBe("offline");
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const plan = savePlan(s, 2);
      if (plan.kind !== "retry") throw new Error(`expected a retry, got ${plan.kind}`);
      delays.push(plan.delayMs);
      s = apply(loaded, ...Array.from({ length: i + 2 }, () => ({ type: "save-offline" }) as const));
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    const back = saveReducer(s, { type: "save-succeeded", version: 2, lastModified: "t3" });
    expect(saveIndicator(back, 2)).toBe("saved");
  });

  it("stops saving on a conflict until the person keeps theirs or mine", () => {
    const s = apply(loaded, { type: "save-started", version: 2 }, { type: "save-conflict", theirs: "t9" });
    expect(saveIndicator(s, 2)).toBe("conflict");
    expect(savePlan(s, 5)).toEqual({ kind: "blocked" });
    const mine = saveReducer(s, { type: "conflict-resolved-mine" });
    expect(mine.lastModified).toBe("t9");
    expect(savePlan(mine, 2).kind).toBe("debounce");
    const theirs = saveReducer(s, { type: "loaded", version: 7, lastModified: "t9" });
    expect(saveIndicator(theirs, 7)).toBe("saved");
  });

  it("does not retry a save the server rejected until the notebook changes again", () => {
    const s = apply(loaded, { type: "save-started", version: 2 }, { type: "save-rejected", message: "invalid", version: 2 });
    expect(saveIndicator(s, 2)).toBe("error");
    expect(savePlan(s, 2)).toEqual({ kind: "blocked" });
    expect(savePlan(s, 3).kind).toBe("debounce");
  });

  it("offers a local draft only when it differs from the server copy", () => {
    const draft = { content: "{mine}", baseLastModified: "t1", savedAt: 5 };
    expect(draftOffer(null, "{x}", "t1")).toEqual({ offer: false });
    expect(draftOffer({ ...draft, content: "{x}" }, "{x}", "t1")).toEqual({ offer: false });
    expect(draftOffer(draft, "{x}", "t1")).toEqual({ offer: true, sameBase: true });
    expect(draftOffer(draft, "{x}", "t2")).toEqual({ offer: true, sameBase: false });
  });
});

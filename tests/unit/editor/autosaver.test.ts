import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { INotebookContent } from "@jupyterlab/nbformat";
import { saveIndicator } from "@/app/components/notebook/model/autosave";
import { Autosaver } from "@/app/components/notebook/persistence/autosaver";
import { SaveError, type SaveFailure } from "@/app/components/notebook/persistence/notebook-file";

const content = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] } as INotebookContent;

/** A contents server double: records saves and answers with the next scripted outcome (default: ok). */
function fakeFile() {
  const saves: { at: number; expected: string | null }[] = [];
  const outcomes: (SaveFailure | "ok")[] = [];
  let stamp = 0;
  return {
    saves,
    outcomes,
    save: async (_content: INotebookContent, expected: string | null) => {
      saves.push({ at: Date.now(), expected });
      const outcome = outcomes.shift() ?? "ok";
      if (outcome !== "ok") throw new SaveError(outcome);
      stamp += 1;
      return `t${stamp}`;
    },
  };
}

describe("Autosaver", () => {
  let version = 1;
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    version = 1;
  });
  afterEach(() => vi.useRealTimers());

  function start(file = fakeFile()) {
    const saver = new Autosaver({ file, current: () => ({ version, content }), onChange: () => {}, onAllSaved: () => {} });
    saver.loaded(1, "t0");
    const edit = () => {
      version += 1;
      saver.edited();
    };
    return { saver, file, edit };
  }

  it("saves a second after the last edit, sending the timestamp it last saw", async () => {
    const { saver, file, edit } = start();
    edit();
    await vi.advanceTimersByTimeAsync(999);
    expect(file.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(file.saves).toEqual([{ at: 1000, expected: "t0" }]);
    expect(saveIndicator(saver.saveState, version)).toBe("saved");
  });

  it("saves within 2 s of the first unsaved edit even while typing never pauses", async () => {
    const { file, edit } = start();
    for (let t = 0; t < 5000; t += 100) {
      edit();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(file.saves.length).toBeGreaterThanOrEqual(2);
    expect(file.saves[0].at).toBeLessThanOrEqual(2000);
    for (let i = 1; i < file.saves.length; i++) expect(file.saves[i].at - file.saves[i - 1].at).toBeLessThanOrEqual(2000);
  });

  it("retries while the server is unreachable and reports offline meanwhile", async () => {
    const file = fakeFile();
    file.outcomes.push({ kind: "offline" }, { kind: "offline" });
    const { saver, edit } = start(file);
    edit();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveIndicator(saver.saveState, version)).toBe("offline");
    await vi.advanceTimersByTimeAsync(1000);
    expect(file.saves).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(file.saves).toHaveLength(3);
    expect(saveIndicator(saver.saveState, version)).toBe("saved");
  });

  it("stops on a conflict, and keeping mine overwrites against their timestamp", async () => {
    const file = fakeFile();
    file.outcomes.push({ kind: "conflict", theirs: "t-theirs" });
    const { saver, edit } = start(file);
    edit();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveIndicator(saver.saveState, version)).toBe("conflict");
    edit();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(file.saves).toHaveLength(1);
    await saver.keepMine();
    expect(file.saves[1].expected).toBe("t-theirs");
    expect(saveIndicator(saver.saveState, version)).toBe("saved");
  });
});

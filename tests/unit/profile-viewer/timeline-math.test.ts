import { describe, expect, it } from "vitest";
import { boundsFor, clampView, keyStep, nsAt, panBy, wheelFactor, xOf, zoomAt, type Viewport } from "../../../app/components/profile/timeline/viewport";
import { buildTrackIndex, visibleRange } from "../../../app/components/profile/timeline/track-index";
import { forEachBar } from "../../../app/components/profile/timeline/lod";
import { instructionAt } from "../../../app/components/profile/timeline/hit-test";
import { formatNs, niceStep, rulerTicks } from "../../../app/components/profile/timeline/ruler";
import { revealInView, stepSelection } from "../../../app/components/profile/timeline/keyboard-select";

const bounds = boundsFor(1000);
const full: Viewport = { startNs: 0, endNs: 1000, widthPx: 500 };

describe("viewport transforms", () => {
  it("maps time to pixels and back", () => {
    expect(xOf(full, 250)).toBe(125);
    expect(nsAt(full, 125)).toBe(250);
  });

  it("zooms about the cursor, keeping the time under it fixed", () => {
    const v = zoomAt(full, 100, 0.5, bounds);
    expect(v.endNs - v.startNs).toBe(500);
    expect(nsAt(v, 100)).toBeCloseTo(200, 9);
  });

  it("never zooms out past the whole kernel nor in below the minimum span", () => {
    expect(zoomAt(full, 250, 4, bounds)).toEqual(full);
    const tiny = zoomAt(full, 250, 1e-9, bounds);
    expect(tiny.endNs - tiny.startNs).toBe(bounds.minSpanNs);
  });

  it("pans with the drag and stops at the edges", () => {
    const zoomed = { startNs: 400, endNs: 600, widthPx: 500 };
    expect(panBy(zoomed, 250, bounds)).toEqual({ startNs: 300, endNs: 500, widthPx: 500 });
    expect(panBy(zoomed, 100_000, bounds).startNs).toBe(0);
    expect(panBy(zoomed, -100_000, bounds).endNs).toBe(1000);
  });

  it("steps with W/A/S/D and ignores other keys", () => {
    const zoomed = { startNs: 400, endNs: 600, widthPx: 500 };
    const w = keyStep(zoomed, "w", bounds)!;
    expect(w.endNs - w.startNs).toBeCloseTo(160, 9);
    expect((w.startNs + w.endNs) / 2).toBeCloseTo(500, 9);
    expect(keyStep(zoomed, "S", bounds)!.endNs - keyStep(zoomed, "S", bounds)!.startNs).toBeCloseTo(250, 9);
    expect(keyStep(zoomed, "a", bounds)).toEqual({ startNs: 360, endNs: 560, widthPx: 500 });
    expect(keyStep(zoomed, "d", bounds)).toEqual({ startNs: 440, endNs: 640, widthPx: 500 });
    expect(keyStep(zoomed, "x", bounds)).toBeNull();
  });

  it("clamps a window that sticks out, and zooms by 1.2 per wheel notch", () => {
    expect(clampView({ startNs: -50, endNs: 50, widthPx: 10 }, bounds)).toEqual({ startNs: 0, endNs: 100, widthPx: 10 });
    expect(wheelFactor(100)).toBeCloseTo(1.2, 12);
    expect(wheelFactor(-100)).toBeCloseTo(1 / 1.2, 12);
  });
});

/** Track 0: ten 1 ns instructions at 0,1,...,9 ns then one wide one [100, 400); track 1: one at [50, 60). */
function sample() {
  const track = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
  const start = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 50];
  const end = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 400, 60];
  return { track, start, end, index: buildTrackIndex(2, track, start, end) };
}

describe("track index", () => {
  it("groups instructions per track sorted by start, and finds those overlapping a window", () => {
    const { index } = sample();
    expect(Array.from(index.members[1])).toEqual([11]);
    expect(visibleRange(index, 0, 5.5, 150)).toEqual([5, 11]);
    expect(visibleRange(index, 0, 450, 500)).toEqual([11, 11]);
  });

  it("indexes only a subset when asked", () => {
    const { track, start, end } = sample();
    const sub = buildTrackIndex(2, track, start, end, [3, 10, 11]);
    expect(Array.from(sub.members[0])).toEqual([3, 10]);
    expect(Array.from(sub.starts[0])).toEqual([3, 100]);
  });
});

describe("level of detail", () => {
  it("draws wide instructions one bar each", () => {
    const { index } = sample();
    const bars: [number, number, number, number][] = [];
    forEachBar(index, 0, { startNs: 0, endNs: 10, widthPx: 100 }, (x0, x1, i, n) => bars.push([x0, x1, i, n]));
    expect(bars).toHaveLength(10);
    expect(bars[3]).toEqual([30, 40, 3, 1]);
  });

  it("merges sub-pixel instructions into one bar per pixel column, counting them and their busy share", () => {
    const { index } = sample();
    const bars: [number, number, number, number, number][] = [];
    forEachBar(index, 0, { startNs: 0, endNs: 1000, widthPx: 100 }, (x0, x1, i, n, c) => bars.push([x0, x1, i, n, c]));
    // 10 ns per pixel: the ten 1 ns instructions share column 0 and fill it; the 300 ns one is 30 px wide.
    expect(bars).toEqual([
      [0, 1, 0, 10, 1],
      [10, 40, 10, 1, 1],
    ]);
    const sparse: number[] = [];
    // 100 ns per pixel: column 0 holds 10 ns of work among its 100 ns.
    forEachBar(index, 0, { startNs: 0, endNs: 10_000, widthPx: 100 }, (_x0, _x1, _i, _n, c) => sparse.push(c));
    expect(sparse[0]).toBeCloseTo(0.1, 12);
  });

  it("emits at most about one bar per pixel however many instructions there are", () => {
    const n = 200_000;
    const track = new Uint8Array(n);
    const start = Float64Array.from({ length: n }, (_, i) => i * 10);
    const end = Float64Array.from({ length: n }, (_, i) => i * 10 + 7);
    const index = buildTrackIndex(1, track, start, end);
    let bars = 0;
    let covered = 0;
    forEachBar(index, 0, { startNs: 0, endNs: n * 10, widthPx: 1000 }, (_x0, _x1, _i, count) => {
      bars++;
      covered += count;
    });
    expect(bars).toBeLessThanOrEqual(1001);
    expect(covered).toBe(n);
  });
});

describe("hit testing", () => {
  it("finds the instruction under the cursor, or the nearest within the tolerance", () => {
    const { index } = sample();
    const v = { startNs: 0, endNs: 500, widthPx: 500 };
    expect(instructionAt(index, 0, v, 200)).toBe(10);
    expect(instructionAt(index, 0, v, 3.5)).toBe(3);
    expect(instructionAt(index, 0, v, 401)).toBe(10);
    expect(instructionAt(index, 0, v, 60)).toBe(-1);
    expect(instructionAt(index, 1, v, 55)).toBe(11);
    expect(instructionAt(index, 5, v, 55)).toBe(-1);
  });
});

describe("time ruler", () => {
  it("picks 1-2-5 steps about the requested spacing and labels them in the step's unit", () => {
    expect(niceStep(130)).toBe(200);
    expect(niceStep(0.0031)).toBeCloseTo(0.005, 12);
    const ticks = rulerTicks({ startNs: 0, endNs: 10_000, widthPx: 1000 }, 100);
    expect(ticks.map((t) => t.label)).toEqual(["0 µs", "1 µs", "2 µs", "3 µs", "4 µs", "5 µs", "6 µs", "7 µs", "8 µs", "9 µs", "10 µs"]);
    expect(ticks[3].x).toBeCloseTo(300, 9);
    expect(rulerTicks({ startNs: 1000, endNs: 1001, widthPx: 1000 }, 200).map((t) => t.label).slice(0, 2)).toEqual(["1000.0 ns", "1000.2 ns"]);
  });

  it("formats durations with three significant digits", () => {
    expect(formatNs(0)).toBe("0 ns");
    expect(formatNs(640)).toBe("640 ns");
    expect(formatNs(2345)).toBe("2.35 µs");
    expect(formatNs(12_400)).toBe("12.4 µs");
    expect(formatNs(3_500_000)).toBe("3.50 ms");
  });
});

describe("keyboard selection", () => {
  // Row 0 (track 0): a [0,10) b [20,30) c [40,50); row 1 (track 1): d [18,22) e [44,60).
  const track = [0, 0, 0, 1, 1];
  const start = [0, 20, 40, 18, 44];
  const end = [10, 30, 50, 22, 60];
  const index = buildTrackIndex(2, track, start, end);
  const view = { startNs: 15, endNs: 60, widthPx: 100 };
  const step = (selected: number, arrow: "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown") => stepSelection(index, [0, 1], track, start, end, selected, arrow, view);

  it("starts at the first instruction of the first row inside the window", () => {
    expect(step(-1, "ArrowRight")).toBe(1);
  });

  it("steps along a track and stops at its ends", () => {
    expect(step(1, "ArrowRight")).toBe(2);
    expect(step(2, "ArrowRight")).toBe(2);
    expect(step(1, "ArrowLeft")).toBe(0);
  });

  it("jumps to the instruction nearest in time on the next row", () => {
    expect(step(1, "ArrowDown")).toBe(3);
    expect(step(2, "ArrowDown")).toBe(4);
    expect(step(4, "ArrowUp")).toBe(2);
    expect(step(3, "ArrowDown")).toBe(3);
  });

  it("moves the window only when the instruction is out of view", () => {
    expect(revealInView(view, 20, 30)).toBe(view);
    expect(revealInView(view, 0, 10)).toEqual({ startNs: -4.5, endNs: 40.5, widthPx: 100 });
    expect(revealInView(view, 80, 90)).toEqual({ startNs: 49.5, endNs: 94.5, widthPx: 100 });
  });
});

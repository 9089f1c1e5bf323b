/*
 * A per-cell time limit for code that runs synchronously on this thread: while a cell runs, no timer
 * of ours can fire, so a small worker thread waits on shared memory instead and, when the limit
 * passes, sets the interrupt flag the engine polls (it then raises KeyboardInterrupt).
 *
 * Shared Int32Array: [0] the engine's interrupt flag (the engine clears it when it raises); [1] a
 * generation counter, odd while a cell is armed, -1 to stop the worker; [2] the generation the limit
 * fired in.
 */

import { Worker } from "node:worker_threads";

const WATCHER = `
const { workerData } = require("node:worker_threads");
const s = new Int32Array(workerData.buffer);
for (;;) {
  const gen = Atomics.load(s, 1);
  if (gen < 0) break;
  if (gen % 2 === 0) { Atomics.wait(s, 1, gen); continue; }
  if (Atomics.wait(s, 1, gen, workerData.ms) === "timed-out" && Atomics.compareExchange(s, 1, gen, gen) === gen) {
    Atomics.store(s, 2, gen);
    Atomics.store(s, 0, 1);
    Atomics.wait(s, 1, gen);
  }
}
`;

export interface CellTimer {
  /** The flag to give the engine as its interruptFlag. */
  readonly flag: Int32Array;
  readonly limitMs: number;
  /** Starts the clock for one cell (clearing a previous interrupt). */
  arm(): void;
  /** Stops the clock; true when the limit passed while the cell ran. */
  disarm(): boolean;
  close(): Promise<void>;
}

export function startCellTimer(limitMs: number): CellTimer {
  const buffer = new SharedArrayBuffer(12);
  const shared = new Int32Array(buffer);
  const worker = new Worker(WATCHER, { eval: true, workerData: { buffer, ms: limitMs } });
  worker.unref();
  const step = (value?: number) => {
    if (value === undefined) Atomics.add(shared, 1, 1);
    else Atomics.store(shared, 1, value);
    Atomics.notify(shared, 1);
  };
  return {
    flag: new Int32Array(buffer, 0, 1),
    limitMs,
    arm() {
      Atomics.store(shared, 0, 0);
      step();
    },
    disarm() {
      const armed = Atomics.load(shared, 1);
      step();
      return Atomics.load(shared, 2) === armed;
    },
    async close() {
      step(-1);
      await worker.terminate();
    },
  };
}

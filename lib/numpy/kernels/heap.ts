/**
 * Resident arrays: float32/float64/bool ndarray storage placed in the SIMD kernels' own WebAssembly
 * memory (wasm-instance.ts), so elementwise loops and reductions read and write it in place instead
 * of copying operands in and results out (the copies cost more than the loops: 1M-float32 `a + b`
 * is ~0.15 ms of SIMD work and ~0.5 ms of staging and fresh-memory page faults).
 *
 * Lifetime follows JavaScript reachability. Each block is owned by the typed array `residentArray`
 * returns; a FinalizationRegistry frees the block once that array is collected. Views derived from
 * an owner do not keep it alive by themselves (a subarray references only the memory's one
 * ArrayBuffer), so every derived view that can outlive the expression creating it is made through
 * `deriveView`, which ties the view to its owner (a WeakMap entry: the owner lives while the view
 * does). SAFETY INVARIANT: code that keeps a subarray of ndarray storage across an allocation uses
 * deriveView; transient views read within one call of a live array (`x.data.subarray(...)` passed to
 * `set`) need not.
 *
 * Finalization callbacks normally run between event-loop tasks, i.e. after a cell. Within one long
 * synchronous run a full heap is reclaimed on the spot where the runtime allows it: the registry's
 * `cleanupSome` (V8 with --harmony-weak-refs-with-cleanup-some) after a host-installed collector
 * (a forced GC; the kernel worker installs one). Without those, or when live arrays fill the heap,
 * new arrays live in the JavaScript heap as before: slower to compute on, never wrong.
 */
import { BlockAllocator } from "./block-allocator";
import { HEAP_BYTES, HEAP_START, SLACK_BYTES, kernelInstance } from "./wasm-instance";

export type ResidentArray = Float32Array | Float64Array | Uint8Array;
export interface ResidentConstructor<T extends ResidentArray> {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** Smaller arrays stay in the JS heap: staging them is cheap, and they would fragment the heap. */
export const RESIDENT_MIN_BYTES = 64 * 1024;
/**
 * A forced collection pays for itself when it frees at least this many bytes per millisecond it
 * takes: an array that cannot be resident costs its ops about 0.35 ms more per 4 MiB (staging and
 * fresh pages; elementwise.bench.ts), about 12 MiB per ms. Below that (a large JS heap makes
 * collections slow, live arrays leave little to free) the next misses skip collecting, for twice
 * as many misses each time it happens again.
 */
const BREAK_EVEN_BYTES_PER_MS = 12 * 2 ** 20;
const FIRST_BACKOFF = 64;
const MAX_BACKOFF = 1 << 16;

interface Heap {
  readonly allocator: BlockAllocator;
  readonly buffer: ArrayBuffer;
  readonly registry: FinalizationRegistry<number>;
}

type CleanupSome = { cleanupSome?: () => void };

let heap: Heap | null | undefined;
let enabled = true;
let collector: (() => void) | null = null;
let skipCollects = 0;
let backoff = FIRST_BACKOFF;
/** Derived view -> the owner whose block it reads. */
const owners = new WeakMap<object, ResidentArray>();

function theHeap(): Heap | null {
  if (heap === undefined) {
    const ex = kernelInstance();
    if (ex === null || typeof FinalizationRegistry !== "function") heap = null;
    else {
      const allocator = new BlockAllocator(HEAP_START, HEAP_START + HEAP_BYTES);
      heap = { allocator, buffer: ex.memory.buffer, registry: new FinalizationRegistry<number>((offset) => allocator.free(offset)) };
    }
  }
  return heap;
}

/**
 * Turns resident arrays on or off (arrays already resident stay so); returns the previous setting.
 * Off, every array lives in the JS heap, as tests of the staging paths want.
 */
export function setResidentArrays(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

/**
 * Installs (or with null removes) the host's way to force a garbage collection, used when the heap
 * is full within one synchronous run (see the module comment); returns the one it replaces.
 */
export function setHeapCollector(next: (() => void) | null): (() => void) | null {
  const previous = collector;
  collector = next;
  skipCollects = 0;
  backoff = FIRST_BACKOFF;
  return previous;
}

/**
 * A new resident array of n elements (zero-filled when `zeroed`, else holding whatever an earlier
 * array left: see uninitialised.ts for the rule such callers follow), or null when the array is too
 * small, resident arrays are off or unavailable, or the heap has no room.
 */
export function residentArray<T extends ResidentArray>(Ctor: ResidentConstructor<T>, n: number, zeroed: boolean): T | null {
  const bytes = n * Ctor.BYTES_PER_ELEMENT;
  if (!enabled || bytes < RESIDENT_MIN_BYTES || bytes > HEAP_BYTES - SLACK_BYTES) return null;
  const h = theHeap();
  if (h === null) return null;
  const block = h.allocator.allocate(bytes + SLACK_BYTES) ?? (reclaim(h) ? h.allocator.allocate(bytes + SLACK_BYTES) : null);
  if (block === null) return null;
  const array = new Ctor(h.buffer, block.offset, n);
  if (zeroed && block.dirty) array.fill(0);
  h.registry.register(array, block.offset);
  return array;
}

/** Frees blocks whose owners were collected; true when that made room. */
function reclaim(h: Heap): boolean {
  const before = h.allocator.liveBytes;
  (h.registry as CleanupSome).cleanupSome?.();
  if (h.allocator.liveBytes < before) return true;
  if (collector === null || (h.registry as CleanupSome).cleanupSome === undefined) return false;
  if (skipCollects > 0) {
    skipCollects--;
    return false;
  }
  const started = performance.now();
  collector();
  (h.registry as CleanupSome).cleanupSome?.();
  const freed = before - h.allocator.liveBytes;
  if (freed < (performance.now() - started) * BREAK_EVEN_BYTES_PER_MS) {
    skipCollects = backoff;
    backoff = Math.min(2 * backoff, MAX_BACKOFF);
  } else backoff = FIRST_BACKOFF;
  return freed > 0;
}

/** Whether `data` lives in the kernels' memory (resident, or a view of a resident array). */
export function isResident(data: ArrayBufferView): boolean {
  return heap != null && data.buffer === heap.buffer;
}

interface Subarrayable {
  subarray(begin?: number, end?: number): this;
  readonly buffer: ArrayBufferLike;
}

/** `data.subarray(start, end)` that keeps a resident owner alive as long as the view lives. */
export function deriveView<T extends Subarrayable>(data: T, start: number, end?: number): T {
  return tiedToOwner(data.subarray(start, end), data);
}

/** `view` of `data`'s bytes, made to keep `data`'s resident owner alive while it lives. */
function tiedToOwner<T extends object>(view: T, data: { readonly buffer: ArrayBufferLike }): T {
  if (heap != null && data.buffer === heap.buffer) owners.set(view, owners.get(data) ?? (data as unknown as ResidentArray));
  return view;
}

/** The same bytes as another element type (ndarray.view), keeping a resident owner alive like deriveView. */
export function reinterpretView<T extends ArrayBufferView>(data: ArrayBufferView, Ctor: new (buffer: ArrayBufferLike, byteOffset: number, length: number) => T, length: number): T {
  return tiedToOwner(new Ctor(data.buffer, data.byteOffset, length), data);
}

/** Bytes held by live resident arrays (for tests and benchmarks). */
export function residentBytes(): number {
  return heap == null ? 0 : heap.allocator.liveBytes;
}

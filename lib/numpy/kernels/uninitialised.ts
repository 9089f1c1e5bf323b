/**
 * Storage for results that the SIMD loops overwrite completely before anyone can see them, taken
 * from a host-installed source of uninitialised memory when there is one.
 *
 * Why: a fresh `new Float32Array(n)` is zeroed (calloc: a memset over reused heap memory), and
 * for a 1M-element result that zeroing is about a sixth of `a + b`'s time; the loops then write
 * every element anyway. lib/numpy stays a pure library, so it cannot get uninitialised memory
 * itself; a Node host installs one (e.g. `(bytes) => Buffer.allocUnsafeSlow(bytes).buffer`).
 *
 * SECURITY INVARIANT: memory from the hook may hold anything the process freed before (another
 * kernel's arrays, server data). It is used only through `overwrittenArray`, whose callers write
 * every element of the returned array before it becomes reachable from anything but their own
 * locals; an exception before that drops the array with the rest of the call. Never use it for
 * np.empty or any result that is not fully written on every path.
 */

/** Returns a new ArrayBuffer of exactly `bytes` bytes whose contents are unspecified. */
import { residentArray } from "./heap";

export type UninitialisedAllocator = (bytes: number) => ArrayBuffer;

/**
 * Default size from which results use the host's allocator. With Node's Buffer.allocUnsafeSlow,
 * 1M-float32 `a + b` (4 MB) takes 0.66-0.70 ms instead of 0.80 and 2M 1.83 instead of 1.88-2.09,
 * while at 80 KB-1.2 MB the Buffer's own overhead outweighs the zeroing saved (2-5% slower) and
 * 2.4-3.6 MB is a wash.
 */
export const UNINITIALISED_MIN_BYTES = 2 * 1024 * 1024;

let allocator: UninitialisedAllocator | null = null;
let minBytes = UNINITIALISED_MIN_BYTES;

/**
 * Installs (or with null removes) the host's allocator, used for results of at least `fromBytes`
 * bytes; returns the allocator it replaces.
 */
export function setUninitialisedAllocator(next: UninitialisedAllocator | null, fromBytes = UNINITIALISED_MIN_BYTES): UninitialisedAllocator | null {
  const previous = allocator;
  allocator = next;
  minBytes = fromBytes;
  return previous;
}

type Fresh = Float32Array | Float64Array | Uint8Array;
interface FreshConstructor<T extends Fresh> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * A new array of n elements for a result the caller will overwrite entirely (see the invariant
 * above): a resident array when there is room (heap.ts; its block may hold an earlier array's data),
 * else uninitialised memory from the installed allocator for large results, else zeroed.
 * A hook that returns anything but an ArrayBuffer of exactly the requested size is not trusted.
 */
export function overwrittenArray<T extends Fresh>(Ctor: FreshConstructor<T>, n: number): T {
  const resident = residentArray(Ctor, n, false);
  if (resident !== null) return resident;
  const bytes = n * Ctor.BYTES_PER_ELEMENT;
  if (allocator !== null && bytes >= minBytes) {
    const buffer = allocator(bytes);
    if (buffer instanceof ArrayBuffer && buffer.byteLength === bytes) return new Ctor(buffer, 0, n);
  }
  return new Ctor(n);
}

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
export type UninitialisedAllocator = (bytes: number) => ArrayBuffer;

/** Below this size calloc's zeroing costs less than the hook's call, so results are allocated normally. */
export const UNINITIALISED_MIN_BYTES = 64 * 1024;

let allocator: UninitialisedAllocator | null = null;

/** Installs (or with null removes) the host's allocator; returns the one it replaces. */
export function setUninitialisedAllocator(next: UninitialisedAllocator | null): UninitialisedAllocator | null {
  const previous = allocator;
  allocator = next;
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
 * above): uninitialised memory from the installed allocator for large results, else zeroed.
 * A hook that returns anything but an ArrayBuffer of exactly the requested size is not trusted.
 */
export function overwrittenArray<T extends Fresh>(Ctor: FreshConstructor<T>, n: number): T {
  const bytes = n * Ctor.BYTES_PER_ELEMENT;
  if (allocator !== null && bytes >= UNINITIALISED_MIN_BYTES) {
    const buffer = allocator(bytes);
    if (buffer instanceof ArrayBuffer && buffer.byteLength === bytes) return new Ctor(buffer, 0, n);
  }
  return new Ctor(n);
}

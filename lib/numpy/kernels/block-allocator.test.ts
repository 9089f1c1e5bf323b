import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLOCK_GRANULE, BlockAllocator } from "./block-allocator";

const G = BLOCK_GRANULE;

describe("BlockAllocator", () => {
  it("hands out whole granules from the bottom, untouched blocks clean", () => {
    const heap = new BlockAllocator(G, G + 10 * G);
    expect(heap.allocate(1)).toEqual({ offset: G, dirty: false });
    expect(heap.allocate(G + 1)).toEqual({ offset: 2 * G, dirty: false });
    expect(heap.liveBytes).toBe(3 * G);
  });

  it("gives a freed block to the next request of the same size, marked dirty", () => {
    const heap = new BlockAllocator(0, 10 * G);
    const a = heap.allocate(2 * G) as { offset: number };
    heap.allocate(G);
    heap.free(a.offset);
    expect(heap.allocate(2 * G - 5)).toEqual({ offset: a.offset, dirty: true });
  });

  it("reuses the most recently freed block of a size first (the one most likely still in cache)", () => {
    const heap = new BlockAllocator(0, 10 * G);
    const blocks = [0, 1, 2].map(() => (heap.allocate(G) as { offset: number }).offset);
    heap.free(blocks[0]);
    heap.free(blocks[2]);
    expect(heap.allocate(G)?.offset).toBe(blocks[2]);
  });

  it("refuses what does not fit, and ignores frees of unknown or already freed blocks", () => {
    const heap = new BlockAllocator(0, 4 * G);
    const a = heap.allocate(3 * G) as { offset: number };
    expect(heap.allocate(2 * G)).toBeNull();
    heap.free(12345);
    heap.free(a.offset);
    heap.free(a.offset);
    expect(heap.liveBytes).toBe(0);
    expect(heap.allocate(4 * G)).toEqual({ offset: 0, dirty: true });
    expect(heap.allocate(1)).toBeNull();
  });

  it("coalesces neighbouring free blocks to satisfy a larger request, splitting off the rest", () => {
    const heap = new BlockAllocator(0, 6 * G);
    const blocks = [0, 1, 2, 3, 4, 5].map(() => (heap.allocate(G) as { offset: number }).offset);
    heap.free(blocks[1]);
    heap.free(blocks[2]);
    heap.free(blocks[3]);
    expect(heap.allocate(2 * G)).toEqual({ offset: blocks[1], dirty: true });
    expect(heap.allocate(G)).toEqual({ offset: blocks[3], dirty: true });
    expect(heap.allocate(1)).toBeNull();
  });

  it("gives a free run at the top back to the untouched space, which stays clean above the high-water mark", () => {
    const heap = new BlockAllocator(0, 8 * G);
    const a = heap.allocate(G) as { offset: number };
    const b = heap.allocate(3 * G) as { offset: number };
    heap.free(b.offset);
    // 3G free at the top plus 4G never used: only coalescing can make 5G.
    expect(heap.allocate(5 * G)).toEqual({ offset: b.offset, dirty: true });
    expect(heap.liveBytes).toBe(6 * G);
    heap.free(a.offset);
    expect(heap.allocate(G)).toEqual({ offset: a.offset, dirty: true });
    expect(heap.allocate(2 * G)).toEqual({ offset: 6 * G, dirty: false });
  });

  it("never hands out overlapping live blocks, and counts live bytes exactly (random workloads)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 5 * G }), fc.nat()), { maxLength: 200 }), (steps) => {
        const heap = new BlockAllocator(G, G + 64 * G);
        const live = new Map<number, number>();
        for (const [alloc, bytes, pick] of steps) {
          if (alloc || live.size === 0) {
            const block = heap.allocate(bytes);
            if (block === null) continue;
            const size = BlockAllocator.sizeFor(bytes);
            expect(block.offset).toBeGreaterThanOrEqual(G);
            expect(block.offset + size).toBeLessThanOrEqual(G + 64 * G);
            for (const [offset, other] of live) expect(block.offset + size <= offset || offset + other <= block.offset).toBe(true);
            live.set(block.offset, size);
          } else {
            const offsets = [...live.keys()];
            const offset = offsets[pick % offsets.length];
            heap.free(offset);
            live.delete(offset);
          }
          expect(heap.liveBytes).toBe([...live.values()].reduce((s, x) => s + x, 0));
        }
      }),
    );
  });
});

"""Oracle for spill-plan.test.ts: the spill traffic of the documented spilling model
(docs/timing-model.md, "Spilling"), computed from each test kernel's loop structure, independently
of the TypeScript trace and planner.

Model: a piece is the per-partition byte range one instruction first wrote; it lives from its first
to its last use; before an instruction, the pieces it touches must be resident, and while they do not
fit, the resident piece whose next use is furthest away is evicted (ties: the later-created piece);
an evicted piece is saved if written since its last save and reloaded at its next use unless that use
overwrites it whole. Only SBUF is simulated: none of these kernels can exceed PSUM.

Writes spill-plan.golden.json: bytes summed over partitions, as spill_save_bytes/spill_reload_bytes.

    python3 lib/sim/timing/spill-plan.gen.py
"""

import json
import pathlib

USABLE_SBUF = {"trn1": 192 * 1024 - 16 * 1024, "trn2": 212_984, "trn3": 245_752}
PARTITIONS = 128
READ, WRITE = 1, 2


class Program:
    """Instructions as lists of (piece, access); pieces are created at first touch."""

    def __init__(self):
        self.bytes = []
        self.instrs = []

    def piece(self, nbytes):
        self.bytes.append(nbytes)
        return len(self.bytes) - 1

    def instr(self, *uses):
        self.instrs.append(list(uses))


def spill_bytes(prog, capacity):
    uses_of = {}
    for i, uses in enumerate(prog.instrs):
        for p, _ in uses:
            uses_of.setdefault(p, []).append(i)
    nxt = {p: 0 for p in uses_of}

    def next_use(p):
        lst = uses_of[p]
        return lst[nxt[p]] if nxt[p] < len(lst) else None

    resident, dirty, saved = set(), set(), set()
    used = save = reload = 0
    for i, uses in enumerate(prog.instrs):
        need = sum(prog.bytes[p] for p, _ in uses if p not in resident)
        while need and used + need > capacity:
            victim = max((p for p in resident if next_use(p) != i), key=lambda p: (next_use(p), p), default=None)
            if victim is None:
                break
            if victim in dirty:
                save += prog.bytes[victim]
                dirty.discard(victim)
                saved.add(victim)
            resident.discard(victim)
            used -= prog.bytes[victim]
        for p, access in uses:
            if p in resident:
                continue
            if p in saved and access != WRITE:
                reload += prog.bytes[p]
            resident.add(p)
            used += prog.bytes[p]
        for p, access in uses:
            if access & WRITE:
                dirty.add(p)
            nxt[p] += 1
            if next_use(p) is None:
                resident.discard(p)
                used -= prog.bytes[p]
    return {"spill_save_bytes": save * PARTITIONS, "spill_reload_bytes": reload * PARTITIONS}


def blocked(M, K, N, BM, BN):
    """The tutorial's blocked kernel (notebook 04): lhsT and rhs column blocks of all of K in SBUF,
    [128, 512] fp32 PSUM accumulators, one copy to an SBUF result tile and one store per output tile."""
    prog = Program()
    kt = K // 128
    for _mb in range(M // BM):
        lhs = [prog.piece(BM * 2) for _ in range(kt)]
        for k in range(kt):
            prog.instr((lhs[k], WRITE))
        for _nb in range(N // BN):
            rhs = [prog.piece(BN * 2) for _ in range(kt)]
            for k in range(kt):
                prog.instr((rhs[k], WRITE))
            for _m in range(BM // 128):
                for _n in range(BN // 512):
                    for k in range(kt):
                        prog.instr((lhs[k], READ), (rhs[k], READ))
                    res = prog.piece(512 * 4)
                    prog.instr((res, WRITE))
                    prog.instr((res, READ))
    return prog


def resident_tiles(count, cols, reads_of_first):
    """`count` fp32 [128, cols] tiles loaded one after another, all live until a final reduction that
    reads them last-loaded first; the first-loaded tile is read `reads_of_first` times."""
    prog = Program()
    tiles = [prog.piece(cols * 4) for _ in range(count)]
    for t in tiles:
        prog.instr((t, WRITE))
    for t in reversed(tiles[1:]):
        prog.instr((t, READ))
    for _ in range(reads_of_first):
        prog.instr((tiles[0], READ))
    return prog


def clean_eviction():
    """Three 100,000 B tiles where two fit: A is evicted twice, the second time unchanged since its
    save (no second save); B is evicted once; A is reloaded twice and B once."""
    prog = Program()
    a, b, c = (prog.piece(100_000) for _ in range(3))
    for uses in [(a, WRITE), (b, WRITE), (c, WRITE), (b, READ), (a, READ), (c, READ), (b, READ), (c, READ), (b, READ), (a, READ)]:
        prog.instr(uses)
    return prog


golden = {}
for target, cap in USABLE_SBUF.items():
    golden[f"blocked 4096x8192x8192 BM=BN=1024 {target}"] = spill_bytes(blocked(4096, 8192, 8192, 1024, 1024), cap)
golden["blocked 4096x8192x8192 BM=BN=512 trn1"] = spill_bytes(blocked(4096, 8192, 8192, 512, 512), USABLE_SBUF["trn1"])
golden["blocked 2048x4096x4096 BM=BN=1024 trn1"] = spill_bytes(blocked(2048, 4096, 4096, 1024, 1024), USABLE_SBUF["trn1"])
golden["4 resident tiles of 52,000 B trn2"] = spill_bytes(resident_tiles(4, 13000, 3), USABLE_SBUF["trn2"])
golden["clean eviction trn2"] = spill_bytes(clean_eviction(), USABLE_SBUF["trn2"])
golden["5 resident tiles of 52,000 B trn2"] = spill_bytes(resident_tiles(5, 13000, 3), USABLE_SBUF["trn2"])

out = pathlib.Path(__file__).with_name("spill-plan.golden.json")
out.write_text(json.dumps(golden, indent=2) + "\n")
print(json.dumps(golden, indent=2))

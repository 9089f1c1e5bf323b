"""Writes the tutorial notebooks in notebooks/ as nbformat 4.5 (stable cell ids, so diffs stay small).

Run from the project root: python3 scripts/notebooks/build_notebooks.py
The notebooks are committed; this script is how they are maintained until the workbench can edit them.
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2] / "notebooks"


def md(cell_id, text):
    return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": text.strip("\n").splitlines(keepends=True)}


def code(cell_id, text, raises=False):
    # "raises-exception" is nbclient's tag for a cell that is meant to fail; `kernel-lab exec` honours it too.
    metadata = {"tags": ["raises-exception"]} if raises else {}
    return {"cell_type": "code", "id": cell_id, "metadata": metadata, "execution_count": None, "outputs": [],
            "source": text.strip("\n").splitlines(keepends=True)}


def notebook(cells, meta):
    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"name": "nki", "display_name": "NKI (Trainium simulator)", "language": "python"},
            "language_info": {"name": "python", "version": "3.11", "file_extension": ".py", "mimetype": "text/x-python"},
            "kernel_lab": meta,
        },
        "cells": cells,
    }


INTRO = notebook([
    md("intro-title", """
# Welcome to Kernel Lab

Kernel Lab is a notebook workbench for learning to write kernels for **AWS Trainium** in **NKI**, the
Neuron Kernel Interface. You write kernels in Python exactly as you would for real hardware; Kernel Lab runs
them on a simulated NeuronCore and shows you both the results and where the time went.
"""),
    md("intro-notebooks", """
## How notebooks work

A notebook is a list of *cells*:

- **Markdown cells** like this one hold explanations, with tables, code samples and math such as
  $y = \\mathrm{softmax}(x W^\\top)$.
- **Code cells** hold Python. Host code builds inputs with `numpy` and checks results; kernel code is
  decorated with `@nki.jit` and runs on the simulated NeuronCore.

Cells run one after another in a shared session, so a variable defined in one cell is visible in the next,
just like in Jupyter.
"""),
    code("intro-first-code", """
# Host code: plain Python and numpy.
import numpy as np

x = np.arange(8, dtype=np.float32)
print(x * 2)
"""),
    md("intro-targets", """
## Simulated targets

Every run targets one of three Trainium generations. Their NeuronCores differ in clock rates, memory sizes
and engine features, so the same kernel can behave differently on each:

| Target | NeuronCore | SBUF per core | TensorE clock |
|--------|------------|---------------|---------------|
| `trn1` | NeuronCore-v2 | 24 MiB (128 × 192 KiB) | 2.8 GHz |
| `trn2` | NeuronCore-v3 | 28 MiB (128 × 224 KiB) | 2.4 GHz |
| `trn3` | NeuronCore-v4 | 32 MiB (128 × 256 KiB) | 2.4 GHz |

`trn2` is the default.
"""),
    md("intro-next", """
## What comes next

Continue with **A first look at Trainium's memory hierarchy** to learn where data lives on a NeuronCore —
the single most important idea for writing fast kernels.
"""),
], {"order": 1, "difficulty": "beginner", "estimated_minutes": 5,
    "summary": "What a notebook is, how cells run, and which Trainium targets Kernel Lab simulates."})

MEMORY = notebook([
    md("mem-title", """
# A first look at Trainium's memory hierarchy

A NeuronCore computes only on data that sits in its on-chip memories. Moving data in and out of them is
usually what limits a kernel's speed, so every NKI kernel is organised around three steps: **load** inputs
from device memory, **compute** on the engines, and **store** results back.
"""),
    md("mem-levels", """
## Four levels of memory

1. **Host memory** — the CPU's DRAM. NKI kernels cannot address it; the framework copies tensors to the device.
2. **HBM** — the device's high-bandwidth memory. Kernel inputs and outputs live here, as flat (1-D) address
   space. On `trn1` each NeuronCore sees roughly 410 GB/s of it.
3. **SBUF** — the *state buffer*, a software-managed on-chip scratchpad of 24–32 MiB per core. It is
   two-dimensional: **128 partitions**, each a few hundred KiB wide. Every engine reads and writes SBUF.
4. **PSUM** — a small (2 MiB) on-chip buffer next to the Tensor Engine where matrix-multiplication results
   accumulate in FP32: 128 partitions × 16 KiB, split into 8 banks of 2 KiB per partition.
"""),
    md("mem-tiles", """
## Tiles and the partition dimension

On-chip data is organised in **tiles**. A tile's first dimension is the *partition dimension* and can be at
most 128: the engines process all partitions in parallel, one lane per partition, and walk along the second
(*free*) dimension over time.

So a `[128, 512]` tile keeps all 128 lanes busy for 512 steps, while a `[4, 4096]` tile leaves 124 lanes
idle — the same number of elements, but far less parallel work.
"""),
    md("mem-dma", """
## Moving data: DMA

Loads and stores are performed by 16 DMA engines per core. Each engine normally serves 8 partitions, so a
transfer that spans all 128 partitions uses all 16 engines at once, while a narrow one uses only a few.
Transfers also have a fixed start-up cost of around a microsecond, which is why **large, wide transfers**
(at least 2 KiB per partition) are much more efficient than many small ones.
"""),
    md("mem-summary", """
## Summary

| Memory | Shape | Size per core (`trn2`) | Who uses it |
|--------|-------|------------------------|-------------|
| HBM | flat | 12 GiB (shared by a chip's cores) | kernel inputs and outputs |
| SBUF | 128 partitions | 28 MiB | every engine |
| PSUM | 128 partitions, 8 banks | 2 MiB | Tensor Engine results |

In the next tutorials you will load tiles from HBM into SBUF, compute on them and store the results — and
the profiler will show you each of those steps on a timeline.
"""),
], {"order": 2, "difficulty": "beginner", "estimated_minutes": 10,
    "summary": "HBM, SBUF and PSUM; tiles and the 128-partition dimension; why DMA size matters."})

FIRST_KERNEL = notebook([
    md("fk-title", """
# Your first NKI kernel

In this tutorial you write a kernel that adds two tensors on a (simulated) NeuronCore, then grow it step by
step: launch it on a grid of instances, handle shapes that do not divide into tiles, and learn to read the
errors NKI gives you. Run the cells in order with **Shift+Enter**.
"""),
    md("fk-imports", """
## The imports

NKI kernels are Python functions. Three modules give you everything you need:

- `neuronxcc.nki` (as `nki`): the decorator that turns a function into a kernel, and tools to run it;
- `neuronxcc.nki.language` (as `nl`): loading, storing, creating tensors and computing on tiles;
- `neuronxcc.nki.isa` (as `nisa`): the individual instructions of the NeuronCore's engines, for later.
"""),
    code("fk-imports-code", """
import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl
"""),
    md("fk-kernel", """
## Load, compute, store

Every kernel follows the same three steps:

1. **load** inputs from HBM (device memory) into SBUF, the on-chip scratchpad, as *tiles*;
2. **compute** on the tiles with the engines;
3. **store** the result from SBUF back to an output tensor in HBM, which the kernel returns.

The output is created inside the kernel with `nl.ndarray(..., buffer=nl.shared_hbm)`. A tile's first
dimension is the *partition* dimension, at most 128 — so this first kernel works on `[128, 512]` tensors.
"""),
    code("fk-kernel-code", """
@nki.jit
def tensor_add(a_input, b_input):
    # The result lives in device memory (HBM) and is returned to the caller.
    c_output = nl.ndarray(a_input.shape, dtype=a_input.dtype, buffer=nl.shared_hbm)

    # 1. load: HBM -> SBUF
    a_tile = nl.load(a_input)
    b_tile = nl.load(b_input)

    # 2. compute on the Vector Engine
    c_tile = a_tile + b_tile

    # 3. store: SBUF -> HBM
    nl.store(c_output, value=c_tile)
    return c_output
"""),
    md("fk-run", """
Call the kernel with numpy arrays, exactly as you would on a Trainium machine. Kernel Lab simulates it and
hands back a numpy array, which we check against numpy's own answer.
"""),
    code("fk-run-code", """
a = np.random.rand(128, 512).astype(np.float32)
b = np.random.rand(128, 512).astype(np.float32)

c = tensor_add(a, b)
print(c.shape, c.dtype)
print("matches numpy:", np.allclose(c, a + b))
"""),
    md("fk-spmd", """
## Bigger tensors: a grid of kernel instances

A `[256, 1024]` tensor does not fit in one tile. One way to handle it is to launch the kernel on a **grid**:
`kernel[2, 2](...)` runs four *instances*, and each one asks `nl.program_id(axis)` where it sits in the
grid and processes its own `[128, 512]` block. Index expressions built from `nl.arange` say which rows and
columns a tile covers: `[:, None]` makes a column of partition indices, `[None, :]` a row of free indices.
"""),
    code("fk-spmd-code", """
@nki.jit
def tensor_add_grid(a_input, b_input):
    c_output = nl.ndarray(a_input.shape, dtype=a_input.dtype, buffer=nl.shared_hbm)

    # Which block of the tensors this instance owns.
    row0 = nl.program_id(0) * 128
    col0 = nl.program_id(1) * 512
    i_p = row0 + nl.arange(128)[:, None]
    i_f = col0 + nl.arange(512)[None, :]

    a_tile = nl.load(a_input[i_p, i_f])
    b_tile = nl.load(b_input[i_p, i_f])
    nl.store(c_output[i_p, i_f], value=a_tile + b_tile)
    return c_output


a = np.random.rand(256, 1024).astype(np.float32)
b = np.random.rand(256, 1024).astype(np.float32)
c = tensor_add_grid[2, 2](a, b)
print("matches numpy:", np.allclose(c, a + b))
"""),
    md("fk-mask", """
## Shapes that do not divide evenly: masks

Real tensors rarely have a multiple of 128 rows. Instead of a grid, a kernel can loop over row tiles with
`nl.affine_range` and pass a **mask** to `load` and `store`, so the last, partial tile touches only the rows
that exist. (`affine_range` tells the compiler the iterations are independent, so it may overlap them.)
"""),
    code("fk-mask-code", """
@nki.jit
def tensor_add_ragged(a_input, b_input):
    c_output = nl.ndarray(a_input.shape, dtype=a_input.dtype, buffer=nl.shared_hbm)
    rows, cols = a_input.shape

    for t in nl.affine_range((rows + 127) // 128):
        i_p = t * 128 + nl.arange(128)[:, None]
        i_f = nl.arange(cols)[None, :]
        a_tile = nl.load(a_input[i_p, i_f], mask=(i_p < rows))
        b_tile = nl.load(b_input[i_p, i_f], mask=(i_p < rows))
        nl.store(c_output[i_p, i_f], value=a_tile + b_tile, mask=(i_p < rows))
    return c_output


a = np.random.rand(300, 64).astype(np.float32)
b = np.random.rand(300, 64).astype(np.float32)
c = tensor_add_ragged(a, b)
print("matches numpy:", np.allclose(c, a + b))
"""),
    md("fk-errors", """
## Reading NKI errors

When a kernel breaks a rule of the hardware, Kernel Lab stops with an error that names the rule (an NKI
error code), explains it in one line and points at the line of your kernel. The next cell asks for a tile
with 256 partitions — twice what SBUF has. Run it and read the error; it is *meant* to fail.
"""),
    code("fk-errors-code", """
@nki.jit
def too_many_partitions(a_input):
    c_output = nl.ndarray(a_input.shape, dtype=a_input.dtype, buffer=nl.shared_hbm)
    a_tile = nl.load(a_input)          # a [256, 64] tile: too many partitions
    nl.store(c_output, value=a_tile)
    return c_output


too_many_partitions(np.zeros((256, 64), dtype=np.float32))
""", raises=True),
    md("fk-summary", """
## What you learned

- A kernel loads tiles from HBM into SBUF, computes on them and stores the result back to HBM.
- A tile has at most 128 partitions (its first dimension).
- `kernel[grid](...)` launches instances; `nl.program_id` tells each one which block is its own.
- `nl.affine_range` loops over tiles; `mask=` keeps the last, partial tile inside the tensor.
- NKI errors name the rule you broke and the line where it happened.

Next, you will look at *where the time goes* when a kernel runs, with Kernel Lab's profiler.
"""),
], {"order": 3, "difficulty": "beginner", "estimated_minutes": 20,
    "summary": "Load, compute, store: a tensor-add kernel, SPMD grids, masks for ragged shapes, and NKI errors."})

TIME = notebook([
    md("wt-title", """
# Where does the time go?

A kernel that gives the right answer can still be slow. Kernel Lab's simulator times every instruction your
kernel issues on a model of the NeuronCore and turns the result into a **profile**: when each engine was
busy, how many bytes moved between HBM and the chip, and what the profiler thinks you should change.

In this tutorial you will

1. profile a kernel and read its summary and its per-engine timeline;
2. tell a kernel limited by data movement (**DMA-bound**) from one limited by arithmetic
   (**compute-bound**);
3. follow an insight from the profiler to make a matrix multiplication faster, and measure the gain;
4. compare Trainium generations on the same kernel.

Simulated times are *deterministic*: the same kernel on the same target always takes exactly as long, so
any difference you see comes from your change, never from noise. They are estimates from a model of the
hardware, not measurements; the timing model's documentation lists what it does and does not model.
"""),
    code("wt-imports", """
import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl
import neuronxcc.nki.typing as nt
import kernel_lab
"""),
    md("wt-first-profile", """
## Profiling a kernel

`kernel_lab.profile(kernel, *args)` runs a kernel exactly like calling it, and gives back a **profile**
instead of just the result. The kernel's result is still there, as `.outputs`.

Here is the tensor-add kernel from *Your first NKI kernel*, now looping over four row tiles. A profile
shown as the last line of a cell appears as a summary card.
"""),
    code("wt-profile-add", """
@nki.jit
def tensor_add(a_input, b_input):
    c_output = nl.ndarray(a_input.shape, dtype=a_input.dtype, buffer=nl.shared_hbm)
    for t in nl.affine_range(a_input.shape[0] // 128):
        rows = nl.ds(t * 128, 128)
        a_tile = nl.load(a_input[rows, :])
        b_tile = nl.load(b_input[rows, :])
        nl.store(c_output[rows, :], value=a_tile + b_tile)
    return c_output


a = np.random.rand(512, 512).astype(np.float32)
b = np.random.rand(512, 512).astype(np.float32)

add_profile = kernel_lab.profile(tensor_add, a, b)
print("result matches numpy:", np.allclose(add_profile.outputs, a + b))
add_profile
"""),
    md("wt-summary", """
## Reading the summary

The summary's first lines answer "where did the time go?":

- **total_time** is the kernel's simulated run time, from the first instruction to the last.
- **tensor / vector / scalar / gpsimd active** say which share of that time each compute engine was
  busy. The Tensor Engine does matrix multiplications, the Vector and Scalar Engines element-wise work.
- **dma_active_time_percent** is the share of time at least one DMA transfer was moving data between
  HBM and SBUF.

Every metric is also available in code, in `.metrics` or as an attribute of the profile:
"""),
    code("wt-metrics", """
print(f"total time:   {add_profile.total_ns / 1000:.2f} µs")
print(f"vector busy:  {add_profile.vector_engine_active_time_percent:.0f}% of the time")
print(f"DMA busy:     {add_profile.dma_active_time_percent:.0f}% of the time")
print(f"HBM traffic:  {(add_profile.hbm_read_bytes + add_profile.hbm_write_bytes) // 1024} KiB")
"""),
    md("wt-timeline", """
## The timeline

`.timeline()` draws one row per engine and per DMA queue, with a bar for every instruction, placed at the
time the simulator ran it. Hover over a bar to see which instruction it was and which line issued it.

Look for two things in this one: the DMA rows are busy most of the time, while the Vector Engine's
additions are short bars with long gaps between them, waiting for tiles to arrive.
"""),
    code("wt-timeline-code", """
add_profile.timeline()
"""),
    md("wt-bound", """
## DMA-bound or compute-bound?

Every kernel moves bytes between HBM and the chip and does arithmetic on them. Which of the two takes
longer decides what limits it:

- The tensor add does **one** addition for every **12 bytes** it moves (two 4-byte inputs in, one 4-byte
  result out). No engine can be kept busy on so little work per byte: the kernel is **DMA-bound**. The
  only way to make it faster is to move fewer bytes, or move them more efficiently.
- A matrix multiplication of an `[M, K]` by a `[K, N]` matrix does `2·M·N·K` operations on only
  `M·K + K·N` input values. The bigger the matrices, the more arithmetic per byte, so a matrix
  multiplication *can* be **compute-bound** — if the kernel does not load the same data again and again.

The number that decides it is the **arithmetic intensity**: operations per byte moved. The summary
compares it with the target's *ridge point*, the intensity at which the Tensor Engine's peak rate and the
HBM bandwidth take equally long. Below the ridge a kernel is memory-bound; above it, compute-bound.
"""),
    md("wt-matmul", """
## Profiling a matrix multiplication

Here is the tiled matrix multiplication of NKI's matmul tutorial. It computes `lhsT.T @ rhs`: for every
`[128, 512]` tile of the result it walks along `K`, loading a tile of each input and accumulating their
product in PSUM, then copies the tile to SBUF and stores it.

To profile it at a realistic size, pass **shape-only** inputs, `nt.tensor[[rows, cols], dtype]`, as NKI's
benchmarking does on real hardware. The kernel then runs *timing-only*: the simulator follows every
instruction but skips the arithmetic, so large shapes stay quick.
"""),
    code("wt-naive", """
@nki.jit
def matmul_tiled(lhsT, rhs):
    K, M = lhsT.shape
    _, N = rhs.shape
    result = nl.ndarray((M, N), dtype=nl.float32, buffer=nl.shared_hbm)
    for m in nl.affine_range(M // 128):
        for n in nl.affine_range(N // 512):
            acc = nl.zeros((128, 512), dtype=nl.float32, buffer=nl.psum)
            for k in nl.affine_range(K // 128):
                lhs_tile = nl.load(lhsT[k * 128:(k + 1) * 128, m * 128:(m + 1) * 128])
                rhs_tile = nl.load(rhs[k * 128:(k + 1) * 128, n * 512:(n + 1) * 512])
                acc += nl.matmul(lhs_tile, rhs_tile, transpose_x=True)
            res = nl.copy(acc, dtype=nl.float32)
            nl.store(result[m * 128:(m + 1) * 128, n * 512:(n + 1) * 512], value=res)
    return result


lhsT = nt.tensor[[1024, 1024], nl.bfloat16]   # K x M
rhs = nt.tensor[[1024, 2048], nl.bfloat16]    # K x N

tiled = kernel_lab.profile(matmul_tiled, lhsT, rhs)
tiled
"""),
    md("wt-insights", """
## What the insights say

Below the numbers, the profiler lists **insights**: patterns it recognised in the timeline, ranked by how
much time fixing each one would save, each with the source lines responsible. `.insights` gives them as a
list of dictionaries:
"""),
    code("wt-insights-code", """
for insight in tiled.insights:
    print(f"[{insight['severity']}] {insight['title']} (about {insight['estimated_gain_percent']:.0f}% of the time)")
    print(f"    lines {insight['lines']}: {insight['recommendation']}")
"""),
    md("wt-why", """
Both insights point at the two `nl.load` lines inside the `k` loop. Count what they load: each tile of
`lhsT` is loaded again for every one of the `N / 512 = 4` column blocks, and each tile of `rhs` for every
one of the `M / 128 = 8` row blocks. The kernel reads **40 MiB** from HBM to multiply 6 MiB of inputs, in
transfers so small that their fixed start-up cost adds up — and while the loads are in flight, the Tensor
Engine has nothing to multiply.
"""),
    md("wt-fix", """
## Applying the fix: load once, in wide transfers

The insights suggest hoisting the loads out of the inner loops and loading bigger blocks. These inputs are
small enough to sit in SBUF whole (2 MiB and 4 MiB, of 24–32 MiB), so the simplest fix loads each operand
**once**, one wide `[128, M]` or `[128, N]` transfer per `K` tile, and then multiplies straight out of SBUF.
(For matrices too big for SBUF, you would load one *block* at a time the same way: that is the blocking of
NKI's matmul tutorial.)

`kernel_lab.compare(before, after)` puts two profiles side by side.
"""),
    code("wt-blocked", """
@nki.jit
def matmul_hoisted(lhsT, rhs):
    K, M = lhsT.shape
    _, N = rhs.shape
    result = nl.ndarray((M, N), dtype=nl.float32, buffer=nl.shared_hbm)

    # Each operand is loaded once, in one wide transfer per 128-row K tile.
    lhs_all = nl.ndarray((K // 128, nl.par_dim(128), M), dtype=lhsT.dtype, buffer=nl.sbuf)
    rhs_all = nl.ndarray((K // 128, nl.par_dim(128), N), dtype=rhs.dtype, buffer=nl.sbuf)
    for k in nl.affine_range(K // 128):
        lhs_all[k] = nl.load(lhsT[k * 128:(k + 1) * 128, :])
        rhs_all[k] = nl.load(rhs[k * 128:(k + 1) * 128, :])

    for m in nl.affine_range(M // 128):
        for n in nl.affine_range(N // 512):
            acc = nl.zeros((128, 512), dtype=nl.float32, buffer=nl.psum)
            for k in nl.affine_range(K // 128):
                acc += nl.matmul(lhs_all[k, :, m * 128:(m + 1) * 128], rhs_all[k, :, n * 512:(n + 1) * 512],
                                 transpose_x=True)
            res = nl.copy(acc, dtype=nl.float32)
            nl.store(result[m * 128:(m + 1) * 128, n * 512:(n + 1) * 512], value=res)
    return result


hoisted = kernel_lab.profile(matmul_hoisted, lhsT, rhs)
print(f"speed-up: {tiled.total_ns / hoisted.total_ns:.2f}x")
print(f"HBM reads: {tiled.hbm_read_bytes // 2**20} MiB -> {hoisted.hbm_read_bytes // 2**20} MiB")
for insight in hoisted.insights:
    print(f"insight left: {insight['title']}: {insight['summary']}")
kernel_lab.compare(tiled, hoisted)
"""),
    md("wt-fix-explained", """
The kernel now reads each input byte once. Its arithmetic intensity is above the ridge point, so it has
become compute-bound: the Tensor Engine is busy for a much larger share of the time, the DMA queues for a
much smaller one, and the insights about reloading tiles and small transfers are gone. One wait is
left: the first matmuls cannot start before their operands are in SBUF, so the Tensor Engine idles while
the first wide loads arrive — a one-time cost at the start, not a wait in every iteration. Compare
`tiled.timeline()` with `hoisted.timeline()` to see the gaps in the Tensor Engine's row close.

A faster kernel is only worth having if it still computes the right answer. Timing-only runs skip the
arithmetic, so check it with real numbers at a small size:
"""),
    code("wt-check", """
x = np.random.rand(256, 256).astype(np.float32)
y = np.random.rand(256, 512).astype(np.float32)
print("matches numpy:", np.allclose(matmul_hoisted(x, y), x.T @ y, rtol=1e-4, atol=1e-4))
"""),
    md("wt-blocking", """
## When the matrices do not fit: blocking

Loading everything once only works while both inputs fit in SBUF. Make the problem bigger,
`lhsT` `[4096, 2048]` and `rhs` `[4096, 4096]` in bf16: that is 16 MiB + 32 MiB, more than the whole SBUF.
The tiled kernel still runs, loading tiles again and again. The blocked kernel of NKI's matmul tutorial
keeps a **block** of `lhsT` columns in SBUF (all of `K`, 1024 columns: 8 MiB) and streams `rhs` through it
one 1024-column block at a time (8 MiB), so each `lhsT` byte is read from HBM once and each `rhs` byte once
per row block.
"""),
    code("wt-blocking-code", """
@nki.jit
def matmul_blocked(lhsT, rhs):
    K, M = lhsT.shape
    _, N = rhs.shape
    BM, BN = 1024, 1024
    result = nl.ndarray((M, N), dtype=nl.float32, buffer=nl.shared_hbm)
    for mb in nl.affine_range(M // BM):
        # A block of lhsT columns, all of K, loaded once and reused for every block of rhs.
        lhs_blk = nl.ndarray((K // 128, nl.par_dim(128), BM), dtype=lhsT.dtype, buffer=nl.sbuf)
        for k in nl.affine_range(K // 128):
            lhs_blk[k] = nl.load(lhsT[k * 128:(k + 1) * 128, mb * BM:(mb + 1) * BM])
        for nb in nl.affine_range(N // BN):
            rhs_blk = nl.ndarray((K // 128, nl.par_dim(128), BN), dtype=rhs.dtype, buffer=nl.sbuf)
            for k in nl.affine_range(K // 128):
                rhs_blk[k] = nl.load(rhs[k * 128:(k + 1) * 128, nb * BN:(nb + 1) * BN])
            for m in nl.affine_range(BM // 128):
                for n in nl.affine_range(BN // 512):
                    acc = nl.zeros((128, 512), dtype=nl.float32, buffer=nl.psum)
                    for k in nl.affine_range(K // 128):
                        acc += nl.matmul(lhs_blk[k, :, m * 128:(m + 1) * 128],
                                         rhs_blk[k, :, n * 512:(n + 1) * 512], transpose_x=True)
                    res = nl.copy(acc, dtype=nl.float32)
                    row = mb * BM + m * 128
                    col = nb * BN + n * 512
                    nl.store(result[row:row + 128, col:col + 512], value=res)
    return result


big_lhsT = nt.tensor[[4096, 2048], nl.bfloat16]
big_rhs = nt.tensor[[4096, 4096], nl.bfloat16]
big_tiled = kernel_lab.profile(matmul_tiled, big_lhsT, big_rhs)
big_blocked = kernel_lab.profile(matmul_blocked, big_lhsT, big_rhs)
print(f"HBM reads: tiled {big_tiled.hbm_read_bytes // 2**20} MiB, blocked {big_blocked.hbm_read_bytes // 2**20} MiB")
print(f"speed-up: {big_tiled.total_ns / big_blocked.total_ns:.2f}x")

x = np.random.rand(256, 1024).astype(np.float32)
y = np.random.rand(256, 1024).astype(np.float32)
print("matches numpy:", np.allclose(matmul_blocked(x, y), x.T @ y, rtol=1e-4, atol=1e-4))
"""),
    md("wt-blocking-explained", """
The blocked kernel moves far fewer bytes, so the Tensor Engine waits less. Its insights now mention SBUF
pressure: the two 8 MiB blocks fill much of SBUF, which is the price of reuse. Smaller blocks use less
SBUF and read `rhs` more often; choosing the block size is the trade-off every matmul kernel makes.
"""),
    md("wt-targets", """
## Comparing Trainium generations

The same kernel behaves differently on each generation, because their engines and memories differ.
`target=` picks the generation for one profile; `kernel_lab.targets()` lists them:
"""),
    code("wt-targets-list", """
for name, description in kernel_lab.targets():
    print(f"{name}: {description}")
"""),
    code("wt-trn3", """
on_trn3 = kernel_lab.profile(matmul_tiled, lhsT, rhs, target="trn3")
kernel_lab.compare(tiled, on_trn3)
"""),
    md("wt-all-targets", """
`trn3` has much more HBM bandwidth per core than `trn2`, so the DMA-bound tiled kernel gains a lot from
it. What about the compute-bound version? `kernel_lab.targets(kernel, *args)` profiles a kernel on all
three generations at once:
"""),
    code("wt-targets-hoisted", """
by_target = kernel_lab.targets(matmul_hoisted, lhsT, rhs)
hoisted_trn3 = by_target.profiles["trn3"]
print(f"trn2 -> trn3: tiled kernel {tiled.total_ns / on_trn3.total_ns:.2f}x faster, "
      f"hoisted kernel {hoisted.total_ns / hoisted_trn3.total_ns:.2f}x faster")
by_target
"""),
    md("wt-targets-explained", """
The hoisted kernel gains less from `trn3` than the tiled one did. It no longer waits for HBM, so more bandwidth helps it less; its time now follows the
engines' compute rates and clocks, which differ less between generations. A kernel's bottleneck decides
which hardware improvement helps it.
"""),
    code("wt-ladder", """
# Every step of the ladder on every generation, at the big size.
print(f"{'target':7}{'tiled':>12}{'blocked':>12}{'speed-up':>10}")
for name in ("trn1", "trn2", "trn3"):
    t = kernel_lab.profile(matmul_tiled, big_lhsT, big_rhs, target=name)
    b = kernel_lab.profile(matmul_blocked, big_lhsT, big_rhs, target=name)
    print(f"{name:7}{t.total_ns / 1000:10.1f} µs{b.total_ns / 1000:10.1f} µs{t.total_ns / b.total_ns:9.2f}x")
"""),
    md("wt-ladder-explained", """
Blocking helps on every generation, and most on `trn1`, which has the least HBM bandwidth: the DMA-bound
tiled kernel suffers most there, while the blocked kernel's time barely changes between generations
because it no longer waits for memory.
"""),
    md("wt-benchmark", """
## The hardware way: `nki.benchmark`

On a real Trainium machine you would measure latency with `nki.benchmark`, which runs the kernel several
times and reports percentiles. Kernel Lab accepts the same code; since simulated time has no noise, every
percentile is the same.
"""),
    code("wt-benchmark-code", """
bench = nki.benchmark(warmup=2, iters=10)(matmul_hoisted)
bench(lhsT, rhs)
print("p50 latency:", bench.benchmark_result.nc_latency.get_latency_percentile(50), "µs")
"""),
    md("wt-summary-end", """
## What you learned

- `kernel_lab.profile(kernel, *args)` runs a kernel and returns its profile: summary metrics, a per-engine
  timeline, and insights ranked by estimated gain.
- A kernel with little arithmetic per byte is **DMA-bound**: the DMA queues are busy and the engines wait.
  With enough arithmetic per byte it becomes **compute-bound**.
- Loading the same data again inside inner loops, in small transfers, is the classic reason a matrix
  multiplication stays DMA-bound. Loading each operand once, in wide transfers, fixed it here; when the
  inputs do not fit in SBUF, **blocking** reuses a block of one operand across the other.
- `kernel_lab.compare` shows what a change did; `target=` and `kernel_lab.targets` show how each Trainium
  generation runs the same kernel — and a kernel's bottleneck decides which one helps it most.
"""),
], {"order": 4, "difficulty": "intermediate", "estimated_minutes": 30,
    "summary": "Profile kernels: summary, per-engine timeline and insights; DMA-bound vs compute-bound; "
               "fix a matmul's loads and compare trn1, trn2 and trn3."})


def main():
    ROOT.mkdir(exist_ok=True)
    for name, nb in [("01-welcome-to-kernel-lab.ipynb", INTRO), ("02-trainium-memory-hierarchy.ipynb", MEMORY),
                     ("03-your-first-nki-kernel.ipynb", FIRST_KERNEL), ("04-where-does-the-time-go.ipynb", TIME)]:
        (ROOT / name).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

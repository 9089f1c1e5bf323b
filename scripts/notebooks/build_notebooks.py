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


def main():
    ROOT.mkdir(exist_ok=True)
    for name, nb in [("01-welcome-to-kernel-lab.ipynb", INTRO), ("02-trainium-memory-hierarchy.ipynb", MEMORY),
                     ("03-your-first-nki-kernel.ipynb", FIRST_KERNEL)]:
        (ROOT / name).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

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


def main():
    ROOT.mkdir(exist_ok=True)
    for name, nb in [("01-welcome-to-kernel-lab.ipynb", INTRO), ("02-trainium-memory-hierarchy.ipynb", MEMORY)]:
        (ROOT / name).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

"""Golden file for serializeNotebook: how Jupyter's JSON writer lays out a notebook (indent 1, non-ASCII
kept, trailing newline), without nbformat's key sorting since Kernel Lab keeps the stored key order.
Run: python3 tests/unit/home/notebook-json.gen.py"""
import json
import pathlib

notebook = {
    "nbformat": 4,
    "nbformat_minor": 5,
    "metadata": {
        "kernelspec": {"name": "nki", "display_name": "NKI (Trainium simulator)", "language": "python"},
        "kernel_lab": {"target": "trn3", "unknown_tool": {"nested": [1, 2.5, None, True, {}], "empty": []}},
        "zzz_unsorted_key": "kept where it was",
    },
    "cells": [
        {
            "cell_type": "markdown",
            "id": "md-1",
            "metadata": {"tags": ["intro"]},
            "source": ["# Übung — naïve ∑ café 🚀\n", "Math: $\\alpha_i$, tab\there, quote \" and backslash \\ \n", "line\u2028separator"],
        },
        {
            "cell_type": "code",
            "id": "code-1",
            "metadata": {"collapsed": False},
            "execution_count": 3,
            "source": "print('\\x1b[31mred\\x1b[0m')",
            "outputs": [
                {"output_type": "stream", "name": "stdout", "text": ["\u001b[31mred\u001b[0m\n", "\u0000\u007f end"]},
                {
                    "output_type": "display_data",
                    "data": {"text/plain": ["<Figure>"], "application/vnd.custom+json": {"a": [], "b": {}}},
                    "metadata": {"isolated": True},
                },
            ],
        },
    ],
}

out = pathlib.Path(__file__).with_name("notebook-json.golden.ipynb")
out.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"wrote {out}")

"""Run a test's bitset loops in numpy or compiled (``sim.analysis.kernels``), whatever their size."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import pytest

from sim.analysis import kernels

LOOPS = ("numpy", "compiled")


@contextmanager
def loops(name: str) -> Iterator[None]:
    """Within the block, every bitset loop runs the named way: "compiled" from a single word on."""
    with pytest.MonkeyPatch.context() as patch:
        if name == "compiled":
            from sim.analysis import compiled

            patch.setattr(kernels, "_loaded", [compiled])
            patch.setattr(kernels, "USE_FROM", 0)
        else:
            patch.setattr(kernels, "_loaded", [None])
        yield

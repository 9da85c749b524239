"""Small timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from typing import Callable


def median_seconds(fn: Callable[[], object], repeats: int = 7, number: int = 1) -> float:
    """Median wall time of ``number`` calls, over ``repeats`` runs, divided by ``number``."""
    fn()  # warm caches (compiled scenarios, imports) so they are not billed to the first run
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        runs.append((time.perf_counter() - start) / number)
    return statistics.median(runs)


def peak_megabytes(fn: Callable[[], object]) -> float:
    """Peak Python-heap allocation of one call, in MB (numpy buffers included: they use tracemalloc)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def report(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.3f} {unit}", flush=True)

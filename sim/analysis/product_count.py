"""The exact count by the compiled loops, without listing the L side.

Listing L (``sim.analysis.count_tables.split``), then looking up its rows' tops per column, costs more
than the compiled count itself on large spaces: 216,000 rows by 4 columns on the 14-issue
benchmark. L's rows are sums over its blocks, so they are taken here as pairs from two short
lists, the blocks split between them about evenly, and the compiled loop
(``sim.analysis.compiled.product_total``) adds each pair's sums and looks up its tops as it goes.
"""

from __future__ import annotations

import math

import numpy as np

from sim.analysis import budget, kernels
from sim.analysis.blocks import Decomposition
from sim.analysis.count_tables import (CHUNK, SLICE, AtLeast, Prefixes, cached_side, chunk_prefixes, chunks,
                                       closest_product, fewest_passing, minimums_of, partition, tops_of)

SAMPLE = 64  # rows of each list behind the choice of the pivot column (SAMPLE ** 2 pairs)


def listless_count(decomposition: Decomposition, cache: dict | None = None) -> int | None:
    """``sim.analysis.counting.exact_count`` of a feasible decomposition, or None where numpy should count
    instead: no constraint, a space too small to repay the compiled loops (or none loaded), or a
    column too wide for an at-least table."""
    columns, minimums = minimums_of(decomposition)
    if not len(columns):
        return None
    left, right_blocks = partition(decomposition)
    rows = math.prod(len(decomposition.blocks[b].columns) for b in left)
    right = cached_side(decomposition, right_blocks, cache)
    loops = kernels.compiled(rows * len(columns) * ((min(len(right.columns), CHUNK) + 63) // 64))
    if loops is None:
        return None
    firsts, seconds = _halves(decomposition, left, columns, cache)
    best = firsts.max(axis=0) + seconds.max(axis=0) + right.columns[:, columns].max(axis=0)
    if np.any(best < minimums):  # some column no proposal reaches
        return 0
    sample = (firsts[_spread(len(firsts))][:, None, :] + seconds[_spread(len(seconds))][None, :, :]).reshape(-1, len(columns))
    total = 0
    for start, chunk in chunks(right, columns):
        def pivot(at_least: tuple[AtLeast, ...]) -> int:
            return fewest_passing(tops_of(at_least, sample, minimums))

        found = chunk_prefixes(right, columns, start, chunk, pivot, cache)
        lookups = _lookups(found)
        if lookups is None:
            return None
        step = max(1, SLICE // len(seconds))
        for first in range(0, len(firsts), step):
            budget.check()
            total += int(loops.product_total(found.flat, found.entries + 1, found.pivot, firsts[first:first + step],
                                             seconds, minimums, *lookups))
    return total


def _halves(decomposition: Decomposition, left: list[int], columns: np.ndarray,
            cache: dict | None) -> tuple[np.ndarray, np.ndarray]:
    """L's blocks as two lists of column sums (constrained columns only) whose pairs are L's rows."""
    sizes = tuple(len(decomposition.blocks[b].columns) for b in left)
    second = [left[p] for p in closest_product(sizes, math.isqrt(math.prod(sizes)))]
    first = [b for b in left if b not in second]
    return tuple(np.ascontiguousarray(cached_side(decomposition, part, cache).columns[:, columns])
                 for part in (first, second))


def _spread(count: int) -> np.ndarray:
    """Up to ``SAMPLE`` positions spread evenly over ``count``."""
    return np.unique(np.linspace(0, count - 1, min(count, SAMPLE)).astype(np.int64))


def _lookups(found: Prefixes) -> tuple[np.ndarray, ...] | None:
    """(reaching, starts, lengths, lows): the chunk's at-least tables in ``product_total``'s layout."""
    tables = found.at_least
    if any(table.counts is None for table in tables):
        return None
    lengths = np.array([len(table.counts) for table in tables], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    reaching = np.concatenate([table.counts for table in tables]).astype(np.int32)
    return reaching, starts, lengths, np.array([table.low for table in tables], dtype=np.int64)

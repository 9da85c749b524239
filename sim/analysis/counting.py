"""Counting the proposals every party accepts, exactly, without listing them.

The blocks are split into two sides, L and R, of about equal size, and each side's joint choices are
listed with their column sums. A pair (a, b) is accepted when ``L[a, k] + R[b, k] >= minimum[k]``
for every constrained column k. For one column, the b that pass are a prefix of R sorted by that
column, so R gets one table of prefix bitsets per column (row j: the top j entries), and the
partners of a row a are the AND of one prefix per column, counted by popcount. That is
``|L| * |R| / 64`` word operations per column: about a millisecond for the ten-million-proposal
benchmark, where testing every proposal takes a tenth of a second.

Spaces past ``PAIR_BUDGET`` are estimated by uniform sampling instead, and say so.
"""

from __future__ import annotations

import math
import random
from typing import Iterator

import numpy as np

from sim.analysis import budget
from sim.analysis.bitsets import descending_order
from sim.analysis.blocks import Decomposition
from sim.analysis.count_tables import (SLICE, AtLeast, Prefixes, Side, chunk_prefixes, chunks, compiled_tops,
                                       fewest_passing, minimums_of, split, tops_of)
from sim.analysis.product_count import listless_count
from sim.record import frozen

ROWS = 1024  # L rows gathered at once: ROWS * CHUNK / 8 bytes, 1 MB, so the batch stays in cache
PAIR_BUDGET = 2_000_000_000  # proposals counted exactly; past this, counts are estimates
SAMPLES = 200_000  # draws behind an estimate: about 2% error at a ZOPA of one proposal in 200


@frozen
class Count:
    size: int
    exact: bool
    error: float = 0.0  # standard error of an estimate


def _batches(tops: list[np.ndarray], bound: np.ndarray) -> Iterator[np.ndarray]:
    """The L rows some entry passes in every column, in batches of ``ROWS``, in ascending order of
    their pivot column's top, so that each batch reads only the words up to its largest top (and
    the batch's bitsets stay in cache)."""
    passing = np.logical_and.reduce([t > 0 for t in tops])
    rows = np.nonzero(passing)[0]
    rows = rows[descending_order(-bound[rows].astype(np.int64))]  # ascending, ties in row order
    for first in range(0, len(rows), ROWS):
        budget.check()
        yield rows[first:first + ROWS]


def _count_rows(prefixes: Prefixes, tops: list[np.ndarray]) -> np.ndarray:
    """How many R entries of a chunk each L row is accepted with, from the rows' ``tops``."""
    bound = tops[prefixes.pivot]
    counts = np.zeros(len(bound), dtype=np.int64)
    loops = prefixes.loops(len(bound))
    if loops is not None:
        for first in range(0, len(bound), SLICE):
            budget.check()
            loops.row_totals(prefixes.flat, prefixes.entries + 1, compiled_tops(tops, first), prefixes.pivot,
                             counts[first:first + SLICE])
        return counts
    for rows in _batches(tops, bound):
        counts[rows] = np.bitwise_count(_and_over_columns(prefixes, tops, rows)).sum(axis=1, dtype=np.int64)
    return counts


def _count_pairs(prefixes: Prefixes, tops: list[np.ndarray]) -> int:
    """``_count_rows`` summed: a total over a whole batch is several times cheaper than per row."""
    loops = prefixes.loops(len(tops[0]))
    if loops is not None:
        total = 0
        for first in range(0, len(tops[0]), SLICE):
            budget.check()
            total += int(loops.pair_total(prefixes.flat, prefixes.entries + 1, compiled_tops(tops, first),
                                          prefixes.pivot))
        return total
    total = 0
    for rows in _batches(tops, tops[prefixes.pivot]):
        total += int(np.bitwise_count(_and_over_columns(prefixes, tops, rows)).sum(dtype=np.int64))
    return total


def _and_over_columns(prefixes: Prefixes, tops: list[np.ndarray], rows: np.ndarray) -> np.ndarray:
    """The AND of every column's prefix for each row of a batch, as far as its largest pivot top.
    The pivot's prefix is the row's first bits: all ones in the words every row of the batch fills
    (``full``), so it is read only past them."""
    bound = tops[prefixes.pivot]
    words, full = (int(bound[rows[-1]]) + 63) // 64, int(bound[rows[0]]) // 64
    others = [k for k in range(len(tops)) if k != prefixes.pivot]
    if not others:
        return prefixes.bitsets[prefixes.pivot][bound[rows], :words]
    acc = prefixes.bitsets[others[0]][tops[others[0]][rows], :words]
    for k in others[1:]:
        acc &= prefixes.bitsets[k][tops[k][rows], :words]
    if full < words:
        acc[:, full:] &= prefixes.bitsets[prefixes.pivot][bound[rows], full:words]
    return acc


def _chunks(right: Side, columns: np.ndarray, minimums: np.ndarray, lcols: np.ndarray,
            cache: dict | None) -> Iterator[tuple[Prefixes, list[np.ndarray]]]:
    """Each chunk of R's tables (from the cache when there) and the L rows' tops in it."""
    for start, chunk in chunks(right, columns):
        computed: list[list[np.ndarray]] = []

        def pivot(at_least: tuple[AtLeast, ...]) -> int:  # the rows' tops, kept for the count
            computed.append(tops_of(at_least, lcols, minimums))
            return fewest_passing(computed[0])

        found = chunk_prefixes(right, columns, start, chunk, pivot, cache)
        yield found, computed[0] if computed else found.tops(lcols, minimums)


def _constrained(decomposition: Decomposition, left: Side, right: Side) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(columns, minimums, L's columns there); None when no L row can pass even with R's best."""
    columns, minimums = minimums_of(decomposition)
    lcols = left.columns[:, columns]
    if not np.any(np.all(lcols + right.columns[:, columns].max(axis=0) >= minimums, axis=1)):
        return None
    return columns, minimums, lcols


def row_counts(decomposition: Decomposition, left: Side, right: Side, cache: dict | None = None) -> np.ndarray:
    """How many R partners every L row has (int64, one per L row)."""
    counts = np.zeros(len(left.columns), dtype=np.int64)
    if not len(decomposition.problem.constraints):
        counts[:] = len(right.columns)
        return counts
    constrained = _constrained(decomposition, left, right)
    if constrained is not None:
        for found, tops in _chunks(right, *constrained, cache):
            counts += _count_rows(found, tops)
    return counts


def pair_count(decomposition: Decomposition, left: Side, right: Side, cache: dict | None = None) -> int:
    """``row_counts(...).sum()``, without counting row by row."""
    if not len(decomposition.problem.constraints):
        return len(left.columns) * len(right.columns)
    constrained = _constrained(decomposition, left, right)
    if constrained is None:
        return 0
    return sum(_count_pairs(found, tops) for found, tops in _chunks(right, *constrained, cache))


def _count_variants(prefixes: Prefixes, tops: list[np.ndarray], changes: list[dict[int, np.ndarray]]) -> list[int]:
    """Accepted pairs of a chunk with the base minimums, then with each change of some columns'
    tops: one pass over the L rows for all of them. A change of one column reuses the AND of every
    other column (kept as prefix and suffix ANDs), so each extra count costs one gather, one AND
    and one popcount per word instead of a whole count."""
    loops = prefixes.loops(len(tops[0]) * (len(tops) + len(changes)))
    if loops is not None and all(len(change) == 1 for change in changes):
        return _count_variants_compiled(loops, prefixes, tops, changes)
    width = len(tops)
    reach = [np.maximum.reduce([t] + [c[k] for c in changes if k in c]) for k, t in enumerate(tops)]
    bound = reach[prefixes.pivot]
    totals = [0] * (1 + len(changes))
    for rows in _batches(reach, bound):
        words = (int(bound[rows[-1]]) + 63) // 64
        gathered = [prefixes.bitsets[k][tops[k][rows], :words] for k in range(width)]
        before = [None] * (width + 1)  # before[k]: AND of columns < k (None: no column)
        for k in range(width):
            before[k + 1] = gathered[k] if before[k] is None else before[k] & gathered[k]
        after = [None] * (width + 1)  # after[k]: AND of columns >= k
        for k in range(width - 1, -1, -1):
            after[k] = gathered[k] if after[k + 1] is None else after[k + 1] & gathered[k]
        totals[0] += int(np.bitwise_count(before[width]).sum(dtype=np.int64))
        for v, change in enumerate(changes, start=1):
            if len(change) == 1:
                (k, changed), = change.items()
                parts = [x for x in (before[k], after[k + 1]) if x is not None]
                acc = prefixes.bitsets[k][changed[rows], :words]
                for part in parts:
                    acc &= part
            else:
                acc = None
                for k in range(width):
                    part = prefixes.bitsets[k][change[k][rows], :words] if k in change else gathered[k]
                    acc = part.copy() if acc is None else acc & part
            totals[v] += int(np.bitwise_count(acc).sum(dtype=np.int64))
    return totals


def _count_variants_compiled(loops, prefixes: Prefixes, tops: list[np.ndarray],
                             changes: list[dict[int, np.ndarray]]) -> list[int]:
    """``_count_variants`` for changes of one column each, by the compiled loop."""
    changed = np.array([k for change in changes for k in change], dtype=np.int64)
    totals = np.zeros(1 + len(changes), dtype=np.int64)
    for first in range(0, len(tops[0]), SLICE):
        budget.check()
        changed_tops = np.array([t[first:first + SLICE] for change in changes for t in change.values()],
                                dtype=np.int32).reshape(len(changes), -1)
        loops.variant_totals(prefixes.flat, prefixes.entries + 1, compiled_tops(tops, first), prefixes.pivot,
                             changed, changed_tops, totals)
    return totals.tolist()


def counts_with_minimums(decomposition: Decomposition, variants: list[dict[int, int | None]],
                         cache: dict | None = None) -> list[int] | None:
    """The exact count, then the count with each variant's minimums instead (column -> minimum, None
    for no minimum at all), in one pass; None when a variant constrains a column the problem does
    not (its tables were never built) or the space is past the budget."""
    if not countable(decomposition):
        return None
    columns, minimums = minimums_of(decomposition)
    position = {c: k for k, c in enumerate(columns.tolist())}
    if any(c not in position for variant in variants for c in variant):
        return None
    if not decomposition.feasible:
        return [0] * (1 + len(variants))
    if not len(columns):
        return [decomposition.size] * (1 + len(variants))
    left, right = split(decomposition, cache)
    offset = decomposition.offset
    lowered = [{position[c]: (None if m is None else m - int(offset[c])) for c, m in variant.items()}
               for variant in variants]
    lcols = left.columns[:, columns]
    totals = [0] * (1 + len(variants))
    for found, tops in _chunks(right, columns, minimums, lcols, cache):
        entries = found.entries
        changes = [{k: np.full(len(lcols), entries, dtype=np.int32) if m is None
                    else found.at_least[k].reaching(m - lcols[:, k]) for k, m in change.items()}
                   for change in lowered]
        for v, total in enumerate(_count_variants(found, tops, changes)):
            totals[v] += total
    return totals


def partners(decomposition: Decomposition, left: Side, right: Side, row: int) -> np.ndarray:
    """The R rows accepted together with one L row, ascending."""
    columns, minimums = minimums_of(decomposition)
    if not len(columns):
        return np.arange(len(right.columns))
    need = minimums - left.columns[row, columns]
    return np.nonzero(np.all(right.columns[:, columns] >= need, axis=1))[0]


def exact_count(decomposition: Decomposition, cache: dict | None = None) -> int:
    if not decomposition.feasible:
        return 0
    found = listless_count(decomposition, cache)
    if found is not None:
        return found
    left, right = split(decomposition, cache)
    return pair_count(decomposition, left, right, cache)


def countable(decomposition: Decomposition) -> bool:
    return decomposition.size <= PAIR_BUDGET


def estimate_count(decomposition: Decomposition, rng: random.Random, samples: int = SAMPLES) -> Count:
    """An unbiased estimate from uniform draws over the blocks, with its standard error."""
    if not decomposition.feasible:
        return Count(0, True)
    generator = np.random.default_rng(rng.getrandbits(64))
    sums = np.broadcast_to(decomposition.offset, (samples, decomposition.problem.width)).copy()
    for block in decomposition.blocks:
        sums += block.columns[generator.integers(0, len(block.columns), samples)]
    hits = int(np.all(sums[:, [c for c, _ in decomposition.problem.constraints]]
                      >= np.array([m for _, m in decomposition.problem.constraints], dtype=np.int64), axis=1).sum())
    share = hits / samples
    size = decomposition.size
    return Count(round(size * share), False, size * math.sqrt(share * (1 - share) / samples))


def count(decomposition: Decomposition, rng: random.Random | None = None, cache: dict | None = None) -> Count:
    """The number of accepted proposals: exact when the space is within budget, else estimated."""
    if countable(decomposition):
        return Count(exact_count(decomposition, cache), True)
    return estimate_count(decomposition, rng or random.Random(0))

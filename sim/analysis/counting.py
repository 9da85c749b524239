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
from typing import Callable, Iterator

import numpy as np
from attrs import frozen

from sim.analysis import budget, kernels
from sim.analysis.bitsets import descending_order, prefix_table
from sim.analysis.blocks import Decomposition

CHUNK = 8192  # R entries per bitset table: (CHUNK + 1) * CHUNK / 8 bytes, 8 MB, per column
R_TARGET = 4096  # the most entries the R side aims at (see ``split``): tables of 2 MB a column
ROWS = 1024  # L rows gathered at once: ROWS * CHUNK / 8 bytes, 1 MB, so the batch stays in cache
SLICE = 65_536  # L rows one compiled call counts between two checks of the time limit
PAIR_BUDGET = 2_000_000_000  # proposals counted exactly; past this, counts are estimates
SAMPLES = 200_000  # draws behind an estimate: about 2% error at a ZOPA of one proposal in 200


@frozen(eq=False)
class Side:
    blocks: tuple[int, ...]  # positions in the decomposition's blocks
    shape: tuple[int, ...]  # rows of each of those blocks
    columns: np.ndarray  # (rows, width): the column sums of every joint choice of the side's blocks

    def rows(self, row: int) -> tuple[int, ...]:
        """The row of each block behind one row of the side."""
        return tuple(int(r) for r in np.unravel_index(row, self.shape)) if self.shape else ()


@frozen
class Count:
    size: int
    exact: bool
    error: float = 0.0  # standard error of an estimate


def _side(decomposition: Decomposition, blocks: list[int]) -> Side:
    columns = np.zeros((1, decomposition.problem.width), dtype=np.int64)
    for b in blocks:
        part = decomposition.blocks[b].columns
        columns = (columns[:, None, :] + part[None, :, :]).reshape(-1, columns.shape[1])
    shape = tuple(len(decomposition.blocks[b].columns) for b in blocks)
    return Side(tuple(blocks), shape, columns)


def split(decomposition: Decomposition, cache: dict | None = None) -> tuple[Side, Side]:
    """Sides L and R. R carries the bitset tables: they cost |R|^2 / 64 words to build, and each L
    row a lookup and a gather per column (about 50 word operations) plus |R| / 64 words to scan. For
    N pairs that totals about (N / |R|)(50 + |R| / 64) + |R|^2 / 64, least near |R| = (1600 N)^(1/3),
    which R approaches (capped at ``R_TARGET``; measured flat from about 2,000 to 6,000 on the
    benchmarks). With a ``cache``, a side made of the same blocks as before is reused, with its
    tables."""
    left, right = partition(decomposition)
    return cached_side(decomposition, left, cache), cached_side(decomposition, right, cache)


def partition(decomposition: Decomposition) -> tuple[list[int], list[int]]:
    """The blocks of L and of R (see ``split``), without listing either side."""
    blocks = decomposition.blocks
    target = min(R_TARGET, max(64, round((1600 * decomposition.size) ** (1 / 3))))
    right = closest_product(tuple(len(block.columns) for block in blocks), target)
    return [b for b in range(len(blocks)) if b not in right], right


def closest_product(sizes: tuple[int, ...], target: int) -> list[int]:
    """The blocks whose sizes multiply to the most without passing ``target`` (ascending positions).

    Exact, by listing the reachable products: with block sizes of a few units there are only a
    few hundred products under a few thousand, so this costs well under a millisecond."""
    reachable: dict[int, tuple[int, ...]] = {1: ()}
    for b, size in enumerate(sizes):
        if size > target:
            continue
        for product, chosen in list(reachable.items()):
            grown = product * size
            if grown <= target and grown not in reachable:
                reachable[grown] = chosen + (b,)
    return list(reachable[max(reachable)])


def cached_side(decomposition: Decomposition, blocks: list[int], cache: dict | None) -> Side:
    if cache is None:
        return _side(decomposition, blocks)
    # Blocks in the cache are never rebuilt, so the same objects mean the same columns.
    key = ("side", tuple(id(decomposition.blocks[b]) for b in blocks))
    side = cache.get(key)
    if side is None:
        side = cache[key] = _side(decomposition, blocks)
    return side


def _minimums(decomposition: Decomposition) -> tuple[np.ndarray, np.ndarray]:
    """The constrained columns and what the two sides' sums must reach there (the offset taken off)."""
    problem = decomposition.problem
    columns = np.array([c for c, _ in problem.constraints], dtype=np.int64)
    minimums = np.array([m for _, m in problem.constraints], dtype=np.int64)
    if len(columns):
        minimums = minimums - decomposition.offset[columns]
    return columns, minimums


SPAN_LIMIT = 1 << 22  # values one at-least table may span (2 bytes each, up to 8 MB); wider columns are searched


@frozen(eq=False)
class _AtLeast:
    """How many entries of one column of a chunk reach a value, for many values at once.

    ``counts[v - low]`` holds it for every v from the column's least value to one past its
    greatest: a lookup per needle, where a binary search over unsorted needles costs several times
    more (and sorting them first costs as much as the search it saves). A column whose values span
    more than ``SPAN_LIMIT`` keeps its sorted values and is searched instead."""

    low: int
    counts: np.ndarray | None  # int16 over the span (a chunk has at most CHUNK entries), then one 0 past its end
    ascending: np.ndarray  # the column's values, sorted

    @classmethod
    def of(cls, values: np.ndarray) -> "_AtLeast":
        ascending = np.sort(values)
        if not len(values):
            return cls(0, np.zeros(1, dtype=np.int16), ascending)
        low, span = int(ascending[0]), int(ascending[-1] - ascending[0]) + 1
        if span > SPAN_LIMIT:
            return cls(low, None, ascending)
        # Between two neighbouring values (after the i-th smallest, up to the next) exactly n - i
        # entries reach: the table is those counts, each repeated over its gap.
        edges = np.concatenate([[low - 1], ascending, [int(ascending[-1]) + 1]])
        reach = np.arange(len(values), -1, -1, dtype=np.int16 if len(values) < 1 << 15 else np.int32)
        return cls(low, np.repeat(reach, np.diff(edges)), ascending)

    def reaching(self, needles: np.ndarray) -> np.ndarray:
        """Per needle, how many entries are at least it."""
        if self.counts is None:
            return (len(self.ascending) - np.searchsorted(self.ascending, needles, side="left")).astype(np.int32)
        return self.counts[np.clip(needles - self.low, 0, len(self.counts) - 1)]


@frozen(eq=False)
class _Prefixes:
    """Per constrained column, one chunk of R: how many entries reach a value, and its prefix bitsets.

    The chunk's entries take their bit positions in descending order of one column, the pivot: a
    row's partners then all lie among the first ``top`` bits, ``top`` being how many entries pass
    the pivot column, so its words past that need no reading. The pivot is the column that passes
    the fewest entries for the L rows first counted (the cache keeps it for later counts)."""

    at_least: tuple[_AtLeast, ...]  # per column
    # Every column's prefix table stacked, then one row of all ones (the compiled loops' layout,
    # ``sim.analysis.compiled``); ``bitsets`` are views of it, one (len + 1, words) table per column.
    flat: np.ndarray
    bitsets: tuple[np.ndarray, ...]  # per column: row j holds the top j entries
    pivot: int  # the column whose descending order gives the bit positions

    @property
    def entries(self) -> int:
        return len(self.bitsets[0]) - 1

    def tops(self, left: np.ndarray, minimums: np.ndarray) -> list[np.ndarray]:
        """Per column, how many entries of the chunk reach the minimum with each row of ``left``."""
        return [table.reaching(minimums[k] - left[:, k]) for k, table in enumerate(self.at_least)]

    def loops(self, rows: int):
        """The compiled loops when ``rows`` L rows are worth counting with them, else None."""
        return kernels.compiled(rows * len(self.bitsets) * self.flat.shape[1])


def _prefixes(values: np.ndarray, at_least: tuple[_AtLeast, ...], pivot: int) -> _Prefixes:
    values = values[descending_order(values[:, pivot])] if len(values) else values
    tables = [prefix_table(descending_order(values[:, k])) for k in range(values.shape[1])]
    flat = np.concatenate(tables + [np.full((1, tables[0].shape[1]), ~np.uint64(0))])
    entries1 = len(values) + 1
    bitsets = tuple(flat[k * entries1:(k + 1) * entries1] for k in range(len(tables)))
    return _Prefixes(at_least, flat, bitsets, pivot)


def _compiled_tops(tops: list[np.ndarray], first: int) -> np.ndarray:
    """One slice of rows' tops as the compiled loops take them: (columns, rows) int32."""
    return np.array([t[first:first + SLICE] for t in tops], dtype=np.int32)


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


def _count_rows(prefixes: _Prefixes, tops: list[np.ndarray]) -> np.ndarray:
    """How many R entries of a chunk each L row is accepted with, from the rows' ``tops``."""
    bound = tops[prefixes.pivot]
    counts = np.zeros(len(bound), dtype=np.int64)
    loops = prefixes.loops(len(bound))
    if loops is not None:
        for first in range(0, len(bound), SLICE):
            budget.check()
            loops.row_totals(prefixes.flat, prefixes.entries + 1, _compiled_tops(tops, first), prefixes.pivot,
                             counts[first:first + SLICE])
        return counts
    for rows in _batches(tops, bound):
        counts[rows] = np.bitwise_count(_and_over_columns(prefixes, tops, rows)).sum(axis=1, dtype=np.int64)
    return counts


def _count_pairs(prefixes: _Prefixes, tops: list[np.ndarray]) -> int:
    """``_count_rows`` summed: a total over a whole batch is several times cheaper than per row."""
    loops = prefixes.loops(len(tops[0]))
    if loops is not None:
        total = 0
        for first in range(0, len(tops[0]), SLICE):
            budget.check()
            total += int(loops.pair_total(prefixes.flat, prefixes.entries + 1, _compiled_tops(tops, first),
                                          prefixes.pivot))
        return total
    total = 0
    for rows in _batches(tops, tops[prefixes.pivot]):
        total += int(np.bitwise_count(_and_over_columns(prefixes, tops, rows)).sum(dtype=np.int64))
    return total


def _and_over_columns(prefixes: _Prefixes, tops: list[np.ndarray], rows: np.ndarray) -> np.ndarray:
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
            cache: dict | None) -> Iterator[tuple[_Prefixes, list[np.ndarray]]]:
    """Each chunk of R's tables (from the cache when there) and the L rows' tops in it."""
    for start, chunk in chunks(right, columns):
        computed: list[list[np.ndarray]] = []

        def pivot(at_least: tuple[_AtLeast, ...]) -> int:
            computed.append([table.reaching(minimums[k] - lcols[:, k]) for k, table in enumerate(at_least)])
            return int(np.argmin([t.sum(dtype=np.int64) for t in computed[0]]))

        found = chunk_prefixes(right, columns, start, chunk, pivot, cache)
        yield found, computed[0] if computed else found.tops(lcols, minimums)


def chunks(right: Side, columns: np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
    """(start, values): R's rows in chunks of ``CHUNK``, in the constrained columns."""
    rcols = right.columns[:, columns]
    for start in range(0, len(rcols), CHUNK):
        budget.check()
        yield start, rcols[start:start + CHUNK]


def chunk_prefixes(right: Side, columns: np.ndarray, start: int, chunk: np.ndarray,
                   pivot: Callable[[tuple[_AtLeast, ...]], int], cache: dict | None) -> _Prefixes:
    """One chunk's tables, from the cache when there; else built, on the column ``pivot`` picks."""
    # The cache holds the sides too (see ``split``), so id(right) cannot be reused meanwhile.
    key = ("prefixes", id(right), tuple(columns.tolist()), start)
    found = cache.get(key) if cache is not None else None
    if found is None:
        at_least = tuple(_AtLeast.of(chunk[:, k]) for k in range(chunk.shape[1]))
        found = _prefixes(chunk, at_least, pivot(at_least))
        if cache is not None:
            cache[key] = found
    return found


def _constrained(decomposition: Decomposition, left: Side, right: Side) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(columns, minimums, L's columns there); None when no L row can pass even with R's best."""
    columns, minimums = _minimums(decomposition)
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


def _count_variants(prefixes: _Prefixes, tops: list[np.ndarray], changes: list[dict[int, np.ndarray]]) -> list[int]:
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


def _count_variants_compiled(loops, prefixes: _Prefixes, tops: list[np.ndarray],
                             changes: list[dict[int, np.ndarray]]) -> list[int]:
    """``_count_variants`` for changes of one column each, by the compiled loop."""
    changed = np.array([k for change in changes for k in change], dtype=np.int64)
    totals = np.zeros(1 + len(changes), dtype=np.int64)
    for first in range(0, len(tops[0]), SLICE):
        budget.check()
        changed_tops = np.array([t[first:first + SLICE] for change in changes for t in change.values()],
                                dtype=np.int32).reshape(len(changes), -1)
        loops.variant_totals(prefixes.flat, prefixes.entries + 1, _compiled_tops(tops, first), prefixes.pivot,
                             changed, changed_tops, totals)
    return totals.tolist()


def counts_with_minimums(decomposition: Decomposition, variants: list[dict[int, int | None]],
                         cache: dict | None = None) -> list[int] | None:
    """The exact count, then the count with each variant's minimums instead (column -> minimum, None
    for no minimum at all), in one pass; None when a variant constrains a column the problem does
    not (its tables were never built) or the space is past the budget."""
    if not countable(decomposition):
        return None
    columns, minimums = _minimums(decomposition)
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
    columns, minimums = _minimums(decomposition)
    if not len(columns):
        return np.arange(len(right.columns))
    need = minimums - left.columns[row, columns]
    return np.nonzero(np.all(right.columns[:, columns] >= need, axis=1))[0]


def exact_count(decomposition: Decomposition, cache: dict | None = None) -> int:
    if not decomposition.feasible:
        return 0
    from sim.analysis.product_count import listless_count  # here: it builds on this module

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

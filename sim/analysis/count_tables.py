"""R's side of an exact count: the two sides' listing, and R's tables, chunk by chunk.

``sim.analysis.counting`` counts with them in numpy, ``sim.analysis.product_count`` with the
compiled loops (without listing L); both keep the tables in the caller's cache, so that a count
with lowered walk-aways reuses them.
"""

from __future__ import annotations

from typing import Callable, Iterator

import numpy as np

from sim.analysis import budget, kernels
from sim.analysis.bitsets import descending_order, prefix_table
from sim.analysis.blocks import Decomposition
from sim.record import frozen

CHUNK = 8192  # R entries per bitset table: (CHUNK + 1) * CHUNK / 8 bytes, 8 MB, per column
R_TARGET = 4096  # the most entries the R side aims at (see ``split``): tables of 2 MB a column
SLICE = 65_536  # L rows one compiled call counts between two checks of the time limit


@frozen(eq=False)
class Side:
    blocks: tuple[int, ...]  # positions in the decomposition's blocks
    shape: tuple[int, ...]  # rows of each of those blocks
    columns: np.ndarray  # (rows, width): the column sums of every joint choice of the side's blocks

    def rows(self, row: int) -> tuple[int, ...]:
        """The row of each block behind one row of the side."""
        return tuple(int(r) for r in np.unravel_index(row, self.shape)) if self.shape else ()


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


def minimums_of(decomposition: Decomposition) -> tuple[np.ndarray, np.ndarray]:
    """The constrained columns and what the two sides' sums must reach there (the offset taken off)."""
    problem = decomposition.problem
    columns = np.array([c for c, _ in problem.constraints], dtype=np.int64)
    minimums = np.array([m for _, m in problem.constraints], dtype=np.int64)
    if len(columns):
        minimums = minimums - decomposition.offset[columns]
    return columns, minimums


SPAN_LIMIT = 1 << 22  # values one at-least table may span (2 bytes each, up to 8 MB); wider columns are searched


@frozen(eq=False)
class AtLeast:
    """How many entries of one column of a chunk reach a value, for many values at once.

    ``counts[v - low]`` holds it for every v from the column's least value to one past its
    greatest: a lookup per needle, where a binary search over unsorted needles costs several times
    more (and sorting them first costs as much as the search it saves). A column whose values span
    more than ``SPAN_LIMIT`` keeps its sorted values and is searched instead."""

    low: int
    counts: np.ndarray | None  # int16 over the span (a chunk has at most CHUNK entries), then one 0 past its end
    ascending: np.ndarray  # the column's values, sorted

    @classmethod
    def of(cls, values: np.ndarray) -> "AtLeast":
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
class Prefixes:
    """Per constrained column, one chunk of R: how many entries reach a value, and its prefix bitsets.

    The chunk's entries take their bit positions in descending order of one column, the pivot: a
    row's partners then all lie among the first ``top`` bits, ``top`` being how many entries pass
    the pivot column, so its words past that need no reading. The pivot is the column that passes
    the fewest entries for the L rows first counted (the cache keeps it for later counts)."""

    at_least: tuple[AtLeast, ...]  # per column
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
        return tops_of(self.at_least, left, minimums)

    def loops(self, rows: int):
        """The compiled loops when ``rows`` L rows are worth counting with them, else None."""
        return kernels.compiled(rows * len(self.bitsets) * self.flat.shape[1])


def tops_of(at_least: tuple[AtLeast, ...], left: np.ndarray, minimums: np.ndarray) -> list[np.ndarray]:
    """Per column, how many of a chunk's entries (its at-least tables) reach the minimum with each
    row of ``left``."""
    return [table.reaching(minimums[k] - left[:, k]) for k, table in enumerate(at_least)]


def fewest_passing(tops: list[np.ndarray]) -> int:
    """The pivot: the column whose tops sum least, so that rows read the fewest words."""
    return int(np.argmin([t.sum(dtype=np.int64) for t in tops]))


def build_prefixes(values: np.ndarray, at_least: tuple[AtLeast, ...], pivot: int) -> Prefixes:
    values = values[descending_order(values[:, pivot])] if len(values) else values
    columns, entries1 = values.shape[1], len(values) + 1
    flat = np.zeros((columns * entries1 + 1, (len(values) + 63) // 64), dtype=np.uint64)
    flat[-1] = ~np.uint64(0)
    bitsets = tuple(flat[k * entries1:(k + 1) * entries1] for k in range(columns))
    for k, table in enumerate(bitsets):  # each column's table written in its place in ``flat``
        prefix_table(descending_order(values[:, k]), out=table)
    return Prefixes(at_least, flat, bitsets, pivot)


def compiled_tops(tops: list[np.ndarray], first: int) -> np.ndarray:
    """One slice of rows' tops as the compiled loops take them: (columns, rows) int32."""
    return np.array([t[first:first + SLICE] for t in tops], dtype=np.int32)


def chunks(right: Side, columns: np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
    """(start, values): R's rows in chunks of ``CHUNK``, in the constrained columns."""
    rcols = right.columns[:, columns]
    for start in range(0, len(rcols), CHUNK):
        budget.check()
        yield start, rcols[start:start + CHUNK]


def chunk_prefixes(right: Side, columns: np.ndarray, start: int, chunk: np.ndarray,
                   pivot: Callable[[tuple[AtLeast, ...]], int], cache: dict | None) -> Prefixes:
    """One chunk's tables, from the cache when there; else built, on the column ``pivot`` picks."""
    # The cache holds the sides too (see ``split``), so id(right) cannot be reused meanwhile.
    key = ("prefixes", id(right), tuple(columns.tolist()), start)
    found = cache.get(key) if cache is not None else None
    if found is None:
        at_least = tuple(AtLeast.of(chunk[:, k]) for k in range(chunk.shape[1]))
        found = build_prefixes(chunk, at_least, pivot(at_least))
        if cache is not None:
            cache[key] = found
    return found


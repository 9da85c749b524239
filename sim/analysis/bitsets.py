"""Prefix bitsets: for a set of entries and one column, the entries with the ``j`` largest values.

Counting (``sim.analysis.counting``) and the Pareto filter (``sim.analysis.dominance``) both ask
"which entries are at least this large in every column?" of thousands of queries. Per column, the
entries at least ``v`` are the top ``t`` of that column, ``t`` found by a binary search, so one
table per column holding every prefix as a bitset answers a query with one AND per column and no
comparison at all: ``(n + 1) * n / 64`` words to build, ``n / 64`` per query and column.
"""

from __future__ import annotations

import numpy as np

from sim.analysis import kernels


def descending_order(values: np.ndarray) -> np.ndarray:
    """The positions of ``values`` (int64) by descending value, ties in position order: what a
    stable ``argsort(-values)`` gives. Each value is packed with its position into one integer
    when they fit, since sorting plain integers is several times faster than ``argsort``."""
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    low, high = int(values.min()), int(values.max())
    bits = len(values).bit_length()
    if (high - low).bit_length() + bits > 62:
        return np.argsort(-values, kind="stable")
    packed = np.sort(((high - values) << bits) | np.arange(len(values), dtype=np.int64))
    return packed & ((1 << bits) - 1)


def prefix_table(order: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """(len + 1, words) uint64: row j has the bits of ``order[:j]`` set (bit i is entry i); written
    into ``out`` when given (zeroed, of that shape: a part of a larger table, with no copy)."""
    count = len(order)
    words = (count + 63) // 64
    table = np.zeros((count + 1, words), dtype=np.uint64) if out is None else out
    loops = kernels.compiled(2 * table.size)
    if loops is not None:
        loops.fill_prefixes(order, table)
        return table
    table[np.arange(1, count + 1), order // 64] = np.left_shift(np.uint64(1), (order % 64).astype(np.uint64))
    np.bitwise_or.accumulate(table, axis=0, out=table)
    return table


def first_bits(limits: np.ndarray, words: int) -> np.ndarray:
    """(len(limits), words) uint64: row r has its first ``limits[r]`` bits set."""
    filled = np.clip(limits[:, None] - 64 * np.arange(words)[None, :], 0, 64).astype(np.uint64)
    # 1 << 64 is undefined: a full word is made as ~0 instead.
    partial = np.left_shift(np.uint64(1), np.minimum(filled, np.uint64(63))) - np.uint64(1)
    return np.where(filled == 64, ~np.uint64(0), partial)

"""Which rows of a sequence some earlier row matches or beats in every column, by prefix bitsets.

The Pareto filter (``sim.analysis.pareto.nondominated``) sorts distinct vectors in descending
lexicographic order: a row can then only be dominated by an earlier one, and only the columns after
the first need comparing. Comparing pairs costs ``n^2 / 2``; the 14-issue benchmark's last merge
step has 18,000 candidates and 8,000 survivors, 33 million pairs. Here the rows still standing
go in blocks of ``BLOCK``; each block gets one prefix table per column (``sim.analysis.bitsets``),
and every later row still standing asks it "which of you are at least my value in every column?"
with one AND per column over ``BLOCK / 64`` words, so about ``n * kept / 64`` word operations per
column in all. Rows inside the block ask only about the rows before them (their first bits).
Measured on the benchmarks' merges: even with pairs from about 2,500 rows, twice to three times
faster from 4,000 (see ``pareto.BITSETS_FROM``).
"""

from __future__ import annotations

import numpy as np

from sim.analysis import budget, kernels
from sim.analysis.bitsets import descending_order, first_bits, prefix_table

BLOCK = 1024  # rows per table block: tables of (BLOCK + 1) * BLOCK / 8 bytes, 128 KB, per column
ROWS = 512  # queries answered at once: ROWS * BLOCK / 8 bytes, 256 KB per column, stays in cache


def dominated_by_earlier(columns: np.ndarray, block: int | None = None, rows: int | None = None) -> np.ndarray:
    """Boolean per row of ``columns`` (n, m): some earlier row is at least as large in every column.
    The columns hold ranks (small integers from 0): counts of the rows at least a value are then
    looked up in a table rather than searched for."""
    block, rows = block or BLOCK, rows or ROWS
    count = len(columns)
    beaten = np.zeros(count, dtype=bool)
    if count < 2:
        return beaten
    if columns.shape[1] == 0:  # nothing to compare: every row after the first is matched
        beaten[1:] = True
        return beaten
    loops = kernels.compiled(count * columns.shape[1] * ((min(count, block) + 63) // 64))
    if loops is not None:
        return _compiled(loops, columns, block)
    start = 0
    while start < count:
        budget.check()
        # Rows from ``start`` on have asked every block before: the first ``block`` still standing
        # answer next. Those beaten need not: whatever they match, the row that beat them (in an
        # earlier block) matched first. Each asking row hears only the answering rows before it.
        standing = np.nonzero(~beaten[start:])[0] + start
        if not len(standing):
            break
        answering = standing[:block]
        _ask(columns, answering, standing[1:], beaten, rows)
        start = int(answering[-1]) + 1
    return beaten


def _compiled(loops, columns: np.ndarray, block: int) -> np.ndarray:
    """``dominated_by_earlier`` a block per compiled call (``sim.analysis.compiled.answer_block``),
    the time limit checked between two."""
    columns = np.ascontiguousarray(columns, dtype=np.int64)
    count, width = columns.shape
    beaten = np.zeros(count, dtype=bool)
    flat = np.empty((width * (block + 1) + 1, (min(count, block) + 63) // 64), dtype=np.uint64)
    flat[-1] = ~np.uint64(0)
    at_least = np.zeros((width, int(columns.max()) + 2), dtype=np.int64)
    start = 0
    while start < count:
        budget.check()
        start = int(loops.answer_block(columns, beaten, start, block, flat, at_least))
    return beaten


def _ask(columns: np.ndarray, answering: np.ndarray, asking: np.ndarray, beaten: np.ndarray, rows: int) -> None:
    """Marks the ``asking`` rows that some ``answering`` row before them (both ascending positions)
    matches in every column."""
    if not len(asking) or not len(answering):
        return
    values = columns[answering]
    tables = [prefix_table(descending_order(values[:, k])) for k in range(values.shape[1])]
    # at_least[k][v]: how many answering rows reach v in column k (row t of its table holds them)
    at_least = [np.bincount(values[:, k], minlength=int(columns[:, k].max()) + 2)[::-1].cumsum()[::-1]
                for k in range(values.shape[1])]
    for first in range(0, len(asking), rows):
        batch = asking[first:first + rows]
        found = [at_least[k][columns[batch, k]] for k in range(len(tables))]
        possible = np.all([t > 0 for t in found], axis=0)  # a column no answering row reaches: none
        batch = batch[possible]
        if not len(batch):
            continue
        limits = np.searchsorted(answering, batch)  # the answering rows before each asking row
        words = (int(limits.max()) + 63) // 64
        if words == 0:
            continue
        acc = tables[0][found[0][possible], :words]
        for k in range(1, len(tables)):
            acc &= tables[k][found[k][possible], :words]
        if limits[0] < len(answering):  # only the bits of earlier rows count
            acc &= first_bits(limits, words)
        beaten[batch[acc.any(axis=1)]] = True

"""The loops of counting and of the Pareto filter, compiled by numba.

In numpy each step of "AND one prefix row per column, then popcount" is its own pass over a
gathered copy: four gathers, three ANDs, a popcount and a sum per batch. Compiled, a row's words
are read once, ANDed in registers and counted as they go, about six times faster on the
benchmarks; the Pareto filter's smaller sets compare packed rows pair by pair the same way.
Loading this module costs a process about 0.7 s (numba's import, then its cached machine code;
``cache=True`` keeps that on disk, so only the first run on a machine compiles), so a process
loads it only once its numpy loops have cost as much (``sim.analysis.kernels`` decides).

Every table here is "flat": the prefix tables of all columns stacked in one 2-D array, column c's
row t at ``c * entries1 + t``, with one last row of all ones that stands in for a missing column,
so each pass ANDs four rows at once whatever the number of columns.
"""

from __future__ import annotations

import numpy as np
from llvmlite import ir
from numba import njit, types
from numba.extending import intrinsic

GROUP = 4  # table rows ANDed in one pass over a row's words


@intrinsic
def _popcount(typingctx, word):
    """The processor's population count of one uint64 (LLVM's ctpop)."""
    signature = types.uint64(types.uint64)

    def codegen(context, builder, sig, args):
        function = builder.module.declare_intrinsic("llvm.ctpop", [ir.IntType(64)])
        return builder.call(function, [args[0]])

    return signature, codegen


@njit(cache=True, nogil=True)
def _row_totals(flat, entries1, tops, pivot, counts):
    """Adds to ``counts[row]`` how many of the chunk's entries pass with each L row: ``tops`` is
    (columns, rows), how many entries reach each row's minimum per column; a row's partners lie
    in its pivot top."""
    columns = tops.shape[0]
    groups = (columns + GROUP - 1) // GROUP
    indexes = np.full(GROUP * groups, len(flat) - 1, dtype=np.int64)  # columns past the last: all ones
    acc = np.empty(flat.shape[1], dtype=np.uint64)
    total = np.uint64(0)
    for row in range(tops.shape[1]):
        passing = True
        for k in range(columns):
            top = tops[k, row]
            passing = passing and top > 0
            indexes[k] = k * entries1 + top
        if passing:
            # Written out rather than called: numba's call boundary measured three times slower.
            words = (tops[pivot, row] + 63) // 64
            a, b = flat[indexes[0]], flat[indexes[1]]
            c, d = flat[indexes[2]], flat[indexes[3]]
            found = np.uint64(0)
            if groups == 1:
                for j in range(words):
                    found += _popcount(a[j] & b[j] & c[j] & d[j])
            else:
                for j in range(words):
                    acc[j] = a[j] & b[j] & c[j] & d[j]
                for g in range(GROUP, GROUP * groups, GROUP):
                    a, b = flat[indexes[g]], flat[indexes[g + 1]]
                    c, d = flat[indexes[g + 2]], flat[indexes[g + 3]]
                    for j in range(words):
                        acc[j] &= a[j] & b[j] & c[j] & d[j]
                for j in range(words):
                    found += _popcount(acc[j])
            total += found
            if len(counts):
                counts[row] += np.int64(found)
    return np.int64(total)


def pair_total(flat, entries1, tops, pivot):
    """Accepted pairs of one R chunk over all the L rows whose ``tops`` are given."""
    return _row_totals(flat, entries1, tops, pivot, np.zeros(0, dtype=np.int64))


def row_totals(flat, entries1, tops, pivot, counts):
    """The same row by row: adds each L row's partners in the chunk to ``counts``."""
    _row_totals(flat, entries1, tops, pivot, counts)


@njit(cache=True, nogil=True)
def mark_beaten(flat, entries1, at_least, columns, answering, asking, beaten):
    """Marks each ``asking`` row (ascending positions into ``columns``) that some ``answering``
    row before it matches or beats in every column. Bit i of the flat tables is answering row i
    (ascending positions too); ``at_least[k, v]`` is how many answering rows reach value v in
    column k."""
    width = columns.shape[1]
    groups = (width + GROUP - 1) // GROUP
    indexes = np.full(GROUP * groups, len(flat) - 1, dtype=np.int64)  # columns past the last: all ones
    before = 0  # answering rows before the current asking row: the only ones that may beat it
    for position in asking:
        while before < len(answering) and answering[before] < position:
            before += 1
        reachable = before > 0
        for k in range(width):
            top = at_least[k, columns[position, k]]
            reachable = reachable and top > 0
            indexes[k] = k * entries1 + top
        if not reachable:
            continue
        # The latest answering rows (the last words) are the nearest in the order, so the likeliest
        # to beat this one: the words are read from the last down, and the first hit ends it.
        last = (before - 1) // 64
        mask = ~np.uint64(0) if before % 64 == 0 else (np.uint64(1) << np.uint64(before % 64)) - np.uint64(1)
        a, b = flat[indexes[0]], flat[indexes[1]]
        c, d = flat[indexes[2]], flat[indexes[3]]
        for j in range(last, -1, -1):
            word = a[j] & b[j] & c[j] & d[j]
            if groups > 1:
                for g in range(GROUP, GROUP * groups, GROUP):
                    word &= flat[indexes[g], j] & flat[indexes[g + 1], j] & flat[indexes[g + 2], j] & flat[indexes[g + 3], j]
            if j == last:
                word &= mask
            if word:
                beaten[position] = True
                break


@njit(cache=True, nogil=True)
def variant_totals(flat, entries1, tops, pivot, changed, changed_tops, totals):
    """Adds to ``totals[0]`` the accepted pairs of one R chunk with the base ``tops``, and to
    ``totals[1 + v]`` those with variant v, which replaces column ``changed[v]``'s tops by
    ``changed_tops[v]``. Per row, the ANDs of the columns before and after each column are kept,
    so a variant costs one more AND per word instead of a whole count."""
    columns = tops.shape[0]
    width = flat.shape[1]
    before = np.empty((columns + 1, width), dtype=np.uint64)  # before[c]: AND of columns < c
    after = np.empty((columns + 1, width), dtype=np.uint64)  # after[c]: AND of columns >= c
    before[0, :] = ~np.uint64(0)
    after[columns, :] = ~np.uint64(0)
    for row in range(tops.shape[1]):
        top = tops[pivot, row]
        reachable = True
        for k in range(columns):
            reach = tops[k, row]
            for v in range(len(changed)):
                if changed[v] == k:
                    reach = max(reach, changed_tops[v, row])
            if k == pivot:
                top = reach
            reachable = reachable and reach > 0
        if not reachable:
            continue
        words = (top + 63) // 64
        for k in range(columns):
            source, previous, out = flat[k * entries1 + tops[k, row]], before[k], before[k + 1]
            for j in range(words):
                out[j] = previous[j] & source[j]
        for k in range(columns - 1, -1, -1):
            source, following, out = flat[k * entries1 + tops[k, row]], after[k + 1], after[k]
            for j in range(words):
                out[j] = following[j] & source[j]
        every = before[columns]
        found = np.uint64(0)
        for j in range(words):
            found += _popcount(every[j])
        totals[0] += np.int64(found)
        for v in range(len(changed)):
            k = changed[v]
            source, left, right = flat[k * entries1 + changed_tops[v, row]], before[k], after[k + 1]
            found = np.uint64(0)
            for j in range(words):
                found += _popcount(left[j] & right[j] & source[j])
            totals[1 + v] += np.int64(found)


@njit(cache=True, nogil=True)
def product_total(flat, entries1, pivot, firsts, seconds, minimums, reaching, starts, lengths, lows):
    """``pair_total`` over L rows never listed: L's rows are the pairs (i, j), with column sums
    ``firsts[i] + seconds[j]``, and their tops are looked up here, some thousands at a time.
    ``reaching`` holds every column's at-least table (``sim.analysis.count_tables.AtLeast``) one
    after another: column k's from ``starts[k]``, ``lengths[k]`` entries for the values from
    ``lows[k]`` on, the last one for every value past them."""
    columns, count = firsts.shape[1], len(seconds)
    step = max(1, 8192 // max(1, count))  # rows of ``firsts`` per batch of tops
    none = np.zeros(0, dtype=np.int64)
    total = np.int64(0)
    for first in range(0, len(firsts), step):
        last = min(first + step, len(firsts))
        tops = np.empty((columns, (last - first) * count), dtype=np.int32)
        row = 0
        for i in range(first, last):
            for j in range(count):
                for k in range(columns):
                    at = minimums[k] - firsts[i, k] - seconds[j, k] - lows[k]
                    tops[k, row] = reaching[starts[k] + min(max(at, 0), lengths[k] - 1)]
                row += 1
        total += _row_totals(flat, entries1, tops, pivot, none)
    return total


@njit(cache=True, nogil=True)
def fill_prefixes(order, table):
    """``sim.analysis.bitsets.prefix_table`` into ``table``, whose first row is zeroed: row j is
    row j - 1 with entry ``order[j - 1]``'s bit added, written in one pass."""
    for j in range(1, len(order) + 1):
        previous, row = table[j - 1], table[j]
        for w in range(table.shape[1]):
            row[w] = previous[w]
        entry = order[j - 1]
        row[entry // 64] |= np.uint64(1) << np.uint64(entry % 64)


@njit(cache=True, nogil=True)
def packed_survivors(keys, guard):
    """Which rows no earlier row dominates, for distinct rows in descending lexicographic order
    whose later columns are packed into one integer each, a guard bit above every field
    (``sim.analysis.pareto.nondominated``): ``a`` matches or beats ``b`` in every field exactly
    when ``((a | guard) - b) & guard == guard``. Each row meets the rows kept so far, the latest
    first (the nearest in the order, the likeliest to beat it), until one does."""
    kept = np.empty(len(keys), dtype=np.int64)
    count = 0
    alive = np.zeros(len(keys), dtype=np.bool_)
    for i in range(len(keys)):
        key = keys[i]
        beaten = False
        for j in range(count - 1, -1, -1):
            if (kept[j] - key) & guard == guard:
                beaten = True
                break
        if not beaten:
            kept[count] = key | guard
            count += 1
            alive[i] = True
    return alive


@njit(cache=True, nogil=True)
def answer_block(columns, beaten, start, block, flat, at_least):
    """One block of ``sim.analysis.dominance.dominated_by_earlier``: the first ``block`` rows still
    standing from ``start`` answer every later row still standing (``mark_beaten``), their tables
    built here into ``flat`` ((width * (block + 1) + 1, words), its last row all ones) and
    ``at_least`` ((width, greatest rank + 2)). Returns where the next block starts (past the end
    when no row is left standing)."""
    count, width = columns.shape
    standing = np.nonzero(~beaten[start:])[0] + start
    if len(standing) == 0:
        return count
    answering = standing[:block]
    entries1 = block + 1
    for k in range(width):
        values = np.empty(len(answering), dtype=np.int64)
        for i in range(len(answering)):
            values[i] = columns[answering[i], k]
        order = np.argsort(-values, kind="mergesort")  # ties need no order: a top takes all of a value
        base = k * entries1
        flat[base, :] = 0
        fill_prefixes(order, flat[base:base + len(answering) + 1])
        reach = at_least[k]
        reach[:] = 0
        for value in values:
            reach[value] += 1
        for v in range(len(reach) - 2, -1, -1):  # how many reach v: those at v and above
            reach[v] += reach[v + 1]
    mark_beaten(flat, entries1, at_least, columns, answering, standing[1:], beaten)
    return answering[-1] + 1

"""The Pareto frontier of the accepted proposals, by merging blocks and keeping only what can win.

A proposal's columns are the sums of its blocks' columns. If a partial sum over the first blocks is
dominated by another, every completion of it is dominated by the same completion of the other, so
only non-dominated partial sums need to be kept; and a partial sum that cannot reach the parties'
levels even with the best of the remaining blocks can be dropped. Merging block by block that way
never enumerates the space: on the 10-million-proposal benchmark the partial frontiers stay under
about a thousand vectors.
"""

from __future__ import annotations

import numpy as np

from sim.analysis import budget, kernels
from sim.analysis.blocks import Decomposition
from sim.analysis.dominance import dominated_by_earlier
from sim.engine.compiled import FULL
from sim.record import frozen

CHUNK = 256  # candidates compared at once against the frontier kept so far
PART = 256  # kept frontier rows a chunk meets at once
MERGE_LIMIT = 2_000_000  # candidate sums one merge step may hold; past it the frontier is given up
# Partial frontier vectors kept between steps; past it the frontier is given up too. Merging costs
# about the square of this (the 14-issue benchmarks stay under 12,000; 30 issues reach 50,000).
FRONTIER_LIMIT = 12_000
APPROXIMATE = 3_000  # partial frontier vectors an approximate frontier keeps
# Distinct rows from which prefix bitsets (sim.analysis.dominance) beat comparing pairs: below it,
# building their tables costs more than the pairs they save.
BITSETS_FROM = 2_500
SMALL = 48  # rows up to which every pair is compared at once (48 x 48 x width booleans)


class FrontierTooLarge(RuntimeError):
    """The partial frontiers outgrew ``MERGE_LIMIT``: the frontier must be estimated."""


def dense_ranks(values: np.ndarray) -> np.ndarray:
    """Per column, each value's rank among the column's distinct values (0 for the least), as
    (width, n) int64: the columns sorted in one call, where one ``np.unique`` per column costs
    several times more on the small arrays most merge steps have."""
    columns = np.ascontiguousarray(values.T)
    order = np.argsort(columns, axis=1)  # ties in any order: equal values get one rank anyway
    ordered = np.take_along_axis(columns, order, axis=1)
    steps = np.zeros(columns.shape, dtype=np.int64)
    steps[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    ranks = np.empty(columns.shape, dtype=np.int64)
    np.put_along_axis(ranks, order, np.cumsum(steps, axis=1), axis=1)
    return ranks


def nondominated(values: np.ndarray) -> np.ndarray:
    """Indices of the rows no other row dominates, one per distinct row (the first among equals).

    Each column is replaced by its ranks (dominance only compares), and the ranks are packed into
    integers: one key per row for a fast lexicographic sort, and one with a guard bit above each
    field for comparing. In descending lexicographic order a row can only be dominated by one
    before it, which already beats or ties it on the first column, so the others alone are
    compared: "at least as large in each" is one subtraction and one mask per pair. Each chunk is
    compared with the frontier found so far and with itself.
    """
    count = len(values)
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    if count <= SMALL:
        return _nondominated_small(values)
    width = values.shape[1]
    ranks = list(dense_ranks(values))
    bits = max(1, max(int(r.max()).bit_length() for r in ranks))
    if width * bits <= 63:
        order_key = np.zeros(count, dtype=np.int64)
        for k in range(width):
            order_key = (order_key << bits) | ranks[k]
        _, first = np.unique(order_key, return_index=True)  # distinct rows, ascending
    else:
        order = np.lexsort(ranks[::-1])  # stable: among equal rows the first comes first
        stacked = np.stack(ranks, axis=1)[order]
        fresh = np.ones(count, dtype=bool)
        fresh[1:] = np.any(stacked[1:] != stacked[:-1], axis=1)
        first = order[fresh]
    first = first[::-1]
    if width == 1:
        return first[:1]
    if len(first) >= BITSETS_FROM:
        later = np.stack([ranks[k][first] for k in range(1, width)], axis=1)
        return np.sort(first[~dominated_by_earlier(later)])
    if (width - 1) * (bits + 1) > 62:
        return np.sort(first[_nondominated_wide(values[first])])
    keys = np.zeros(len(first), dtype=np.int64)
    guard = 0
    for k in range(1, width):
        shift = (k - 1) * (bits + 1)
        keys |= ranks[k][first] << shift
        guard |= 1 << (shift + bits)
    guard = np.int64(guard)
    loops = kernels.compiled(len(keys) ** 2 // 4)  # about the pairs the numpy loop below compares
    if loops is not None:
        return np.sort(first[loops.packed_survivors(keys, guard)])
    # The kept rows are held with their guard bits set, in parts of ``PART`` rows. A chunk meets
    # the latest parts first (rows just before it in the order are the likeliest to beat it, as
    # they are nearest on the first column), and drops each row as soon as one part beats it, so
    # the dominated rows, most of a merge's candidates, meet only a few parts.
    parts: list[np.ndarray] = []
    kept = []
    for start in range(0, len(keys), CHUNK):
        budget.check()
        chunk, ids = keys[start:start + CHUNK], first[start:start + CHUNK]
        for part in reversed(parts):
            difference = part[:, None] - chunk[None, :]
            np.bitwise_and(difference, guard, out=difference)
            alive = ~(difference == guard).any(axis=0)
            chunk, ids = chunk[alive], ids[alive]
            if not len(chunk):
                break
        if not len(chunk):
            continue
        inside = ((chunk[:, None] | guard) - chunk[None, :]) & guard == guard
        alive = ~np.triu(inside, k=1).any(axis=0)  # only an earlier row can dominate a later one
        fresh = chunk[alive] | guard
        if parts and len(parts[-1]) + len(fresh) <= PART:
            parts[-1] = np.concatenate([parts[-1], fresh])
        else:
            parts.append(fresh)
        kept.append(ids[alive])
    return np.sort(np.concatenate(kept))


def _nondominated_small(values: np.ndarray) -> np.ndarray:
    """``nondominated`` for a few rows, by comparing every pair at once: the ranks, sorts and
    packing cost more than the pairs there (a block's options, the first merge steps)."""
    at_least = (values[:, None, :] >= values[None, :, :]).all(axis=2)  # [i, j]: row i matches or beats row j
    earlier = np.tri(len(values), k=-1, dtype=bool).T  # [i, j]: i < j
    beaten = (at_least & (~at_least.T | earlier)).any(axis=0)  # beaten, or equal to an earlier row
    return np.nonzero(~beaten)[0]


def _nondominated_wide(unique: np.ndarray) -> np.ndarray:
    """The same for rows too wide to pack: positions (in ``unique``) of the non-dominated rows."""
    width = unique.shape[1]
    kept_rows = np.zeros((0, width), dtype=unique.dtype)
    kept = []
    for start in range(0, len(unique), CHUNK):
        budget.check()
        chunk = unique[start:start + CHUNK]
        positions = np.arange(start, start + len(chunk))
        if len(kept_rows):
            beaten = _dominated_by(kept_rows, chunk)
            chunk, positions = chunk[~beaten], positions[~beaten]
        inside = chunk[:, None, 0] >= chunk[None, :, 0]
        for k in range(1, width):
            inside &= chunk[:, None, k] >= chunk[None, :, k]
        alive = ~np.triu(inside, k=1).any(axis=0)
        kept_rows = np.concatenate([kept_rows, chunk[alive]])
        kept.append(positions[alive])
    return np.concatenate(kept)


def _dominated_by(front: np.ndarray, chunk: np.ndarray) -> np.ndarray:
    beaten = np.zeros(len(chunk), dtype=bool)
    for start in range(0, len(front), 4 * CHUNK):
        budget.check()
        part = front[start:start + 4 * CHUNK]
        ge = part[:, None, 0] >= chunk[None, :, 0]
        for k in range(1, front.shape[1]):
            ge &= part[:, None, k] >= chunk[None, :, k]
        beaten |= ge.any(axis=0)
    return beaten


@frozen(eq=False)
class Frontier:
    columns: np.ndarray  # (n, width): the column sums of each frontier proposal, offset included
    rows: np.ndarray  # (n, blocks): the row of each block behind it
    utilities: np.ndarray  # (n, parties): fixed-point utility of each of the problem's parties
    exact: bool  # False when partial frontiers had to be cut down (see ``frontier``)


def _utilities(decomposition: Decomposition, columns: np.ndarray) -> np.ndarray:
    problem = decomposition.problem
    result = np.empty((len(columns), len(problem.parties)), dtype=np.int64)
    for q in range(len(problem.parties)):
        net = columns[:, problem.net_column[q]]
        column = problem.penalty_column[q]
        penalty = columns[:, column] if column is not None else 0
        result[:, q] = np.maximum(0, np.minimum(net, FULL + penalty))  # `net_utility` over whole columns
    return result


DIRECTIONS = 64  # weightings of the parties an approximate frontier keeps the best partial sums for


def _spread(sums: np.ndarray, limit: int) -> np.ndarray:
    """At most ``limit`` rows of ``sums`` that are best for some weighting of the columns: what an
    approximate frontier keeps when the exact one grows too large. The weightings are fixed (a
    seeded generator), so the same problem always gives the same approximation."""
    if len(sums) <= limit:
        return np.arange(len(sums))
    low, high = sums.min(axis=0), sums.max(axis=0)
    scaled = (sums - low) / np.where(high > low, high - low, 1)
    weights = np.random.default_rng(0).random((DIRECTIONS, sums.shape[1])) + 1e-3
    share = max(1, limit // DIRECTIONS)
    chosen = np.unique(np.argsort(-(scaled @ weights.T), axis=0, kind="stable")[:share].reshape(-1))
    return chosen[:limit]


def frontier(decomposition: Decomposition, approximate: bool = False) -> Frontier:
    """The accepted proposals no other accepted proposal beats for every party, one per utility vector.

    Raises FrontierTooLarge past ``MERGE_LIMIT`` or ``FRONTIER_LIMIT``; with ``approximate``, keeps
    going with the ``APPROXIMATE`` partial sums best for a spread of weightings instead, and says so
    (``exact`` False): every point returned is then a real deal, not dominated by any other point
    returned, but the frontier may hold others.
    """
    exact = True
    problem = decomposition.problem
    width, blocks = problem.width, decomposition.blocks
    empty = Frontier(np.zeros((0, width), np.int64), np.zeros((0, len(blocks)), np.int64),
                     np.zeros((0, len(problem.parties)), np.int64), True)
    if not decomposition.feasible:
        return empty
    constrained = np.array([c for c, _ in problem.constraints], dtype=np.int64)
    minimums = np.array([m for _, m in problem.constraints], dtype=np.int64)
    best = [block.columns.max(axis=0) for block in blocks]
    rest = np.sum(best, axis=0) if best else np.zeros(width, np.int64)
    sums = decomposition.offset[None, :].copy()
    rows = np.zeros((1, 0), dtype=np.int64)
    for b, block in enumerate(blocks):
        budget.check()
        rest = rest - best[b]
        options = nondominated(block.columns)
        candidates = len(sums) * len(options)
        if candidates > MERGE_LIMIT:
            if not approximate:
                raise FrontierTooLarge(f"{candidates:,} partial sums at block {b}")
            kept = _spread(sums, max(1, min(APPROXIMATE, MERGE_LIMIT // len(options))))
            sums, rows, exact = sums[kept], rows[kept], False
        merged = (sums[:, None, :] + block.columns[options][None, :, :]).reshape(-1, width)
        parents = np.repeat(np.arange(len(sums)), len(options))
        chosen = np.tile(options, len(sums))
        if len(constrained):
            alive = np.all(merged[:, constrained] + rest[constrained] >= minimums, axis=1)
            merged, parents, chosen = merged[alive], parents[alive], chosen[alive]
        keep = nondominated(merged)
        if len(keep) > FRONTIER_LIMIT:
            if not approximate:
                raise FrontierTooLarge(f"{len(keep):,} partial frontier vectors at block {b}")
            exact = False
        if not exact and len(keep) > APPROXIMATE:
            keep = keep[_spread(merged[keep], APPROXIMATE)]
        sums = merged[keep]
        rows = np.concatenate([rows[parents[keep]], chosen[keep][:, None]], axis=1)
    if len(constrained):  # with no free issue the loop never ran: the constants alone must pass
        alive = np.all(sums[:, constrained] >= minimums, axis=1)
        sums, rows = sums[alive], rows[alive]
    utilities = _utilities(decomposition, sums)
    if problem.width != len(problem.parties) or np.any(utilities != sums):
        # Columns are not the utilities themselves (the 100-point cap, or a floor at 0): the
        # utilities are monotone in the columns, so the frontier is among these, but may be smaller.
        keep = nondominated(utilities)
        sums, rows, utilities = sums[keep], rows[keep], utilities[keep]
    return Frontier(sums, rows, utilities, exact)

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
from attrs import frozen

from sim.analysis.blocks import Decomposition
from sim.engine.compiled import FULL

CHUNK = 512  # candidates compared at once against the frontier kept so far
MERGE_LIMIT = 4_000_000  # candidate sums one merge step may hold; past it the frontier is given up


class FrontierTooLarge(RuntimeError):
    """The partial frontiers outgrew ``MERGE_LIMIT``: the frontier must be estimated."""


def nondominated(values: np.ndarray) -> np.ndarray:
    """Indices of the rows no other row dominates, one per distinct row (the first among equals).

    Rows are sorted in descending lexicographic order, so any row that dominates another comes
    before it; each chunk is then compared with the frontier found so far and with itself.
    """
    if len(values) == 0:
        return np.zeros(0, dtype=np.int64)
    unique, first = np.unique(values, axis=0, return_index=True)
    unique, first = unique[::-1], first[::-1]
    width = unique.shape[1]
    kept_values = np.zeros((0, width), dtype=unique.dtype)
    kept = []
    for start in range(0, len(unique), CHUNK):
        chunk, ids = unique[start:start + CHUNK], first[start:start + CHUNK]
        if len(kept_values):
            beaten = _dominated_by(kept_values, chunk)
            chunk, ids = chunk[~beaten], ids[~beaten]
        inside = chunk[:, None, 0] >= chunk[None, :, 0]
        for k in range(1, width):
            inside &= chunk[:, None, k] >= chunk[None, :, k]
        np.fill_diagonal(inside, False)  # rows are distinct, so >= everywhere off the diagonal dominates
        alive = ~inside.any(axis=0)
        kept_values = np.concatenate([kept_values, chunk[alive]])
        kept.append(ids[alive])
    return np.sort(np.concatenate(kept))


def _dominated_by(front: np.ndarray, chunk: np.ndarray) -> np.ndarray:
    beaten = np.zeros(len(chunk), dtype=bool)
    for start in range(0, len(front), 4 * CHUNK):
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


def _utilities(decomposition: Decomposition, columns: np.ndarray) -> np.ndarray:
    problem = decomposition.problem
    result = np.empty((len(columns), len(problem.parties)), dtype=np.int64)
    for q in range(len(problem.parties)):
        net = columns[:, problem.net_column[q]]
        column = problem.penalty_column[q]
        penalty = columns[:, column] if column is not None else 0
        result[:, q] = np.maximum(0, np.minimum(net, FULL + penalty))
    return result


def frontier(decomposition: Decomposition) -> Frontier:
    """The accepted proposals no other accepted proposal beats for every party, one per utility vector."""
    problem = decomposition.problem
    width, blocks = problem.width, decomposition.blocks
    empty = Frontier(np.zeros((0, width), np.int64), np.zeros((0, len(blocks)), np.int64),
                     np.zeros((0, len(problem.parties)), np.int64))
    if not decomposition.feasible:
        return empty
    constrained = np.array([c for c, _ in problem.constraints], dtype=np.int64)
    minimums = np.array([m for _, m in problem.constraints], dtype=np.int64)
    best = [block.columns.max(axis=0) for block in blocks]
    rest = np.sum(best, axis=0) if best else np.zeros(width, np.int64)
    sums = decomposition.offset[None, :].copy()
    rows = np.zeros((1, 0), dtype=np.int64)
    for b, block in enumerate(blocks):
        rest = rest - best[b]
        options = nondominated(block.columns)
        candidates = len(sums) * len(options)
        if candidates > MERGE_LIMIT:
            raise FrontierTooLarge(f"{candidates:,} partial sums at block {b}")
        merged = (sums[:, None, :] + block.columns[options][None, :, :]).reshape(-1, width)
        parents = np.repeat(np.arange(len(sums)), len(options))
        chosen = np.tile(options, len(sums))
        if len(constrained):
            alive = np.all(merged[:, constrained] + rest[constrained] >= minimums, axis=1)
            merged, parents, chosen = merged[alive], parents[alive], chosen[alive]
        keep = nondominated(merged)
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
    return Frontier(sums, rows, utilities)

"""The Nash bargaining point and the egalitarian point, exactly, in fixed point.

Both are chosen by a total order, so every method agrees on the answer:

* Nash: the largest product of gains over the parties' levels, then the largest sum of gains, then
  the larger utility vector (lexicographically, in party order);
* egalitarian: the largest smallest gain, then the Nash order.

Either point is on the Pareto frontier (a proposal that beats it for everyone would come first in
the order), so it is picked from the frontier when that is known. ``best_by_search`` finds it
without the frontier: the same block merge, pruned by an upper bound of the product against the
best proposal found so far (a quick beam pass supplies one).
"""

from __future__ import annotations

import math
from typing import Callable, Sequence, Union

import numpy as np

from sim.analysis.blocks import Decomposition
from sim.analysis.pareto import _utilities, nondominated

BEAM = 64  # partial sums a beam pass keeps to find a good first proposal

Key = tuple


def nash_key(gains: Sequence[int], utilities: Sequence[int]) -> Key:
    return (math.prod(gains), sum(gains), tuple(utilities))


def egalitarian_key(gains: Sequence[int], utilities: Sequence[int]) -> Key:
    return (min(gains, default=0), *nash_key(gains, utilities))


Goal = Union[str, int]  # "nash", "egalitarian", or the position of one party whose utility to maximise


def goal_key(goal: Goal) -> Callable[[Sequence[int], Sequence[int]], Key]:
    if goal == "nash":
        return nash_key
    if goal == "egalitarian":
        return egalitarian_key
    return lambda gains, utilities: (utilities[goal], *nash_key(gains, utilities))


def best_row(utilities: np.ndarray, thresholds: Sequence[int], goal: Goal = "nash") -> int | None:
    """The row of ``utilities`` (one per proposal, accepted by all) that the goal's order ranks first.

    Floats narrow the field (a product of four gains overflows int64); the exact keys decide.
    """
    if len(utilities) == 0:
        return None
    gains = utilities - np.asarray(thresholds, dtype=np.int64)
    if goal == "nash":
        score = np.prod(gains.astype(float), axis=1)
        top = np.nonzero(score >= score.max() - abs(score.max()) * 1e-9)[0]
    elif goal == "egalitarian":
        smallest = gains.min(axis=1) if gains.shape[1] else np.zeros(len(gains), dtype=np.int64)
        top = np.nonzero(smallest == smallest.max())[0]
    else:
        top = np.nonzero(utilities[:, goal] == utilities[:, goal].max())[0]
    key = goal_key(goal)
    return max(top.tolist(), key=lambda row: key(gains[row].tolist(), utilities[row].tolist()))


def _merge(decomposition: Decomposition, keep_rows) -> tuple[np.ndarray, np.ndarray]:
    """Block-by-block merge of partial sums; ``keep_rows(sums, rest, weights_rest)`` selects survivors."""
    problem = decomposition.problem
    width = problem.width
    constrained = np.array([c for c, _ in problem.constraints], dtype=np.int64)
    minimums = np.array([m for _, m in problem.constraints], dtype=np.int64)
    best = [block.columns.max(axis=0) for block in decomposition.blocks]
    rest = np.sum(best, axis=0) if best else np.zeros(width, np.int64)
    sums = decomposition.offset[None, :].copy()
    rows = np.zeros((1, 0), dtype=np.int64)
    for b, block in enumerate(decomposition.blocks):
        rest = rest - best[b]
        options = nondominated(block.columns)
        merged = (sums[:, None, :] + block.columns[options][None, :, :]).reshape(-1, width)
        parents = np.repeat(np.arange(len(sums)), len(options))
        chosen = np.tile(options, len(sums))
        alive = np.ones(len(merged), dtype=bool)
        if len(constrained):
            alive &= np.all(merged[:, constrained] + rest[constrained] >= minimums, axis=1)
        merged, parents, chosen = merged[alive], parents[alive], chosen[alive]
        keep = keep_rows(merged, rest, b + 1)
        sums = merged[keep]
        rows = np.concatenate([rows[parents[keep]], chosen[keep][:, None]], axis=1)
        if not len(sums):
            break
    if len(constrained):  # with no free issue the loop never ran: the constants alone must pass
        alive = np.all(sums[:, constrained] >= minimums, axis=1)
        sums, rows = sums[alive], rows[alive]
    return sums, rows


def _gain_bounds(decomposition: Decomposition, sums: np.ndarray, rest: np.ndarray) -> np.ndarray:
    """Per row and party, an upper bound of the party's gain over every completion (utility <= net)."""
    problem = decomposition.problem
    nets = np.array(problem.net_column, dtype=np.int64)
    # utility = max(0, min(net, ...)) <= max(0, net)
    return np.maximum(sums[:, nets] + rest[nets], 0) - np.array(problem.thresholds, dtype=np.int64)


def _beam(decomposition: Decomposition, goal: Goal) -> tuple[np.ndarray, np.ndarray]:
    def keep(sums: np.ndarray, rest: np.ndarray, _done: int) -> np.ndarray:
        bounds = _gain_bounds(decomposition, sums, rest).astype(float)
        if goal == "nash":
            score = np.log1p(np.maximum(bounds, 0)).sum(axis=1)
        elif goal == "egalitarian":
            score = bounds.min(axis=1)
        else:
            score = bounds[:, goal]
        candidates = nondominated(sums)
        order = np.argsort(-score[candidates], kind="stable")
        return candidates[order[:BEAM]]

    return _merge(decomposition, keep)


def best_by_search(decomposition: Decomposition, goal: Goal = "nash") -> tuple[np.ndarray, np.ndarray] | None:
    """(columns, block rows) of the proposal the goal ranks first among those accepted, or None."""
    problem = decomposition.problem
    if not decomposition.feasible:
        return None
    thresholds = problem.thresholds
    nets = np.array(problem.net_column, dtype=np.int64)
    levels = np.array(thresholds, dtype=np.int64)
    sums, _rows = _beam(decomposition, goal)
    incumbent = None
    if len(sums):
        row = best_row(_utilities(decomposition, sums), thresholds, goal)
        incumbent = [u - t for u, t in zip(_utilities(decomposition, sums[row:row + 1])[0].tolist(), thresholds)]
    tangent_rest = weights = None
    if incumbent is not None and goal == "nash" and min(incumbent) > 0:
        # The tangent of the product at the incumbent: sum(g / g*) <= P for anything no better.
        weights = 1.0 / np.array(incumbent, dtype=float)
        per_block = [float((block.columns[:, nets] * weights).sum(axis=1).max()) for block in decomposition.blocks]
        tangent_rest = np.concatenate([np.cumsum(per_block[::-1])[::-1], [0.0]]) if per_block else np.zeros(1)
    parties = len(thresholds)

    def keep(sums: np.ndarray, rest: np.ndarray, done: int) -> np.ndarray:
        candidates = nondominated(sums)
        if incumbent is None:
            return candidates
        bounds = _gain_bounds(decomposition, sums[candidates], rest)
        if goal == "egalitarian":
            return candidates[bounds.min(axis=1) >= min(incumbent)]
        if goal != "nash":
            return candidates[bounds[:, goal] >= incumbent[goal]]
        target = math.prod(incumbent) * (1 - 1e-9)
        alive = np.prod(np.maximum(bounds, 0).astype(float), axis=1) >= target
        if tangent_rest is not None:
            gains_now = sums[candidates][:, nets] - levels
            alive &= (gains_now * weights).sum(axis=1) + tangent_rest[done] >= parties * (1 - 1e-9)
        return candidates[alive]

    sums, rows = _merge(decomposition, keep)
    if not len(sums):
        return None
    row = best_row(_utilities(decomposition, sums), thresholds, goal)
    return sums[row], rows[row]

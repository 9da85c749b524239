"""A problem's whole space, as one or more decompositions, and the exact searches over it."""

from __future__ import annotations

import random

import numpy as np

from sim.analysis.bargaining import Goal, best_by_search, goal_key
from sim.analysis.blocks import Decomposition, GroupsTooFine, branches, decompose
from sim.analysis.counting import Count, count
from sim.analysis.pareto import _utilities
from sim.analysis.problem import Problem


def decompositions(problem: Problem, cache: dict | None = None, like: Decomposition | None = None) -> list[Decomposition]:
    """One decomposition per branch (usually one; see `sim.analysis.blocks.branches`). With ``like``,
    a problem that only relaxes ``like``'s keeps its block shapes (when it needs no branching), so
    the two can be compared block by block."""
    parts = branches(problem)
    if like is not None and len(parts) == 1:
        try:
            return [decompose(parts[0], cache, [list(block.issues) for block in like.blocks])]
        except GroupsTooFine:  # an issue fixed before is free now and ties groups together
            pass
    return [decompose(part, cache) for part in parts]


def count_all(parts: list[Decomposition], rng: random.Random | None = None, cache: dict | None = None) -> Count:
    """Accepted proposals over every branch: exact when every branch is, the errors combined."""
    counts = [count(part, rng, cache) for part in parts]
    error = float(np.sqrt(sum(c.error ** 2 for c in counts)))
    return Count(sum(c.size for c in counts), all(c.exact for c in counts), error)


def solve(parts: list[Decomposition], goal: Goal = "nash") -> tuple[tuple[int, ...], list[int]] | None:
    """(index, utilities of the problem's parties) of the proposal the goal ranks first, or None."""
    best = None
    for part in parts:
        found = best_by_search(part, goal)
        if found is None:
            continue
        columns, rows = found
        utilities = _utilities(part, columns[None, :])[0].tolist()
        gains = [u - t for u, t in zip(utilities, part.problem.thresholds)]
        key = goal_key(goal)(gains, utilities)
        if best is None or key > best[0]:
            best = (key, part.index(rows.tolist()), utilities)
    return None if best is None else (best[1], best[2])


def best_margin(problem: Problem, cache: dict | None = None) -> tuple[int, tuple[int, ...]] | None:
    """(margin, index) of the proposal crossing none of the parties' hard red lines whose smallest
    margin (utility minus level, fixed point) is largest: negative when no deal exists; None when
    no proposal is allowed. ``problem`` should be built with ``binding=False``."""
    found = solve(decompositions(problem, cache), "egalitarian")
    if found is None:
        return None
    return min((u - t for u, t in zip(found[1], problem.thresholds)), default=0), found[0]

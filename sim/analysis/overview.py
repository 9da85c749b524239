"""``analyze``: the whole outcome space at once: is there a deal, which is best, what blocks it."""

from __future__ import annotations

import math
import random
from typing import Callable, Mapping

import numpy as np

from sim.analysis.bargaining import best_row
from sim.analysis.blocks import Decomposition
from sim.analysis.explain import why_none
from sim.analysis.pareto import Frontier, frontier, nondominated
from sim.analysis.points import PointSequence, point
from sim.analysis.problem import Problem, problem_for
from sim.analysis.results import Analysis, Point
from sim.analysis.relaxing import STEP, best_effort, sensitivity
from sim.analysis.space import count_all, decompositions, solve
from sim.model import Scenario
from sim.model.resolve import resolve

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _frontier(parts: list[Decomposition]) -> tuple[list[tuple[tuple[int, ...], list[int]]], bool]:
    """(index, utilities) per frontier vector, over every branch; and whether it is exact."""
    found: list[tuple[tuple[int, ...], list[int]]] = []
    exact = True
    for part in parts:
        front: Frontier = frontier(part, approximate=True)
        exact = exact and front.exact
        indexes = part.indexes(front.rows).tolist()
        found += [(tuple(index), utilities) for index, utilities in zip(indexes, front.utilities.tolist())]
    if len(parts) > 1 and found:
        keep = nondominated(np.array([u for _, u in found], dtype=np.int64))
        found = [found[k] for k in keep.tolist()]
    return found, exact


def analyze(
    scenario: Scenario,
    *,
    fixed: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
    blocking: bool = True,
    step: float = STEP,
    rng: random.Random | None = None,
) -> Analysis:
    """ZOPA size, Pareto frontier, Nash and egalitarian points, and (``blocking``) the ranked
    sensitivity table, for the principals at their walk-away levels; ``fixed`` pins issues.

    ``exact`` is False when the space was too large to count or its frontier too large to merge;
    the Nash and egalitarian points are exact either way. ``rng`` seeds the estimates.
    """
    scenario = resolve(scenario)  # always about one kind, on one date (sim.model.resolve)
    rng = rng or random.Random(0)
    report = progress or (lambda stage, done, total: None)
    problem = problem_for(scenario, fixed=fixed)
    cache: dict = {}
    report("blocks", 0, 1)
    parts = decompositions(problem, cache)
    report("counting", 0, 1)
    counted = count_all(parts, rng, cache)
    report("frontier", 0, 1)
    exact = counted.exact
    front, whole = _frontier(parts)
    choose_from = front
    if not whole:  # an approximate frontier may miss them: find the two points by search instead
        exact = False
        choose_from = [found for found in (solve(parts, "nash"), solve(parts, "egalitarian")) if found]
        if choose_from:  # the exact Nash and egalitarian points belong on any picture of it
            every = front + choose_from
            keep = nondominated(np.array([u for _, u in every], dtype=np.int64))
            front = [every[k] for k in keep.tolist()]
    nash = egalitarian = None
    if choose_from:
        vectors = np.array([u for _, u in choose_from], dtype=np.int64)
        nash = point(problem, choose_from[best_row(vectors, problem.thresholds, "nash")][0], "Nash bargaining point")
        egalitarian = point(problem, choose_from[best_row(vectors, problem.thresholds, "egalitarian")][0],
                            "Egalitarian point")
    zopa = counted.size if nash is None else max(counted.size, 1)
    relaxations = ()
    if blocking:
        relaxations = sensitivity(scenario, fixed=fixed, step=step, progress=progress, rng=rng, cache=cache)
    obstacles, gap, effort = (), 0.0, None
    if nash is None:
        report("explaining", 0, 1)
        obstacles = why_none(scenario, fixed=fixed)
        gap, index = best_effort(scenario, fixed, cache)
        effort = None if index is None else point(problem, index, "Closest to a deal")
    return Analysis(
        scenario=scenario.id,
        zopa_size=zopa,
        exact=exact,
        space_size=math.prod(problem.compiled.sizes),
        nash=nash,
        egalitarian=egalitarian,
        frontier=_points(problem, front),
        blocking=relaxations,
        obstacles=obstacles,
        zopa_error=counted.error,
        gap=gap,
        best_effort=effort,
    )


def _points(problem: Problem, found) -> PointSequence:
    """Frontier points, the best Nash product first (then by index), made when first read."""
    def order(entry) -> tuple:
        index, utilities = entry
        return (-math.prod(u - t for u, t in zip(utilities, problem.thresholds)), index)

    ranked = sorted(found, key=order)
    return PointSequence(problem, [index for index, _ in ranked], [utilities for _, utilities in ranked])


def nash_point(scenario: Scenario, *, fixed: Mapping[str, str | None] | None = None) -> Point | None:
    """The Nash bargaining point alone, exact at any size, without the frontier; None when no deal exists."""
    scenario = resolve(scenario)  # always about one kind, on one date (sim.model.resolve)
    problem = problem_for(scenario, fixed=fixed)
    found = solve(decompositions(problem), "nash")
    return None if found is None else point(problem, found[0], "Nash bargaining point")


def egalitarian_point(scenario: Scenario, *, fixed: Mapping[str, str | None] | None = None) -> Point | None:
    """The egalitarian point alone (largest smallest gain), exact at any size; None when no deal exists."""
    scenario = resolve(scenario)  # always about one kind, on one date (sim.model.resolve)
    problem = problem_for(scenario, fixed=fixed)
    found = solve(decompositions(problem), "egalitarian")
    return None if found is None else point(problem, found[0], "Egalitarian point")

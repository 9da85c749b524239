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
from sim.analysis.point_sequence import PointSequence
from sim.analysis.points import point
from sim.analysis.problem import Problem, problem_for
from sim.analysis.results import Analysis, Point
from sim.analysis.relaxing import STEP, best_effort, sensitivity
from sim.analysis.space import count_all, decompositions, solve
from sim.model import Scenario
from sim.model.resolve import resolve

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _frontier(parts: list[Decomposition]) -> tuple[np.ndarray, np.ndarray, bool]:
    """(indexes, utilities): one row per frontier vector, over every branch; and whether it is exact."""
    indexes, utilities = [], []
    exact = True
    for part in parts:
        front: Frontier = frontier(part, approximate=True)
        exact = exact and front.exact
        indexes.append(part.indexes(front.rows))
        utilities.append(front.utilities)
    width = parts[0].problem.issue_count if parts else 0
    found = (np.concatenate(indexes) if indexes else np.zeros((0, width), np.int64),
             np.concatenate(utilities) if utilities else np.zeros((0, 0), np.int64))
    if len(parts) > 1 and len(found[0]):
        keep = nondominated(found[1])
        found = (found[0][keep], found[1][keep])
    return found[0], found[1], exact


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
    front_indexes, front_utilities, whole = _frontier(parts)
    choose_from = (front_indexes, front_utilities)
    if not whole:  # an approximate frontier may miss them: find the two points by search instead
        exact = False
        searched = [found for found in (solve(parts, "nash"), solve(parts, "egalitarian")) if found]
        choose_from = (np.array([index for index, _ in searched], dtype=np.int64).reshape(len(searched), -1),
                       np.array([u for _, u in searched], dtype=np.int64).reshape(len(searched), -1))
        if searched:  # the exact Nash and egalitarian points belong on any picture of it
            every = (np.concatenate([front_indexes.reshape(-1, choose_from[0].shape[1]), choose_from[0]]),
                     np.concatenate([front_utilities.reshape(-1, choose_from[1].shape[1]), choose_from[1]]))
            keep = nondominated(every[1])
            front_indexes, front_utilities = every[0][keep], every[1][keep]
    nash = egalitarian = None
    if len(choose_from[0]):
        indexes, vectors = choose_from
        best = best_row(vectors, problem.thresholds, "nash")
        nash = point(problem, tuple(indexes[best].tolist()), "Nash bargaining point")
        best = best_row(vectors, problem.thresholds, "egalitarian")
        egalitarian = point(problem, tuple(indexes[best].tolist()), "Egalitarian point")
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
        frontier=_points(problem, front_indexes, front_utilities),
        blocking=relaxations,
        obstacles=obstacles,
        zopa_error=counted.error,
        gap=gap,
        best_effort=effort,
    )


def _points(problem: Problem, indexes: np.ndarray, utilities: np.ndarray) -> PointSequence:
    """Frontier points, the best Nash product first (then by index), made when first read."""
    ranked = _ranked(indexes, utilities, problem.thresholds) if len(indexes) else []
    return PointSequence(problem, indexes[ranked], utilities[ranked])


def _ranked(indexes: np.ndarray, utilities: np.ndarray, thresholds: tuple[int, ...]) -> list[int]:
    """Positions by descending product of gains, then ascending index. Products of four gains of a
    million units pass a float's exactness, so numpy sorts by the float product and any run of
    nearly equal ones is put in order again with exact integers."""
    gains = np.asarray(utilities, dtype=np.int64) - np.array(thresholds, dtype=np.int64)
    approx = np.prod(gains.astype(np.float64), axis=1)
    order = np.lexsort(tuple(np.asarray(indexes, dtype=np.int64).T[::-1]) + (-approx,))
    near = approx[order]
    tied = np.abs(near[1:] - near[:-1]) <= 1e-9 * np.maximum(np.abs(near[1:]), np.abs(near[:-1]))
    if not tied.any():
        return order.tolist()
    ranked = order.tolist()
    starts = np.nonzero(tied & ~np.concatenate([[False], tied[:-1]]))[0]
    for start in starts.tolist():  # a run of positions start .. stop, all nearly equal
        stop = start + 1
        while stop < len(tied) and tied[stop]:
            stop += 1
        run = ranked[start:stop + 1]
        ranked[start:stop + 1] = sorted(run, key=lambda k: (-math.prod(gains[k].tolist()), tuple(indexes[k].tolist())))
    return ranked


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

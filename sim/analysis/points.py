"""Turning compiled indexes back into proposals with every party's utility, as the engine scores them.

Without numpy: a game's counter-proposals and its "issues apart" go through here before the
table's first frame (a frontier's lazy sequence, which needs numpy, is sim.analysis.point_sequence)."""

from __future__ import annotations

import math
from typing import Sequence

from sim.analysis.problem import Problem
from sim.analysis.results import Point
from sim.engine.compiled import SCALE
from sim.engine.fast import scaled_utility
from sim.model import FrozenMap


def fixed_utilities(problem: Problem, index: Sequence[int]) -> list[int]:
    """Every party's fixed-point utility, in scenario order, straight from the engine."""
    return [scaled_utility(party, index)[0] for party in problem.compiled.parties]


def utilities_map(problem: Problem, utilities: Sequence[int]) -> FrozenMap[str, float]:
    return FrozenMap({party.id: u / SCALE for party, u in zip(problem.compiled.scenario.parties, utilities)})


def product_of_gains(problem: Problem, utilities: Sequence[int]) -> float:
    """The product of the problem's parties' gains over their levels, in utility points."""
    return math.prod((utilities[p] - t) / SCALE for p, t in zip(problem.parties, problem.thresholds))


def point(problem: Problem, index: Sequence[int], title: str = "") -> Point:
    utilities = fixed_utilities(problem, index)
    return Point(
        proposal=problem.compiled.proposal(index, title=title),
        index=tuple(index),
        utilities=utilities_map(problem, utilities),
        nash_product=product_of_gains(problem, utilities),
    )


def points(problem: Problem, indexes: Sequence[Sequence[int]], utilities: Sequence[Sequence[int]]) -> list[Point]:
    """Points for many indexes whose utilities for the problem's parties are already known (exact,
    from the analysis's columns); only the other parties are scored with the engine."""
    return [known_point(problem, index, known) for index, known in zip(indexes, utilities)]


def known_point(problem: Problem, index: Sequence[int], known: Sequence[int]) -> Point:
    compiled = problem.compiled
    index = tuple(index)
    full = [0] * len(compiled.parties)
    for p, u in zip(problem.parties, known):
        full[p] = u
    for p in range(len(full)):
        if p not in problem.parties:
            full[p] = scaled_utility(compiled.parties[p], index)[0]
    return Point(compiled.proposal(index), index, utilities_map(problem, full), product_of_gains(problem, full))

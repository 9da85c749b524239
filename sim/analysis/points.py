"""Turning compiled indexes back into proposals with every party's utility, as the engine scores them."""

from __future__ import annotations

import math
from typing import Sequence

from sim.analysis.problem import Problem
from sim.analysis.results import Point
from sim.engine.compiled import SCALE
from sim.engine.fast import fixed_utility
from sim.model import FrozenMap


def fixed_utilities(problem: Problem, index: Sequence[int]) -> list[int]:
    """Every party's fixed-point utility, in scenario order, straight from the engine."""
    return [fixed_utility(party, index)[0] for party in problem.compiled.parties]


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

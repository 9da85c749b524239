"""Turning compiled indexes back into proposals with every party's utility, as the engine scores them."""

from __future__ import annotations

import math
from collections.abc import Sequence as SequenceABC
from typing import Sequence

import numpy as np

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
    return [_known_point(problem, index, known) for index, known in zip(indexes, utilities)]


def _known_point(problem: Problem, index: Sequence[int], known: Sequence[int]) -> Point:
    compiled = problem.compiled
    index = tuple(index)
    full = [0] * len(compiled.parties)
    for p, u in zip(problem.parties, known):
        full[p] = u
    for p in range(len(full)):
        if p not in problem.parties:
            full[p] = scaled_utility(compiled.parties[p], index)[0]
    return Point(compiled.proposal(index), index, utilities_map(problem, full), product_of_gains(problem, full))


def _rows(values: Sequence[Sequence[int]]) -> np.ndarray:
    """A copy as a 2-D int64 array (an empty one too, of any width)."""
    found = np.array(values, dtype=np.int64)
    return found.reshape(len(values), -1) if found.size else np.zeros((len(values), 0), dtype=np.int64)


class PointSequence(SequenceABC):
    """A read-only sequence of points, each made when first read: a frontier of thousands of
    proposals costs nothing until someone looks at it. Compares equal to any sequence of the same points."""

    def __init__(self, problem: Problem, indexes: Sequence[Sequence[int]], utilities: Sequence[Sequence[int]]):
        """``indexes`` and ``utilities`` (of the problem's parties) may be numpy arrays: they are
        copied as they are and turned into Python values only for the points read."""
        self._problem = problem
        self._indexes = _rows(indexes)
        self._utilities = _rows(utilities)
        self._made: dict[int, Point] = {}

    def __len__(self) -> int:
        return len(self._indexes)

    def __getitem__(self, item):  # type: ignore[override]
        if isinstance(item, slice):
            return tuple(self[i] for i in range(*item.indices(len(self))))
        position = range(len(self))[item]
        point = self._made.get(position)
        if point is None:
            point = self._made[position] = _known_point(self._problem, self._indexes[position].tolist(),
                                                        self._utilities[position].tolist())
        return point

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SequenceABC):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    def __hash__(self) -> int:
        return hash(self._indexes.tobytes())

    def __repr__(self) -> str:
        return f"PointSequence({len(self)} points)"

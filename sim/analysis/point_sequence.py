"""A frontier's points as a lazy sequence over numpy rows: each point is made when first read."""

from __future__ import annotations

from collections.abc import Sequence as SequenceABC
from typing import Sequence

import numpy as np

from sim.analysis.points import known_point
from sim.analysis.problem import Problem
from sim.analysis.results import Point


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
            point = self._made[position] = known_point(self._problem, self._indexes[position].tolist(),
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

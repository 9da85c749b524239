"""What the analysis answers with: points of the outcome space, relaxations, suggestions.

Utilities here are in utility points (0–100), converted from the engine's fixed-point integers, so
they agree exactly with `sim.engine.assess` on the same proposal.
"""

from __future__ import annotations

from typing import Sequence

from sim.model import FrozenMap, Proposal
from sim.record import frozen


@frozen
class Point:
    """A proposal and what it gives every party."""

    proposal: Proposal
    index: tuple[int, ...]  # the compiled index (see `sim.engine.compiled`)
    utilities: FrozenMap[str, float]  # every party's utility, stakeholders included
    # Product of the principals' gains over their walk-away levels, in utility points.
    nash_product: float


@frozen
class Relaxation:
    """One red line dropped, or one walk-away level lowered by a step, and what it opens."""

    party: str
    red_line: str | None  # None for a walk-away step
    relaxed: str  # in words: "drop hard red line `x`" or "walk-away 45 -> 40"
    hard: bool  # the red line is hard (False for soft lines and walk-away steps)
    zopa_size_if_relaxed: int
    deal_if_relaxed: bool
    exact: bool  # False when the size is estimated
    # Utility points the least satisfied principal would still lack at the best proposal within
    # every hard red line (0 when a deal exists; None when the hard red lines alone clash).
    gap_if_relaxed: float | None = 0.0


@frozen
class Obstacle:
    """Why no acceptable proposal exists, as one plain statement and the parties it concerns."""

    parties: tuple[str, ...]
    message: str


@frozen
class Analysis:
    scenario: str
    zopa_size: int
    exact: bool  # False when the ZOPA size or the frontier had to be estimated
    space_size: int  # every proposal the scenario allows (with "open" as a choice)
    nash: Point | None
    egalitarian: Point | None
    # One point per distinct non-dominated utility vector of the principals, the best Nash product
    # first: a read-only sequence whose points are made when first read (see PointSequence).
    frontier: Sequence[Point]
    blocking: tuple[Relaxation, ...]  # ranked: the relaxation that opens the most room first
    obstacles: tuple[Obstacle, ...]  # why no deal exists (empty when one does)
    zopa_error: float = 0.0  # standard error of an estimated ZOPA size (0 when exact)
    # Utility points the least satisfied principal lacks at the best proposal within every hard red
    # line: 0 when a deal exists, None when the principals' hard red lines alone clash.
    gap: float | None = 0.0
    # When no deal exists: the proposal within every principal's hard red lines whose least
    # satisfied principal falls shortest of its walk-away level (the "gap" above).
    best_effort: Point | None = None

    @property
    def deal_exists(self) -> bool:
        return self.nash is not None

    @property
    def frontier_size(self) -> int:
        return len(self.frontier)


@frozen
class Change:
    issue: str
    before: str | None  # option id, None when the issue was open
    after: str | None


@frozen
class Suggestion:
    """The acceptable proposal closest to a draft: fewest changed issues, then the best Nash product."""

    proposal: Proposal
    changes: tuple[Change, ...]
    distance: int
    utilities: FrozenMap[str, float]  # every party's utility
    # Product of the required parties' gains over their acceptance levels, in utility points.
    nash_product: float

"""How far a scenario's numbers may be off: the ranges robustness samples calibrations within.

Weights, values and walk-away levels are the scenario author's calibration: no party stated them.
A scenario may say how sure it is of them, for the whole scenario, per party, and per issue; what
it leaves unsaid falls back to ``DEFAULT``. Red lines are not ranged here: each already carries the
confidence of its sources, and robustness sets the weaker ones aside instead.
"""

from __future__ import annotations

from attrs import field

from sim.model.frozen_map import FrozenMap
from sim.record import frozen


def _freeze(items: object) -> FrozenMap:
    return items if isinstance(items, FrozenMap) else FrozenMap(items)  # type: ignore[arg-type]


@frozen
class IssueSpread:
    """One issue's ranges, overriding the party's (or the scenario's) for that issue."""

    weight: float | None = None  # ± share of the weight: 0.25 is ±25%
    values: float | None = None  # ± utility points on every option's value and on the open value


@frozen
class Spread:
    """Ranges for a whole scenario (``[uncertainty]``) or one party (``[parties.uncertainty]``).

    None means "not said here": the next level out decides (party, then scenario, then DEFAULT).
    """

    weights: float | None = None  # ± share of each weight: 0.25 is ±25%
    values: float | None = None  # ± utility points on each value
    walk_away: float | None = None  # ± utility points
    issues: FrozenMap[str, IssueSpread] = field(factory=FrozenMap, converter=_freeze)


DEFAULT_WEIGHTS = 0.25
DEFAULT_VALUES = 5.0
DEFAULT_WALK_AWAY = 5.0
DEFAULT = Spread(weights=DEFAULT_WEIGHTS, values=DEFAULT_VALUES, walk_away=DEFAULT_WALK_AWAY)
NONE = Spread(weights=0.0, values=0.0, walk_away=0.0)  # every number exactly as written


def _first(*candidates: float | None) -> float:
    return next(c for c in candidates if c is not None)


@frozen
class Resolved:
    """The ranges that apply to one party's numbers, every level of defaults taken into account."""

    walk_away: float
    weights: FrozenMap[str, float]  # issue id → ± share
    values: FrozenMap[str, float]  # issue id → ± points


def resolve(scenario_spread: Spread, party_spread: Spread | None, issues: tuple[str, ...],
            default: Spread = DEFAULT) -> Resolved:
    """The ranges for a party's preferences on ``issues``: its own issue table, then its own
    ranges, then the scenario's issue table, then the scenario's ranges, then ``default``."""
    own = party_spread or Spread()
    weights, values = {}, {}
    for issue in issues:
        mine, theirs = own.issues.get(issue, IssueSpread()), scenario_spread.issues.get(issue, IssueSpread())
        weights[issue] = _first(mine.weight, own.weights, theirs.weight, scenario_spread.weights, default.weights)
        values[issue] = _first(mine.values, own.values, theirs.values, scenario_spread.values, default.values)
    return Resolved(
        walk_away=_first(own.walk_away, scenario_spread.walk_away, default.walk_away),
        weights=FrozenMap(weights),
        values=FrozenMap(values),
    )

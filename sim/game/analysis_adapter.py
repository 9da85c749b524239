"""The game's questions to the analysis, in one place: no other game module imports sim.analysis
(an import-linter contract says so), and the answers are the game's own plain values.

* the closest proposal one party accepts at a given utility: its counter-proposal, and the
  distance behind the score's "issues apart" (``sim.analysis.closest_acceptable``);
* the best Nash product any deal reaches, which the score compares a deal against
  (``sim.analysis.nash_point``).
"""

from __future__ import annotations

from typing import Mapping

from sim.analysis import closest_acceptable
from sim.model import Proposal, Scenario


def closest_for_party(
    scenario: Scenario, draft: Proposal, party_id: str, min_utility: float, fixed: Mapping[str, str] | None = None
) -> Proposal | None:
    """The proposal with the fewest changes to ``draft`` (never to ``fixed`` issues) that ``party_id``
    accepts with at least ``min_utility`` (never less than its walk-away level); ties go to its higher
    gain. Its hard red lines always hold. None when there is no such proposal."""
    from sim.analysis.budget import TooTangled  # not sim.analysis.blocks: that one brings numpy

    level = max(min_utility, scenario.party(party_id).walk_away)
    try:
        found = closest_acceptable(scenario, draft, parties=[party_id], min_utility={party_id: level}, fixed=fixed or None)
    except TooTangled:  # too tangled to search within the bound: the party proposes nothing
        return None
    return None if found is None else found.proposal


def best_nash_product(scenario: Scenario) -> float:
    """The largest product of principals' gains over their walk-away levels among deals, in
    utility points; 0 when no deal exists."""
    from sim.analysis import (
        nash_point,  # pulls in numpy: only a signed deal's score needs it
    )

    point = nash_point(scenario)
    return point.nash_product if point is not None else 0.0


def tangled_nash_product(scenario: Scenario) -> float | None:
    """best_nash_product, or None when the red lines are too tangled to find it (TooTangled is
    decided by the scenario's shape, so this stays deterministic)."""
    from sim.analysis.blocks import TooTangled

    try:
        return best_nash_product(scenario)
    except TooTangled:
        return None

"""Verdicts without explanations: the hot path for analysis, counter-proposals and benchmarks."""

from __future__ import annotations

from typing import Sequence

from sim.engine.compiled import CompiledParty, CompiledScenario


def fixed_utility(party: CompiledParty, index: Sequence[int]) -> tuple[int, bool]:
    """(utility after soft penalties, whether a hard red line is crossed), in fixed point."""
    utility = party.base_utility(index)
    vetoed = False
    for line in party.red_lines:
        if not line.test(index):
            if line.hard:
                vetoed = True
            else:
                utility -= line.penalty
    return max(0, utility), vetoed


def evaluate_all(scenario: CompiledScenario, index: Sequence[int]) -> tuple[tuple[int, bool], ...]:
    """(fixed-point utility, vetoed) for every party, in scenario order."""
    return tuple(fixed_utility(party, index) for party in scenario.parties)


def accepts(party: CompiledParty, index: Sequence[int]) -> bool:
    utility, vetoed = fixed_utility(party, index)
    return not vetoed and utility >= party.walk_away


def is_deal(scenario: CompiledScenario, index: Sequence[int]) -> bool:
    parties = scenario.parties
    return all(accepts(parties[p], index) for p in scenario.principals)

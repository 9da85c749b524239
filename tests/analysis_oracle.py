"""Brute force over every proposal with the engine itself: the reference the analysis must match.

Only for small spaces (property tests draw scenarios of at most a few thousand proposals).
"""

from __future__ import annotations

import itertools
import math
from typing import Iterator, Mapping, Sequence

from sim.engine import compiled
from sim.engine.compiled import SCALE
from sim.engine.fast import scaled_utility
from sim.model import Scenario
from sim.model.resolve import resolve


def indexes(scenario: Scenario) -> Iterator[tuple[int, ...]]:
    return itertools.product(*(range(n) for n in compiled(scenario).sizes))


def required(scenario: Scenario, parties: Sequence[str] | None) -> list[int]:
    if parties is None:
        return [p for p, party in enumerate(scenario.parties) if party.principal]
    return sorted({scenario.party_ids.index(p) for p in parties})


def levels_of(scenario: Scenario, positions: list[int], min_utility: Mapping[str, float] | None) -> list[int]:
    table = compiled(resolve(scenario))
    levels = []
    for p in positions:
        party_id = scenario.parties[p].id
        given = (min_utility or {}).get(party_id)
        levels.append(table.parties[p].walk_away if given is None else round(given * SCALE))
    return levels


def fixed_index(scenario: Scenario, fixed: Mapping[str, str | None] | None) -> dict[int, int]:
    pinned = {}
    for issue_id, option_id in (fixed or {}).items():
        issue = scenario.issue(issue_id)
        pinned[scenario.issue_ids.index(issue_id)] = len(issue.options) if option_id is None else issue.position(option_id)
    return pinned


def of_its_kind(scenario: Scenario, index: Sequence[int]) -> bool:
    """The text settles what its kind must settle and leaves open what its kind leaves alone."""
    kind = scenario.agreement_kind(scenario.kind)
    is_open = {issue.id: index[i] == len(issue.options) for i, issue in enumerate(scenario.issues)}
    return not any(is_open[i] for i in kind.settles) and all(is_open[i] for i in kind.leaves)


def acceptable(scenario, parties=None, min_utility=None, fixed=None) -> dict[tuple[int, ...], list[int]]:
    """Every acceptable index, mapped to the required parties' fixed-point utilities: proposals of
    the kind the analysis is about (the scenario's fullest unless it was resolved for another)."""
    scenario = resolve(scenario)
    table = compiled(scenario)
    positions = required(scenario, parties)
    levels = levels_of(scenario, positions, min_utility)
    pinned = fixed_index(scenario, fixed)
    found = {}
    for index in indexes(scenario):
        if any(index[i] != c for i, c in pinned.items()) or not of_its_kind(scenario, index):
            continue
        utilities = []
        for p, level in zip(positions, levels):
            utility, vetoed = scaled_utility(table.parties[p], index)
            if vetoed or utility < level:
                break
            utilities.append(utility)
        else:
            found[index] = utilities
    return found


def gains(utilities: Sequence[int], levels: Sequence[int]) -> list[int]:
    return [u - t for u, t in zip(utilities, levels)]


def nash_key(utilities: Sequence[int], levels: Sequence[int]) -> tuple:
    g = gains(utilities, levels)
    return (math.prod(g), sum(g), tuple(utilities))


def egalitarian_key(utilities: Sequence[int], levels: Sequence[int]) -> tuple:
    g = gains(utilities, levels)
    return (min(g, default=0), *nash_key(utilities, levels))


def pareto(vectors) -> set[tuple[int, ...]]:
    """The distinct utility vectors no other vector dominates."""
    distinct = set(map(tuple, vectors))
    return {
        v for v in distinct
        if not any(w != v and all(a >= b for a, b in zip(w, v)) for w in distinct)
    }


def closest(scenario, draft_index, parties=None, min_utility=None, fixed=None) -> tuple[int, tuple] | None:
    """(distance, Nash key) of the closest acceptable proposal, or None."""
    positions = required(scenario, parties)
    levels = levels_of(scenario, positions, min_utility)
    best = None
    for index, utilities in acceptable(scenario, parties, min_utility, fixed).items():
        distance = sum(a != b for a, b in zip(index, draft_index))
        key = (-distance, nash_key(utilities, levels))
        if best is None or key > best:
            best = key
    return None if best is None else (-best[0], best[1])


def gap(scenario) -> float | None:
    """Points the least satisfied principal lacks at the best proposal within every principal's
    hard red lines (0 when a deal exists); None when those red lines leave no proposal."""
    table = compiled(scenario)
    positions = required(scenario, None)
    best = None
    for index in indexes(scenario):
        margins = []
        for p in positions:
            utility, vetoed = scaled_utility(table.parties[p], index)
            if vetoed:
                break
            margins.append(utility - table.parties[p].walk_away)
        else:
            smallest = min(margins, default=0)
            best = smallest if best is None else max(best, smallest)
    return None if best is None else max(0, -best) / SCALE

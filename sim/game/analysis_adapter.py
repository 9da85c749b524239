"""The game's questions to the analysis, in one place.

* the closest proposal one party accepts at a given utility (its counter-proposal, and the
  distance behind the score's "gap");
* the best Nash product a deal can reach (what the score compares a deal against).

``sim.analysis`` answers both exactly and fast. Until it is merged into this branch, a small exact
search stands in: it enumerates changes by count, so it is only fit for small scenarios, and it
gives up (answers None) past a budget rather than hang the game.
"""

from __future__ import annotations

from itertools import combinations, product
from typing import Collection

from attrs import frozen

from sim.engine.compiled import SCALE, compiled
from sim.engine.fast import evaluate_all, fixed_utility
from sim.model import Proposal, Scenario

SEARCH_BUDGET = 200_000  # evaluations the stand-in search may spend before giving up


@frozen
class Change:
    issue: str
    before: str | None
    after: str | None


@frozen
class Counter:
    """A proposal one party accepts, and how it differs from the draft."""

    proposal: Proposal
    changes: tuple[Change, ...]
    distance: int
    utility: float  # the party's utility for it, 0-100


def closest_for_party(
    scenario: Scenario, draft: Proposal, party_id: str, min_utility: float, fixed: Collection[str] = ()
) -> Counter | None:
    """The fewest changes to ``draft`` (never to ``fixed`` issues) that ``party_id`` accepts with at
    least ``min_utility``; ties go to the party's higher utility. None when there is none."""
    space = compiled(scenario)
    party = space.parties[scenario.party_ids.index(party_id)]
    floor = max(party.walk_away, round(min_utility * SCALE))
    start = space.index(draft)
    free = [i for i, issue in enumerate(scenario.issue_ids) if issue not in fixed]
    spent = 0
    for count in range(len(free) + 1):
        best: tuple[int, tuple[int, ...]] | None = None
        for issues in combinations(free, count):
            alternatives = [[c for c in range(space.sizes[i]) if c != start[i]] for i in issues]
            for choices in product(*alternatives):
                spent += 1
                if spent > SEARCH_BUDGET:
                    return _counter(space, draft, start, best) if best else None
                index = list(start)
                for i, c in zip(issues, choices):
                    index[i] = c
                utility, vetoed = fixed_utility(party, index)
                if not vetoed and utility >= floor and (best is None or utility > best[0]):
                    best = (utility, tuple(index))
        if best is not None:
            return _counter(space, draft, start, best)
    return None


def _counter(space, draft: Proposal, start: tuple[int, ...], best: tuple[int, tuple[int, ...]]) -> Counter:
    utility, index = best
    proposal = space.proposal(index, title=draft.title)
    changes = tuple(
        Change(issue, draft.option(issue), proposal.option(issue))
        for i, issue in enumerate(space.issue_ids)
        if index[i] != start[i]
    )
    return Counter(proposal, changes, len(changes), utility / SCALE)


def best_nash_product(scenario: Scenario) -> float | None:
    """The largest product of principals' gains over their walk-away levels among deals, in
    utility points; 0 when no deal exists; None when the space is too large to search here."""
    space = compiled(scenario)
    total = 1
    for size in space.sizes:
        total *= size
    if total > SEARCH_BUDGET:
        return None
    best = 0.0
    for index in product(*(range(size) for size in space.sizes)):
        results = evaluate_all(space, index)
        value = 1.0
        for p in space.principals:
            utility, vetoed = results[p]
            gain = utility - space.parties[p].walk_away
            if vetoed or gain < 0:
                break
            value *= gain / SCALE
        else:
            best = max(best, value)
    return best

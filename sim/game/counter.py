"""A party's counter-proposal: the fewest changes to the draft that it would sign today.

The analysis finds the fewest changes that bring the party up to its demand (see
sim.game.concession), ties broken by its own gain: on its own, that is the greediest text the party
could ask for. A party at the table asks for what it needs, not for everything it could get, so each
change is then pulled back towards the draft's term as far as its demand and its hard red lines
allow. As its demand falls (its deadline nears, pressure grows, patience wears thin), so do its
counter-proposals.
"""

from __future__ import annotations

from attrs import evolve

from sim.engine.compiled import SCALE, compiled
from sim.engine.fast import scaled_utility
from sim.game.analysis_adapter import closest_for_party
from sim.game.concession import demand
from sim.game.state import GameState
from sim.engine.kinds import kind_of
from sim.model import Proposal, Scenario
from sim.model.plain import mid_sentence
from sim.model.resolve import resolve
from sim.record import frozen


@frozen
class CounterProposal:
    """What a party would sign instead of the draft."""

    proposal: Proposal
    changes: tuple[str, ...]  # the issues whose terms it changes, in scenario order
    gain: float  # its utility over its walk-away level, in points


def _moderated(scenario: Scenario, party_id: str, draft: Proposal, found: Proposal, floor: float) -> CounterProposal:
    space = compiled(scenario)
    party = space.parties[scenario.party_ids.index(party_id)]
    level = max(party.walk_away, round(floor * SCALE))
    start = space.index(draft)
    index = list(space.index(found))
    for i, issue in enumerate(scenario.issues):
        was, now = start[i], index[i]
        open_slot = len(issue.options)
        if was == now or open_slot in (was, now):
            continue  # an issue opened or newly settled has no "towards the draft"
        step = 1 if now > was else -1
        for choice in range(was + step, now, step):  # nearest to the draft's term first
            trial = index.copy()
            trial[i] = choice
            utility, vetoed = scaled_utility(party, trial)
            if not vetoed and utility >= level:
                index = trial
                break
    proposal = evolve(space.proposal(index), title=f"Counter-proposal from {mid_sentence(scenario.party(party_id).name)}")
    changes = tuple(issue_id for issue_id, was, now in zip(scenario.issue_ids, start, index) if was != now)
    gain = scaled_utility(party, index)[0] / SCALE - scenario.party(party_id).walk_away
    return CounterProposal(proposal, changes, gain)


def counter_proposal(state: GameState, scenario: Scenario, party_id: str, draft: Proposal) -> CounterProposal | None:
    """What the party would sign instead of ``draft`` today: at its demand, or at its walk-away
    level when its demand is out of reach; None when it would sign nothing (its red lines, with the
    terms signed in interim agreements, leave nothing). A counter is of the draft's own kind."""
    scenario = resolve(scenario, kind_of(scenario, draft).kind.id)
    fixed = state.locked
    floor = demand(state, scenario, party_id)
    found = closest_for_party(scenario, draft, party_id, floor, fixed)
    if found is None:
        floor = scenario.party(party_id).walk_away
        found = closest_for_party(scenario, draft, party_id, floor, fixed)
    return None if found is None else _moderated(scenario, party_id, draft, found, floor)

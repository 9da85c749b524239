"""The mediator's levers: pressure and inducements, as the scenario defines them.

A lever moves its target's walk-away level (through the effective scenario) and pressure, and
changes trust and patience all round. Each use works half as well as the one before, and a lever
has a limited number of uses, so levers cannot be farmed.
"""

from __future__ import annotations

from attrs import evolve

from sim.game.actions import ActionError
from sim.game.effective import DIMINISHING
from sim.game.feed import say
from sim.game.mood import adjust
from sim.game.setup import LeverKind
from sim.game.state import FeedKind, GameState
from sim.loading.problems import suggest
from sim.model.plain import mid_sentence


def check_lever(state: GameState, lever_id: str) -> None:
    ids = [lever.id for lever in state.setup.levers]
    if lever_id not in ids:
        raise ActionError(f"no lever `{lever_id}` in this scenario", suggest(lever_id, ids))
    lever = state.setup.lever(lever_id)
    if state.lever_uses.get(lever_id, 0) >= lever.uses:
        raise ActionError(f"`{lever_id}` has been used all {lever.uses} times it can be", "try another lever")


def use_lever(state: GameState, lever_id: str) -> GameState:
    check_lever(state, lever_id)
    lever = state.setup.lever(lever_id)
    used = state.lever_uses.get(lever_id, 0)
    factor = DIMINISHING**used
    state = evolve(state, lever_uses=state.lever_uses.replace(**{lever_id: used + 1}))
    state = adjust(state, lever.party, pressure=lever.pressure * factor)
    for party_id in dict.fromkeys((*lever.trust, *lever.patience)):
        state = adjust(state, party_id, trust=lever.trust.get(party_id, 0.0) * factor,
                       patience=lever.patience.get(party_id, 0.0) * factor)
    verb = "You lean on" if lever.kind is LeverKind.PRESSURE else "You make an offer to"
    target = mid_sentence(state.scenario.party(lever.party).name)
    weaker = " It works less well than the first time." if used else ""
    return say(state, FeedKind.MOVE, f"{verb} {target}: {lever.name}.{weaker}", party=lever.party,
               citations=lever.citations)

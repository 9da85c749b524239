"""Trust, patience and pressure: how each party feels about the talks and the mediator.

All three stay within 0-100. A party whose patience or trust reaches 0 walks out; one that walked
out comes back after an event that says so, or when the mediator coaxes it back in person.
"""

from __future__ import annotations

from attrs import evolve

from sim.game.feed import say
from sim.game.state import (
    PATIENCE_RANGE,
    PRESSURE_RANGE,
    TRUST_RANGE,
    FeedKind,
    GameState,
)
from sim.model.plain import mid_sentence

RETURN_PATIENCE = 25.0  # the patience a party comes back with: enough for a few meetings, no more


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    low, high = bounds
    return min(high, max(low, round(value, 2)))  # rounded so long games do not drift in float noise


def adjust(
    state: GameState, party_id: str, trust: float = 0.0, patience: float = 0.0, pressure: float = 0.0
) -> GameState:
    party = state.party(party_id)
    return state.with_party(
        evolve(
            party,
            trust=_clamp(party.trust + trust, TRUST_RANGE),
            patience=_clamp(party.patience + patience, PATIENCE_RANGE),
            pressure=_clamp(party.pressure + pressure, PRESSURE_RANGE),
        )
    )


def walk_out(state: GameState, party_id: str, why: str) -> GameState:
    party = state.party(party_id)
    state = state.with_party(evolve(party, present=False, out_since=state.day))
    name = mid_sentence(state.scenario.party(party_id).name)
    return say(state, FeedKind.WALKOUT, f"{name} walks out of the talks: {why}.", party=party_id)


def come_back(state: GameState, party_id: str, why: str) -> GameState:
    party = state.party(party_id)
    if party.present:
        return state
    state = state.with_party(
        evolve(party, present=True, out_since=None, patience=max(party.patience, RETURN_PATIENCE), last_met=state.day)
    )
    name = mid_sentence(state.scenario.party(party_id).name)
    return say(state, FeedKind.RETURN, f"{name} returns to the talks: {why}.", party=party_id)


def check_walkouts(state: GameState) -> GameState:
    for party in state.parties:
        if not party.present:
            continue
        if party.patience <= 0:
            state = walk_out(state, party.id, "its patience has run out")
        elif party.trust <= 0:
            state = walk_out(state, party.id, "it no longer trusts the mediator")
    return state

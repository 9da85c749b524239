"""How much a party asks for: it starts at its aspiration and comes down towards its walk-away
level as its own deadline nears, as pressure on it grows, as its patience wears thin, and as it
comes to trust the mediator. It never goes below its walk-away level."""

from __future__ import annotations

from sim.game.effective import base_walk_away
from sim.game.state import GameState
from sim.model import Scenario

# The weights of the four reasons to concede; they sum to 1, so a party under full pressure, out of
# patience, trusting the mediator completely, on its deadline day, asks for its walk-away level.
TIME_WEIGHT = 0.45
PRESSURE_WEIGHT = 0.25
IMPATIENCE_WEIGHT = 0.15
TRUST_WEIGHT = 0.15


def concession(state: GameState, party_id: str) -> float:
    """0 (asks for its aspiration) to 1 (asks for its walk-away level)."""
    setup = state.setup
    party = state.party(party_id)
    deadline = setup.temperament(party_id).deadline or setup.deadline
    span = max(1, (deadline - setup.start).days)
    time = min(1.0, max(0.0, (state.day - setup.start).days / span))
    return (
        TIME_WEIGHT * time
        + PRESSURE_WEIGHT * party.pressure / 100
        + IMPATIENCE_WEIGHT * (1 - party.patience / 100)
        + TRUST_WEIGHT * party.trust / 100
    )


def aspiration(state: GameState, scenario: Scenario, party_id: str) -> float:
    """What it asks for at first, moved by whatever has moved its walk-away level since."""
    walk_away = scenario.party(party_id).walk_away
    base = base_walk_away(state, party_id)
    written = state.setup.temperament(party_id).aspiration
    start = written if written is not None else base + (100 - base) / 2
    return min(100.0, max(walk_away, start + walk_away - base))


def demand(state: GameState, scenario: Scenario, party_id: str) -> float:
    """The utility it asks of a counter-proposal today."""
    walk_away = scenario.party(party_id).walk_away
    return walk_away + (aspiration(state, scenario, party_id) - walk_away) * (1 - concession(state, party_id))

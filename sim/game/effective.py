"""The scenario as it stands today: the positions in force on the game's day (the scenario's dated
changes, `sim.model.resolve`), with the effects of the events that happened and the levers used so far (walk-away levels, weights, red lines that started or stopped holding).

The engine and the analysis only ever see an ordinary Scenario, so every verdict in the game is
the engine's own. Derived scenarios are cached, so that the engine's compiled-scenario cache
(keyed by identity) keeps hitting while nothing changes.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from attrs import evolve

from sim.game.setup import Lever
from sim.game.state import Game, GameState
from sim.model import FrozenMap, Scenario
from sim.model.resolve import dated
from sim.model.scenario import Party, RedLine

DIMINISHING = 0.5  # each use of a lever works half as well as the one before


def lever_factor(uses: int) -> float:
    """The total effect of ``uses`` uses, as a multiple of the first use's effect."""
    return sum(DIMINISHING**k for k in range(uses))


def walk_away_shift(game: Game, fired: tuple[str, ...], lever_uses: tuple[tuple[str, int], ...], party_id: str) -> float:
    shift = 0.0
    for event_id in fired:
        for effect in game.setup.event(event_id).effects:
            if effect.party == party_id:
                shift += effect.walk_away
    for lever_id, uses in lever_uses:
        lever: Lever = game.setup.lever(lever_id)
        if lever.party == party_id:
            shift += lever.walk_away * lever_factor(uses)
    return shift


def red_line_ever(state: GameState, party_id: str, line_id: str) -> RedLine | None:
    """A red line the party holds now, held at the start or takes up later (a dated change of its
    position, an event's effect): what a line the player hears about says, even once dropped."""
    party = state.scenario.party(party_id)
    lines = [*party.red_lines, *(line for change in party.changes for line in change.red_lines)]
    lines += [line for event in state.setup.events for effect in event.effects if effect.party == party_id
              for line in effect.add_red_lines]
    return next((line for line in lines if line.id == line_id), None)


def _clamp(value: float) -> float:
    return min(100.0, max(0.0, value))


def _party(game: Game, party: Party, fired: tuple[str, ...], lever_uses: tuple[tuple[str, int], ...]) -> Party:
    weights: dict[str, float] = {}
    lines: list[RedLine] = list(party.red_lines)
    for event_id in fired:
        for effect in game.setup.event(event_id).effects:
            if effect.party != party.id:
                continue
            weights.update(effect.weights)
            dropped = set(effect.drop_red_lines)
            lines = [line for line in lines if line.id not in dropped]
            lines += [line for line in effect.add_red_lines if line.id not in {x.id for x in lines}]
    shift = walk_away_shift(game, fired, lever_uses, party.id)
    if not weights and not shift and tuple(lines) == party.red_lines:
        return party
    preferences = dict(party.preferences)
    for issue_id, weight in weights.items():  # the loader checked the party has a preference here
        preferences[issue_id] = evolve(preferences[issue_id], weight=weight)
    if not any(p.weight > 0 for p in preferences.values()):
        preferences = dict(party.preferences)  # every weight zeroed would leave utility undefined
    return evolve(
        party,
        walk_away=_clamp(party.walk_away + shift),
        walk_away_by_kind=FrozenMap({k: _clamp(v + shift) for k, v in party.walk_away_by_kind.items()}),
        preferences=FrozenMap(preferences),
        red_lines=tuple(lines),
    )


def positions_day(scenario: Scenario, day: dt.date) -> dt.date:
    """The date whose positions hold on ``day``: that of the latest change by then, so that the
    scenario (and the engine's caches keyed by it) changes only on the days a position does. Before
    the first change, the day before it: the positions at the start of the record."""
    dates = sorted({c.date for p in scenario.parties for c in p.changes})
    if not dates:
        return scenario.as_of
    passed = [d for d in dates if d <= day]
    return passed[-1] if passed else dates[0] - dt.timedelta(days=1)


@lru_cache(maxsize=256)
def _effective(game: Game, day: dt.date, fired: tuple[str, ...], lever_uses: tuple[tuple[str, int], ...]) -> Scenario:
    on_day = dated(game.scenario, day)
    if not fired and not lever_uses:
        return on_day
    parties = tuple(_party(game, party, fired, lever_uses) for party in on_day.parties)
    if parties == on_day.parties:
        return on_day
    return evolve(on_day, parties=parties)


def effective_scenario(state: GameState) -> Scenario:
    """The scenario every verdict of this state is judged against: the positions of its day."""
    day = positions_day(state.game.scenario, state.day)
    return _effective(state.game, day, state.fired, tuple(sorted(state.lever_uses.items())))


def base_walk_away(state: GameState, party_id: str) -> float:
    return state.scenario.party(party_id).walk_away

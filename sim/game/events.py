"""The timeline: dated events from the sources, and conditional ones that wait for the game.

An unconditional event happens on its date (after one roll of its ``chance``). A conditional one
may happen on any day from its date to its ``until`` (the deadline by default) on which its
condition holds, rolling its ``chance`` each such day. Every event happens at most once.
"""

from __future__ import annotations

import datetime as dt

from attrs import evolve

from sim.game.dice import chance
from sim.game.feed import say
from sim.game.mood import adjust, come_back
from sim.game.setup import Condition, Event
from sim.model.plain import possessive
from sim.game.state import FeedKind, GameState


def condition_holds(state: GameState, condition: Condition) -> bool:
    if any(state.party(p).present for p in condition.walked_out):
        return False
    if any(not state.party(p).present for p in condition.at_table):
        return False
    if any(state.party(p).trust < value for p, value in condition.min_trust.items()):
        return False
    if any(state.party(p).trust > value for p, value in condition.max_trust.items()):
        return False
    signed = any(a.interim for a in state.agreements)
    return condition.interim_signed is None or condition.interim_signed == signed


def is_due(state: GameState, event: Event, day: dt.date) -> bool:
    if event.id in state.fired:
        return False
    if event.when is None:
        return event.date == day
    last = event.until or state.setup.deadline
    return event.date <= day <= last and condition_holds(state, event.when)


def fire(state: GameState, event: Event) -> GameState:
    """The event happens: its news, its effects on moods, returns and presets."""
    state = evolve(state, fired=state.fired + (event.id,))
    state = say(state, FeedKind.NEWS, f"{event.title}. {event.news}", event=event.id, citations=event.citations)
    for effect in event.effects:
        if effect.returns:
            state = come_back(state, effect.party, event.title.rstrip("."))
        state = adjust(state, effect.party, trust=effect.trust, patience=effect.patience, pressure=effect.pressure)
    if event.preset and event.preset not in state.tabled_presets:
        state = evolve(state, tabled_presets=state.tabled_presets + (event.preset,))
        title = state.game.presets[event.preset].title or event.preset
        state = say(state, FeedKind.NEWS, f"A new plan you can put on the table: {title.rstrip('.')}.",
                    event=event.id)
    return state


def run_events(state: GameState) -> GameState:
    """Every event due today, in timeline order."""
    for event in state.setup.events:
        if is_due(state, event, state.day):
            happens, state = chance(state, event.chance)
            if happens:
                state = fire(state, event)
    return state


def announce_changes(state: GameState) -> GameState:
    """Each position that changes today (the scenario's dated changes, which the engine applies
    from this day on: see sim.game.effective), in the feed with why and its source."""
    for party in state.scenario.parties:
        for change in party.changes:
            if change.date == state.day:
                state = say(state, FeedKind.NEWS, f"{possessive(party.name)} position changes: {change.summary}",
                            party=party.id, citations=change.citations)
    return state

"""The timeline: dated events from the sources, and conditional ones that wait for the game.

An unconditional event happens on its date (after one roll of its ``chance``). A conditional one
may happen on any day from its date to its ``until`` (the deadline by default) on which its
condition holds, rolling its ``chance`` each such day. Every event happens at most once.

Events carry the consequences of talks that stall: a condition ``unsigned`` holds while no
agreement of the given kinds has been signed, so a dated event can move a position, send a party
home or (``ends``) end the talks only in a game where nothing was signed in time. What an event
changes beyond moods is said in its news line, so the player feels it where it happens.
"""

from __future__ import annotations

import datetime as dt

from attrs import evolve

from sim.game.dice import chance
from sim.game.effective import effective_scenario, red_line_ever
from sim.game.feed import say
from sim.game.mood import adjust, come_back, walk_out
from sim.game.setup import Condition, Effect, Event
from sim.game.state import FeedKind, GameState, Status
from sim.model import IMPLICIT_KIND
from sim.model.plain import mid_sentence, possessive


def signed_kinds(state: GameState) -> set[str]:
    """The kinds of every agreement signed so far (an old state's unnamed kind is the implicit one)."""
    return {a.kind or IMPLICIT_KIND.id for a in state.agreements}


def condition_holds(state: GameState, condition: Condition) -> bool:
    if any(state.party(p).present for p in condition.walked_out):
        return False
    if any(not state.party(p).present for p in condition.at_table):
        return False
    if any(state.party(p).trust < value for p, value in condition.min_trust.items()):
        return False
    if any(state.party(p).trust > value for p, value in condition.max_trust.items()):
        return False
    if signed_kinds(state) & set(condition.unsigned):
        return False
    signed = any(a.interim for a in state.agreements)
    return condition.interim_signed is None or condition.interim_signed == signed


def _line_statement(state: GameState, party_id: str, line_id: str) -> str:
    line = red_line_ever(state, party_id, line_id)
    return line.statement if line is not None else line_id


def _what_changes(state: GameState, effect: Effect) -> list[str]:
    """An effect on a party's position in words: the news line says what the event changes, not
    only what happened (moods show on the cards; positions would otherwise change unseen)."""
    name = mid_sentence(state.scenario.party(effect.party).name)
    out = []
    if effect.walk_away > 0:
        out.append(f"{name} asks more of any deal")
    elif effect.walk_away < 0:
        out.append(f"{name} would settle for less")
    before = effective_scenario(state).party(effect.party).preferences
    for issue_id, weight in effect.weights.items():
        more = "more" if weight > before[issue_id].weight else "less"
        out.append(f"{name} cares {more} about {mid_sentence(state.scenario.issue(issue_id).title)}")
    out += [f"{name} draws a new red line ({line.statement.rstrip('.')})" for line in effect.add_red_lines]
    out += [f"{name} no longer holds to a red line ({_line_statement(state, effect.party, line_id).rstrip('.')})"
            for line_id in effect.drop_red_lines]
    return out


def is_due(state: GameState, event: Event, day: dt.date) -> bool:
    if event.id in state.fired:
        return False
    if event.when is None:
        return event.date == day
    last = event.until or state.setup.deadline
    return event.date <= day <= last and condition_holds(state, event.when)


def fire(state: GameState, event: Event) -> GameState:
    """The event happens: its news (with what it changes), its effects on moods, returns,
    walk-outs and presets; and the end of the talks when it ``ends`` them."""
    changes = [words for effect in event.effects for words in _what_changes(state, effect)]
    state = evolve(state, fired=state.fired + (event.id,))
    text = f"{event.title.rstrip('.')}. {event.news.strip()}"
    if changes:
        text = f"{text.rstrip('.')}. From now on {'; '.join(changes)}."
    state = say(state, FeedKind.NEWS, text, event=event.id, citations=event.citations, note=event.note.strip())
    for effect in event.effects:
        if effect.returns:
            state = come_back(state, effect.party, event.title.rstrip("."))
        state = adjust(state, effect.party, trust=effect.trust, patience=effect.patience, pressure=effect.pressure)
        if effect.walks_out and state.party(effect.party).present:
            state = walk_out(state, effect.party, event.title.rstrip("."))
    if event.ends:
        ending = f"The talks end: {event.title.rstrip('.')}."
        state = evolve(state, status=Status.EXPIRED, ending=ending)
        return say(state, FeedKind.END, ending, event=event.id)
    if event.preset and event.preset not in state.tabled_presets:
        state = evolve(state, tabled_presets=state.tabled_presets + (event.preset,))
        title = state.game.presets[event.preset].title or event.preset
        state = say(state, FeedKind.NEWS, f"A new plan you can put on the table: {title.rstrip('.')}.",
                    event=event.id)
    return state


def run_events(state: GameState) -> GameState:
    """Every event due today, in timeline order."""
    for event in state.setup.events:
        if state.over:  # an event ended the talks: nothing else happens
            break
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

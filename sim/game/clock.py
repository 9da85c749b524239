"""The calendar: each day wears patience, eases pressure, brings the timeline's events, and may end
the game (a walked-out principal that stays away too long, or the deadline)."""

from __future__ import annotations

import datetime as dt

from attrs import evolve

from sim.game.dice import generator
from sim.game.events import announce_changes, run_events
from sim.game.feed import say
from sim.game.mood import adjust, check_walkouts
from sim.game.state import FeedKind, GameState, Status
from sim.model.plain import mid_sentence

NEGLECT_DAYS = 7  # a principal the mediator has not met for a week grows restless...
NEGLECT_COST = 1.0  # ...and loses this much more patience each further day
PRESSURE_EASE = 1.0  # pressure fades by this much a day unless renewed
BAD_DAY_CHANCE = 0.15  # on any day a party may have a bad day at home...
BAD_DAY_COST = 2.0  # ...and lose this much more patience


def end(state: GameState, status: Status, why: str) -> GameState:
    state = evolve(state, status=status, ending=why)
    return say(state, FeedKind.END, why)


def _wear(state: GameState) -> GameState:
    rng, state = generator(state)
    factor = state.game.difficulty.patience_factor
    principals = state.game.principals
    for party in state.parties:
        bad_day = rng.random() < BAD_DAY_CHANCE  # drawn for every party, present or not, so draws stay aligned
        if not party.present:
            continue
        loss = state.setup.temperament(party.id).decay * factor
        if party.id in principals and party.last_met is not None and (state.day - party.last_met).days > NEGLECT_DAYS:
            loss += NEGLECT_COST
        if bad_day:
            loss += BAD_DAY_COST
        state = adjust(state, party.id, patience=-loss, pressure=-PRESSURE_EASE)
    return state


def _check_collapse(state: GameState) -> GameState:
    grace = state.setup.walkout_grace_days
    for party in state.parties:
        if party.id in state.game.principals and not party.present and party.out_since is not None:
            if (state.day - party.out_since).days >= grace:
                name = mid_sentence(state.scenario.party(party.id).name)
                return end(state, Status.COLLAPSED,
                           f"The talks have collapsed: {name} walked out on {party.out_since} and has not come back.")
    return state


def next_day(state: GameState) -> GameState:
    state = evolve(state, day=state.day + dt.timedelta(days=1))
    if state.day > state.setup.deadline:
        return end(state, Status.EXPIRED, f"The deadline of {state.setup.deadline} has passed without a deal.")
    state = _wear(state)
    state = announce_changes(state)
    state = run_events(state)
    if state.over:  # an event ended the talks
        return state
    state = check_walkouts(state)
    return _check_collapse(state)


def advance(state: GameState, days: int) -> GameState:
    for _ in range(days):
        if state.over:
            break
        state = next_day(state)
    return state

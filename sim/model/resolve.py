"""Resolution: a scenario as it stands on one date, for one kind of agreement, as an ordinary Scenario.

The engine and the analysis never see dates or kinds: they judge an ordinary scenario whose parties
hold the positions in force on the day (the base position plus every change dated on or before it)
and only the red lines and walk-aways of one kind. Results are cached by identity, like the engine's
compiled scenarios, so resolving again on every verdict costs a dictionary look-up.
"""

from __future__ import annotations

import datetime as dt
import weakref
from typing import Callable

from attrs import evolve

from sim.model.frozen_map import FrozenMap
from sim.model.scenario import Change, Party, Scenario

_cache: dict[tuple[int, object], tuple[weakref.ref, Scenario]] = {}


def _remembered(scenario: Scenario, key: object, make: Callable[[], Scenario]) -> Scenario:
    entry = _cache.get((id(scenario), key))
    if entry is not None and entry[0]() is scenario:
        return entry[1]
    result = make()
    ident = (id(scenario), key)
    _cache[ident] = (weakref.ref(scenario, lambda _ref, cache=_cache: cache.pop(ident, None)), result)
    return result


def apply_change(party: Party, change: Change) -> Party:
    preferences = dict(party.preferences)
    preferences.update(change.preferences)
    dropped = set(change.drop_red_lines)
    replaced = {line.id: line for line in change.red_lines}
    lines = [replaced.pop(line.id, line) for line in party.red_lines if line.id not in dropped]
    lines += [line for line in change.red_lines if line.id in replaced]  # the new ones, in file order
    by_kind = dict(party.walk_away_by_kind)
    by_kind.update(change.walk_away_by_kind)
    return evolve(
        party,
        walk_away=party.walk_away if change.walk_away is None else change.walk_away,
        walk_away_by_kind=FrozenMap(by_kind),
        position=change.position or party.position,
        preferences=FrozenMap(preferences),
        red_lines=tuple(lines),
    )


def changes_by(party: Party, date: dt.date) -> tuple[Change, ...]:
    return tuple(c for c in party.changes if c.date <= date)


def _dated_party(party: Party, date: dt.date) -> Party:
    applied = changes_by(party, date)
    if not applied:
        return party
    for change in applied:
        party = apply_change(party, change)
    return evolve(party, changes=tuple(c for c in party.changes if c.date > date))


def dated(scenario: Scenario, date: dt.date | None = None) -> Scenario:
    """The positions in force on ``date`` (default: the scenario's ``as_of``). The changes still to
    come stay with their parties, so a dated scenario can be dated again, later, but never earlier."""
    date = date or scenario.as_of
    if scenario.positions_date is not None and date < scenario.positions_date:
        raise ValueError(f"positions are already those of {scenario.positions_date}; date the record, not this")
    if scenario.positions_date == date:
        return scenario

    def make() -> Scenario:
        parties = tuple(_dated_party(p, date) for p in scenario.parties)
        return evolve(scenario, parties=parties, as_of=date, positions_date=date)

    return _remembered(scenario, ("date", date), make)


def for_kind(scenario: Scenario, kind_id: str) -> Scenario:
    """Only the red lines that apply to ``kind_id``, and each party's walk-away for it."""
    if scenario.kind == kind_id:
        return scenario
    if scenario.kind:
        raise ValueError(f"already resolved for kind `{scenario.kind}`")
    scenario.agreement_kind(kind_id)  # an unknown kind is the caller's mistake: fail here, loudly

    def make() -> Scenario:
        parties = tuple(
            evolve(p, walk_away=p.walk_away_for(kind_id), walk_away_by_kind=FrozenMap(),
                   red_lines=tuple(line for line in p.red_lines if line.applies(kind_id)))
            for p in scenario.parties
        )
        return evolve(scenario, parties=parties, kind=kind_id)

    return _remembered(scenario, ("kind", kind_id), make)


def resolve(scenario: Scenario, kind_id: str | None = None, date: dt.date | None = None) -> Scenario:
    """``scenario`` on ``date`` (default: its as_of) for ``kind_id`` (default: its fullest kind)."""
    if scenario.kind:
        if kind_id not in (None, scenario.kind):
            raise ValueError(f"already resolved for kind `{scenario.kind}`")
        if date not in (None, scenario.positions_date):
            raise ValueError("a scenario resolved for a kind cannot be dated again")
        return scenario
    on_day = dated(scenario, date)
    return for_kind(on_day, kind_id or scenario.fullest_kind.id)

"""The game's own scenario data, read from ``scenarios/<id>/game.toml``: the clock, the venues,
the mediator's levers, each party's temperament, and the dated timeline of events.

Like the scenario model, these classes are immutable and trusted: :mod:`sim.game.setup_file`
validates everything where the file enters.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from attrs import field

from sim.model import FrozenMap
from sim.model.scenario import Citation, RedLine
from sim.record import frozen


@frozen
class Venue:
    """A place the mediator can travel to, and the parties that will meet there."""

    id: str
    name: str
    parties: tuple[str, ...]  # the parties the mediator can meet here one by one
    travel_days: int = 1  # days to get there from anywhere else
    joint_meetings: bool = False  # every principal comes here when the mediator convenes
    description: str = ""

    def convenes(self, principals: tuple[str, ...]) -> bool:
        """Whether a joint meeting of ``principals`` can be held here."""
        return self.joint_meetings or all(p in self.parties for p in principals)


class LeverKind(StrEnum):
    PRESSURE = "pressure"  # sanctions, threats: the target concedes, and resents it
    INDUCEMENT = "inducement"  # aid, guarantees, money: the target concedes, others may object


@frozen
class Lever:
    """Something the mediator can offer or threaten. Each use works half as well as the one before."""

    id: str
    name: str
    kind: LeverKind
    party: str  # the party it works on
    description: str = ""
    walk_away: float = 0.0  # change to the target's walk-away level on the first use
    pressure: float = 0.0  # change to the target's pressure on the first use
    trust: FrozenMap[str, float] = field(factory=FrozenMap)  # trust change per party, first use
    patience: FrozenMap[str, float] = field(factory=FrozenMap)  # patience change per party, first use
    uses: int = 3  # how many times it can be used in one game
    citations: tuple[Citation, ...] = ()


@frozen
class Effect:
    """What an event does to one party. Numbers are changes, not new values."""

    party: str
    walk_away: float = 0.0
    trust: float = 0.0
    patience: float = 0.0
    pressure: float = 0.0
    weights: FrozenMap[str, float] = field(factory=FrozenMap)  # issue -> new weight
    add_red_lines: tuple[RedLine, ...] = ()  # red lines that start holding
    drop_red_lines: tuple[str, ...] = ()  # ids of red lines that stop holding
    returns: bool = False  # a party that walked out comes back to the table
    walks_out: bool = False  # the party leaves the talks (it may be coaxed back, or collapse them)


@frozen
class Condition:
    """When a conditional event may fire; every key given must hold."""

    walked_out: tuple[str, ...] = ()  # these parties have walked out
    at_table: tuple[str, ...] = ()  # these parties are still at the table
    min_trust: FrozenMap[str, float] = field(factory=FrozenMap)
    max_trust: FrozenMap[str, float] = field(factory=FrozenMap)
    interim_signed: bool | None = None  # an interim agreement has (true) or has not (false) been signed
    unsigned: tuple[str, ...] = ()  # kind ids: no agreement of any of these kinds has been signed


@frozen
class Event:
    id: str
    date: dt.date  # the first day it can happen
    title: str
    news: str  # what the player reads, in the author's words
    citations: tuple[Citation, ...] = ()
    effects: tuple[Effect, ...] = ()
    when: Condition | None = None  # None: it happens on its date, unconditionally
    until: dt.date | None = None  # a conditional event's last possible day (default: the deadline)
    chance: float = 1.0  # the probability it happens once its day and condition have come
    preset: str = ""  # a preset proposal this event puts on the table
    note: str = ""  # where the event comes from when it cites no source, or what was simplified
    ends: bool = False  # the talks end when it happens (a deadline that passed with nothing signed)


@frozen
class Temperament:
    """How one party behaves at the table (every key optional in the file)."""

    id: str  # the party's id
    trust: float = 50.0  # its starting trust in the mediator, 0-100
    patience: float = 60.0  # its starting patience, 0-100; at 0 it walks out
    decay: float = 1.0  # patience lost per day of talks
    deadline: dt.date | None = None  # its own deadline; it concedes more as this nears
    aspiration: float | None = None  # the utility it asks for at first (default: halfway above walk-away)


@frozen
class Costs:
    """Days each action takes."""

    table: int = 1
    consult: int = 1
    lever: int = 1
    convene: int = 2
    summit: int = 3


@frozen
class GameSetup:
    start: dt.date
    deadline: dt.date
    start_venue: str
    venues: tuple[Venue, ...]
    draft: str = ""  # the preset the mediator starts with; empty: an empty draft
    walkout_grace_days: int = 5  # a principal out this long without returning collapses the talks
    costs: Costs = Costs()
    parties: tuple[Temperament, ...] = ()
    levers: tuple[Lever, ...] = ()
    events: tuple[Event, ...] = ()
    # The situation on the game's first day, in the author's words; the scenario's own briefing
    # describes its `as_of` date, which can lie after the start of a game that replays the run-up.
    briefing: str = ""
    # Presets the game does not offer the mediator (a historical outcome is to be found, not
    # loaded); they stay presets for evaluate, analyze and backtest.
    hidden_presets: tuple[str, ...] = ()
    path: str = field(default="", eq=False, repr=False)

    def venue(self, venue_id: str) -> Venue:
        for venue in self.venues:
            if venue.id == venue_id:
                return venue
        raise KeyError(venue_id)

    def lever(self, lever_id: str) -> Lever:
        for lever in self.levers:
            if lever.id == lever_id:
                return lever
        raise KeyError(lever_id)

    def event(self, event_id: str) -> Event:
        for event in self.events:
            if event.id == event_id:
                return event
        raise KeyError(event_id)

    def temperament(self, party_id: str) -> Temperament:
        for temperament in self.parties:
            if temperament.id == party_id:
                return temperament
        return Temperament(party_id)

    def venues_for(self, party_id: str) -> tuple[Venue, ...]:
        return tuple(v for v in self.venues if party_id in v.parties)

    @property
    def total_days(self) -> int:
        return (self.deadline - self.start).days

"""The scenario: what is negotiated, who negotiates, and what each party will and won't accept.

Models are immutable and trusted: :mod:`sim.loading` validates everything where data enters, so
the rest of the code can index freely.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from functools import cached_property

from attrs import field

from sim.model.frozen_map import FrozenMap
from sim.model.rules import Rule, issues_of
from sim.model.uncertainty import Spread
from sim.model.teaching import Teaching
from sim.record import frozen


class Role(StrEnum):
    PRINCIPAL = "principal"  # a deal needs its consent
    STAKEHOLDER = "stakeholder"  # its reaction matters, its signature does not


class Kind(StrEnum):
    HARD = "hard"  # a veto: crossing it means rejection
    SOFT = "soft"  # a heavy utility penalty, not a veto


class Difficulty(StrEnum):
    """How hard the scenario is to play, for the library listing (not the game's difficulty level)."""

    EASY = "easy"
    NORMAL = "normal"
    HARD = "hard"


@frozen
class Library:
    """What the scenario library shows about a scenario; every key optional in the file."""

    period: str = ""  # when it happens, e.g. "5–17 September 1978"
    tagline: str = ""  # a one-line summary
    difficulty: Difficulty | None = None
    playing_minutes: int | None = None  # a typical game's length


class Basis(StrEnum):
    STATED = "stated"  # the party said it
    INFERRED = "inferred"  # the author reads it from what the party did or left unsaid


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@frozen
class Option:
    id: str
    label: str
    description: str = ""
    mediator: bool = False  # no party or plan proposed it: a party's value for it is a guess


@frozen
class Issue:
    """A question the agreement may settle. Options are ordered along a scale the author chooses."""

    id: str
    title: str
    options: tuple[Option, ...]
    description: str = ""

    @cached_property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    def option(self, option_id: str) -> Option:
        return self.options[self.option_ids.index(option_id)]

    def position(self, option_id: str) -> int:
        """Where an option stands in the issue's order (0 = first listed)."""
        return self.option_ids.index(option_id)


@frozen
class Source:
    id: str
    title: str
    date: dt.date
    outlet: str = ""
    document: str = ""  # a file shipped inside the scenario's folder (the loader checks it exists)
    url: str = ""
    date_estimated: bool = False  # the date is inferred from the content, not printed on it


@frozen
class Citation:
    source: str
    passage: str  # a paraphrase of what the source says, never a copied sentence
    confidence: Confidence = Confidence.MEDIUM
    on: dt.date | None = None  # the date of the event the passage reports (never after the source's)


@frozen
class Preference:
    """How much a party cares about one issue and how it ranks that issue's options (all 0–100)."""

    weight: float
    values: FrozenMap[str, float]
    open: float = 0.0  # the value of leaving the issue unaddressed


@frozen
class RedLine:
    id: str
    statement: str
    rule: Rule
    # Required in files (the loader says so); defaulted here so that a red line missing its
    # citations is reported by the clearer semantic check rather than as a missing key.
    citations: tuple[Citation, ...] = ()
    kind: Kind = Kind.HARD
    penalty: float = 25.0  # utility points lost when a soft red line is crossed; unused when hard
    note: str = ""
    applies_to: tuple[str, ...] = ()  # the agreement kinds it counts for; empty: every kind
    basis: Basis = Basis.STATED

    def applies(self, kind_id: str) -> bool:
        return not self.applies_to or kind_id in self.applies_to

    @property
    def hard(self) -> bool:
        return self.kind is Kind.HARD

    @cached_property
    def issues(self) -> tuple[str, ...]:
        return issues_of(self.rule)


@frozen
class Change:
    """A party's position from ``date`` on: what replaces or leaves its earlier position."""

    date: dt.date
    summary: str  # one sentence for the game's feed
    citations: tuple[Citation, ...] = ()
    walk_away: float | None = None
    walk_away_by_kind: FrozenMap[str, float] = FrozenMap()
    position: str = ""
    drop_red_lines: tuple[str, ...] = ()
    preferences: FrozenMap[str, Preference] = FrozenMap()
    red_lines: tuple[RedLine, ...] = ()  # new lines, or lines replacing the line of the same id


@frozen
class AgreementKind:
    """A kind of agreement: what a text of this kind must settle and what it leaves alone."""

    id: str
    title: str
    description: str = ""
    ends_fighting: bool = False
    settles: tuple[str, ...] = ()  # issues a text of this kind must settle
    leaves: tuple[str, ...] = ()  # issues a text of this kind leaves open


# A scenario that declares no kinds has this one: it asks nothing, so old scenarios keep working.
IMPLICIT_KIND = AgreementKind(
    "agreement", "Agreement", "Any text the parties sign.", ends_fighting=True
)


@frozen
class Party:
    id: str
    name: str
    role: Role
    walk_away: float  # the utility (0–100) below which the party prefers no deal
    preferences: FrozenMap[str, Preference]
    red_lines: tuple[RedLine, ...] = ()
    position: str = ""  # the party's public position, in the scenario author's words
    capital: str = ""
    # Walk-away levels for particular agreement kinds; ``walk_away`` holds for every other kind.
    walk_away_by_kind: FrozenMap[str, float] = FrozenMap()
    # How its position moves after the start of the record, in date order (see sim.model.resolve).
    changes: tuple["Change", ...] = ()

    def walk_away_for(self, kind_id: str) -> float:
        return self.walk_away_by_kind.get(kind_id, self.walk_away)
    uncertainty: Spread | None = None  # how far its numbers may be off (sim.model.uncertainty)

    @property
    def principal(self) -> bool:
        return self.role is Role.PRINCIPAL

    def red_line(self, red_line_id: str) -> RedLine:
        for red_line in self.red_lines:
            if red_line.id == red_line_id:
                return red_line
        raise KeyError(red_line_id)


@frozen
class Scenario:
    id: str
    title: str
    summary: str
    as_of: dt.date
    issues: tuple[Issue, ...]
    parties: tuple[Party, ...]
    sources: tuple[Source, ...] = ()
    briefing: str = ""
    library: Library = Library()
    kinds: tuple[AgreementKind, ...] = ()  # narrowest first; empty means IMPLICIT_KIND alone
    # Set by sim.model.resolve, never by a file: the one kind this scenario was resolved for (its
    # red lines and walk-aways are that kind's), and the date through which changes are applied.
    kind: str = ""
    positions_date: dt.date | None = None
    uncertainty: Spread = field(factory=Spread)  # default ranges for every party's numbers
    teaching: Teaching = Teaching()  # the optional [teaching] table (sim.model.teaching)
    # Where the scenario was loaded from; not part of its identity.
    path: str = field(default="", eq=False, repr=False)

    @cached_property
    def agreement_kinds(self) -> tuple[AgreementKind, ...]:
        return self.kinds or (IMPLICIT_KIND,)

    @cached_property
    def kind_ids(self) -> tuple[str, ...]:
        return tuple(k.id for k in self.agreement_kinds)

    def agreement_kind(self, kind_id: str) -> AgreementKind:
        return self.agreement_kinds[self.kind_ids.index(kind_id)]

    @property
    def fullest_kind(self) -> AgreementKind:
        return self.agreement_kinds[-1]

    @cached_property
    def issue_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.issues)

    @cached_property
    def party_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.parties)

    @cached_property
    def principals(self) -> tuple[Party, ...]:
        return tuple(p for p in self.parties if p.principal)

    def issue(self, issue_id: str) -> Issue:
        return self.issues[self.issue_ids.index(issue_id)]

    def party(self, party_id: str) -> Party:
        return self.parties[self.party_ids.index(party_id)]

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

"""The scenario: what is negotiated, who negotiates, and what each party will and won't accept.

Models are immutable and trusted: :mod:`sim.loading` validates everything where data enters, so
the rest of the code can index freely.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from functools import cached_property

from attrs import field, frozen

from sim.model.frozen_map import FrozenMap
from sim.model.rules import Rule, issues_of
from sim.model.teaching import Teaching


class Role(StrEnum):
    PRINCIPAL = "principal"  # a deal needs its consent
    STAKEHOLDER = "stakeholder"  # its reaction matters, its signature does not


class Kind(StrEnum):
    HARD = "hard"  # a veto: crossing it means rejection
    SOFT = "soft"  # a heavy utility penalty, not a veto


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@frozen
class Option:
    id: str
    label: str
    description: str = ""


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
    document: str = ""  # the file name of the document among the scenario's sources
    url: str = ""


@frozen
class Citation:
    source: str
    passage: str  # a paraphrase of what the source says, never a copied sentence
    confidence: Confidence = Confidence.MEDIUM


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

    @property
    def hard(self) -> bool:
        return self.kind is Kind.HARD

    @cached_property
    def issues(self) -> tuple[str, ...]:
        return issues_of(self.rule)


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
    teaching: Teaching = Teaching()  # the optional [teaching] table (sim.model.teaching)
    # Where the scenario was loaded from; not part of its identity.
    path: str = field(default="", eq=False, repr=False)

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

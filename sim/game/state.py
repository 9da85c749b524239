"""The state of one game: immutable, and changed only by :func:`sim.game.step.step`.

Everything the app shows is read from here (or from :mod:`sim.game.view`, which filters it by
difficulty). Every random choice comes from ``Game.seed`` and the ``draws`` counter, so the same
seed and the same actions always give an equal state.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from attrs import evolve, field

from sim.engine import Verdict
from sim.game.setup import GameSetup
from sim.model import FrozenMap, Proposal, Scenario
from sim.model.scenario import Citation
from sim.record import frozen

if TYPE_CHECKING:
    from sim.game.human import HumanAnswer

TRUST_RANGE = (0.0, 100.0)
PATIENCE_RANGE = (0.0, 100.0)
PRESSURE_RANGE = (0.0, 100.0)


class Difficulty(StrEnum):
    EASY = "easy"  # everything is shown: utilities, walk-away levels, priorities, live verdicts, the analysis
    NORMAL = "normal"  # red lines are public; numbers are learnt by consulting
    HARD = "hard"  # only what parties said in public and to the mediator's face

    @property
    def patience_factor(self) -> float:
        """How fast patience wears: a forgiving clock on the easiest level."""
        return {Difficulty.EASY: 0.5, Difficulty.NORMAL: 1.0, Difficulty.HARD: 1.25}[self]

    @property
    def shows_analysis(self) -> bool:
        """Whether the player may see (and adopt) the analysis while playing.

        Only at the easiest level: the analysis reads every walk-away level and priority, which
        the harder levels make the player learn by consulting, and its one-key adoption of the
        closest acceptable proposal would otherwise play the game for them.
        """
        return self is Difficulty.EASY


class Status(StrEnum):
    ONGOING = "ongoing"
    DEAL = "deal"  # every principal signed the draft
    COLLAPSED = "collapsed"  # a principal walked out and did not come back in time
    EXPIRED = "expired"  # the deadline passed


class FeedKind(StrEnum):
    NEWS = "news"  # an event from the timeline
    ANSWER = "answer"  # a party's answer to a tabled draft
    MEETING = "meeting"  # a consultation, a joint meeting, a summit
    MOVE = "move"  # travel, levers, waiting, revisions
    WALKOUT = "walkout"
    RETURN = "return"
    SIGNING = "signing"
    END = "end"


@frozen(cache_hash=True)  # the game is a key of the effective-scenario cache: hash it once
class Game:
    """What does not change during a game."""

    scenario: Scenario
    setup: GameSetup
    presets: FrozenMap[str, Proposal]  # preset name -> proposal
    difficulty: Difficulty = Difficulty.NORMAL
    seed: int = 0

    @property
    def principals(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.scenario.principals)


@frozen
class Reaction:
    """How a party took the last draft tabled to it: the mood move applied (after bounds) and the
    facts it rested on, so that a person answering for the party can put their own in its place."""

    trust: float
    patience: float
    violations: int  # hard red lines the draft crosses, by the engine's reading
    known: bool  # one of them was a line the mediator knew of
    repeated: bool  # the mediator tabled again a draft this party had turned down


@frozen
class PartyState:
    id: str
    trust: float
    patience: float
    pressure: float = 0.0
    present: bool = True  # False once it has walked out
    out_since: dt.date | None = None
    last_met: dt.date | None = None
    consultations: int = 0
    revealed: tuple[str, ...] = ()  # facts learnt: "walk_away", "weight:<issue>", "red_line:<id>"
    heard: Proposal | None = None  # the last draft tabled to it
    verdict: Verdict | None = None  # its answer to that draft
    counter: Proposal | None = None  # its counter-proposal to that draft
    reaction: Reaction | None = None  # how it took that draft (sim.game.answers)


@frozen
class FeedItem:
    day: dt.date
    kind: FeedKind
    text: str
    party: str = ""
    event: str = ""
    citations: tuple[Citation, ...] = ()
    note: str = ""  # an event's own note: where it comes from when no source states it


@frozen
class Agreement:
    day: dt.date
    interim: bool  # False: the full deal that ends the game
    terms: FrozenMap[str, str]
    signatories: tuple[str, ...]
    kind: str = ""  # the engine's kind id for the signed text (sim.engine.kinds); "" in old states


@frozen
class LogEntry:
    day: dt.date
    line: str  # the action as a script line: the log is a script


@frozen
class GameState:
    game: Game = field(repr=False)
    day: dt.date
    venue: str
    draft: Proposal
    parties: tuple[PartyState, ...]
    status: Status = Status.ONGOING
    ending: str = ""  # why the game ended, in words
    fired: tuple[str, ...] = ()  # ids of the events that happened, in order
    lever_uses: FrozenMap[str, int] = field(factory=FrozenMap)
    agreements: tuple[Agreement, ...] = ()
    tabled_presets: tuple[str, ...] = ()  # presets events put on the table
    draws: int = 0  # random draws made so far
    start_apart: int = 0  # how many issues apart the opening draft left the sides (sim.game.gap.issues_apart)
    best_apart: int = 0  # the fewest issues apart of a draft every principal has heard
    log: tuple[LogEntry, ...] = ()
    feed: tuple[FeedItem, ...] = ()
    human_answers: tuple["HumanAnswer", ...] = ()  # answers given in person at a class table (sim.game.seats)

    @property
    def scenario(self) -> Scenario:
        return self.game.scenario

    @property
    def setup(self) -> GameSetup:
        return self.game.setup

    @property
    def over(self) -> bool:
        return self.status is not Status.ONGOING

    @property
    def days_used(self) -> int:
        return (self.day - self.setup.start).days

    @property
    def days_left(self) -> int:
        return (self.setup.deadline - self.day).days

    def party(self, party_id: str) -> PartyState:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(party_id)

    def with_party(self, party: PartyState) -> "GameState":
        return evolve(self, parties=tuple(party if p.id == party.id else p for p in self.parties))

    @property
    def locked(self) -> FrozenMap[str, str]:
        """Terms signed in interim agreements: the draft keeps them."""
        terms: dict[str, str] = {}
        for agreement in self.agreements:
            if agreement.interim:
                terms.update(agreement.terms)
        return FrozenMap(terms)

    @property
    def present_here(self) -> tuple[str, ...]:
        """The parties the mediator can meet at the current venue (walked-out ones stay home)."""
        venue = self.setup.venue(self.venue)
        return tuple(p for p in venue.parties if self.party(p).present)

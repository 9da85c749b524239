"""The mediator's actions, and their one-line text form (the form scripts and logs use).

Each action is a small frozen value; ``action.line`` writes it and :func:`parse_action` reads it
back, so a game's log is itself a script that replays the game.
"""

from __future__ import annotations

import re

from typing import ClassVar, Union, get_args

from attrs import astuple

from sim.loading.problems import suggest
from sim.record import frozen


class ActionError(ValueError):
    """An action that cannot be taken now, or a line that is not an action: what and how to fix."""

    def __init__(self, message: str, fix: str = "") -> None:
        super().__init__(message + (f"; {fix}" if fix else ""))
        self.message = message
        self.fix = fix


class Spoken:
    """Most actions' line: the verb, then each field's value in order (a None left out)."""

    verb: ClassVar[str]

    @property
    def line(self) -> str:
        return " ".join([self.verb, *(str(value) for value in astuple(self, recurse=False) if value is not None)])


@frozen
class Travel(Spoken):
    """Go to a venue (takes the venue's travel days)."""

    venue: str
    verb: ClassVar[str] = "travel"


@frozen
class Table(Spoken):
    """Table the draft to a party present here: it answers and counter-proposes."""

    party: str
    verb: ClassVar[str] = "table"


@frozen
class Consult(Spoken):
    """Talk privately with a party here: learn its priorities, build trust, or coax it back."""

    party: str
    verb: ClassVar[str] = "consult"


@frozen
class UseLever(Spoken):
    """Apply pressure or offer an inducement, from the scenario's levers."""

    lever: str
    verb: ClassVar[str] = "lever"


@frozen
class Convene(Spoken):
    """A joint meeting of every principal at a venue that hosts them all: sign what they accept."""

    verb: ClassVar[str] = "convene"


@frozen
class Summit(Spoken):
    """Call the leaders together to sign the draft: only works when every principal accepts it."""

    verb: ClassVar[str] = "summit"


@frozen
class Wait:
    days: int = 1
    verb: ClassVar[str] = "wait"

    @property
    def line(self) -> str:
        return "wait" if self.days == 1 else f"wait {self.days}"


@frozen
class SetTerm:
    """Revise the draft (free): settle an issue, or open it when ``option`` is None."""

    issue: str
    option: str | None
    verb: ClassVar[str] = "set"

    @property
    def line(self) -> str:
        return f"open {self.issue}" if self.option is None else f"set {self.issue} {self.option}"


@frozen
class LoadDraft(Spoken):
    """Replace the draft (free) with a preset, or with an empty draft."""

    preset: str  # a preset name, or EMPTY
    verb: ClassVar[str] = "draft"
    EMPTY: ClassVar[str] = "empty"


@frozen
class Adopt(Spoken):
    """Take a party's last counter-proposal into the draft (free): all of it, or one issue."""

    party: str
    issue: str | None = None
    verb: ClassVar[str] = "adopt"


Action = Union[Travel, Table, Consult, UseLever, Convene, Summit, Wait, SetTerm, LoadDraft, Adopt]

USAGE = {
    "travel": "travel VENUE",
    "table": "table PARTY",
    "consult": "consult PARTY",
    "lever": "lever LEVER",
    "convene": "convene",
    "summit": "summit",
    "wait": "wait [DAYS]",
    "set": "set ISSUE OPTION",
    "open": "open ISSUE",
    "draft": "draft PRESET|empty",
    "adopt": "adopt PARTY [ISSUE]",
}
BY_VERB = {kind.verb: kind for kind in get_args(Action)}  # each takes its words as its fields, in order
MAX_WAIT = 366


def parse_action(text: str) -> Action:
    """One action from its line, e.g. ``table russia`` or ``set nato neutral``."""
    words = text.split()
    if not words:
        raise ActionError("an empty action", "write one action per line, e.g. `wait`")
    verb, args = words[0].lower(), words[1:]
    if verb not in USAGE:
        raise ActionError(f"unknown action `{verb}`", suggest(verb, USAGE))
    expected = USAGE[verb].split()[1:]
    required = [a for a in expected if not a.startswith("[")]
    if not len(required) <= len(args) <= len(expected):
        raise ActionError(f"`{verb}` takes {_count(required, expected)}, found {len(args)}", f"write `{USAGE[verb]}`")
    if verb == "wait":
        return Wait(_days(args[0]) if args else 1)
    if verb == "open":
        return SetTerm(args[0], None)
    return BY_VERB[verb](*args)


def _count(required: list[str], expected: list[str]) -> str:
    if not expected:
        return "no arguments"
    if len(required) == len(expected):
        return f"{len(expected)} argument{'s' if len(expected) > 1 else ''}"
    return f"{len(required)} to {len(expected)} arguments"


def _days(word: str) -> int:
    # ASCII digits only, and few of them: "²" is a digit to str.isdigit, and int() refuses 5,000 digits.
    if not re.fullmatch(r"[0-9]{1,6}", word) or not 1 <= int(word) <= MAX_WAIT:
        raise ActionError(f"`{word}` is not a number of days", f"write a whole number from 1 to {MAX_WAIT}, like `wait 3`")
    return int(word)

"""The model of a recorded history: each case is a proposal on a date and what each party said."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sim.model import FrozenMap
from sim.model.scenario import Citation
from sim.record import frozen


class Recorded(StrEnum):
    """What the record says a party did. ``not_reject`` is for sources that say only that a party
    did not turn a text down (no veto), without saying whether it signed."""

    REJECT = "reject"
    NOT_REJECT = "not_reject"
    BASIS = "basis"
    ACCEPT = "accept"


@frozen
class Case:
    id: str
    date: dt.date  # the case is evaluated with the positions as of this date
    proposal: str  # the name of one of the scenario's presets
    title: str
    verdicts: FrozenMap[str, Recorded]  # party id -> what it really said
    citations: tuple[Citation, ...] = ()
    note: str = ""  # e.g. where the sources disagree about a verdict


@frozen
class History:
    cases: tuple[Case, ...]
    path: str = ""

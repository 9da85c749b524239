"""A scenario's own teaching text (the optional ``[teaching]`` table): what a class discusses,
what the instructor should know, what happened after the scenario's date, and how to grade."""

from __future__ import annotations

import datetime as dt

from attrs import field

from sim.model.frozen_map import FrozenMap
from sim.record import frozen


@frozen
class Aftermath:
    """One thing that happened after the scenario's date, with the sources that report it."""

    date: dt.date
    text: str
    sources: tuple[str, ...] = ()


@frozen
class Teaching:
    questions: tuple[str, ...] = ()  # for the class's discussion, after the game
    notes: tuple[str, ...] = ()  # for the instructor: what the model simplifies, what to watch for
    aftermath: tuple[Aftermath, ...] = ()  # what actually happened next, in date order
    rubric: tuple[str, ...] = ()  # lines added to the standard rubric
    # Party id -> a paragraph for its confidential instructions (its situation, in the author's words).
    confidential: FrozenMap[str, str] = field(factory=FrozenMap)

"""A case's scenario: the positions in force on its date (base positions plus every change dated on
or before it). The kind its text is judged as is the engine's business (`sim.engine.kinds`)."""

from __future__ import annotations

import datetime as dt

from sim.model import Scenario
from sim.model.resolve import dated


def positions_at(scenario: Scenario, date: dt.date) -> Scenario:
    return dated(scenario, date)

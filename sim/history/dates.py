"""A scenario's positions as of a date.

Dated positions (``[[parties.changes]]``, issue 8) are being added to the loader on another branch;
until they land every date sees the scenario's own positions, so a case whose verdict turned on a
later change shows up in the backtest as a miss rather than being hidden.
"""

from __future__ import annotations

import datetime as dt

from sim.model import Scenario


def positions_at(scenario: Scenario, date: dt.date) -> Scenario:
    return scenario

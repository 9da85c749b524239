"""Checks of the uncertainty ranges (``[uncertainty]``, ``[parties.uncertainty]``): sizes and issue ids."""

from __future__ import annotations

from typing import Collection, Mapping

from sim.loading.checks import Found, check_range
from sim.loading.converter import suggest
from sim.loading.problems import KeyPath
from sim.model.scenario import Issue
from sim.model.uncertainty import Spread

MAX_SHARE = 1.0  # a weight off by more than ±100% says nothing: it could be anything


def _share(value: float | None, path: KeyPath, found: Found) -> None:
    if value is not None and not 0 <= value <= MAX_SHARE:
        found.append((path, f"{value:g} is out of range",
                      "write the share a weight may be off by, from 0 to 1 (0.25 means ±25%)"))


def _points(value: float | None, path: KeyPath, found: Found) -> None:
    if value is not None:
        check_range(value, path, found)


def check_spread(spread: Spread | None, at: KeyPath, issues: Mapping[str, Issue], unknown_ok: Collection[str],
                 found: Found) -> None:
    if spread is None:
        return
    _share(spread.weights, at + ("weights",), found)
    _points(spread.values, at + ("values",), found)
    _points(spread.walk_away, at + ("walk_away",), found)
    for issue_id, issue_spread in spread.issues.items():
        here = at + ("issues", issue_id)
        if issue_id not in issues:
            if issue_id not in unknown_ok:
                found.append((here, f"unknown issue `{issue_id}`", suggest(issue_id, issues)))
            continue
        _share(issue_spread.weight, here + ("weight",), found)
        _points(issue_spread.values, here + ("values",), found)

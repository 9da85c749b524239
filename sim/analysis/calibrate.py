"""Calibrations: the scenario's numbers drawn at random within their ranges (sim.model.uncertainty).

Every weight, every option value (and open value) and every walk-away level is drawn uniformly in
its range: a value or walk-away ``x ± d`` (kept within 0–100), a weight ``w × (1 ± s)`` (kept at 0 or
above). Draws come from ``numpy.random.default_rng(seed)`` in a fixed order, so a seed always gives
the same calibrations. A zero-width range draws the number exactly as written.

Utilities are computed exactly as the engine computes them (`sim.engine.compiled`): the same
fixed-point rounding, in the same order, so a calibration that changes nothing agrees with
``assess`` to the last unit.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from attrs import evolve

from sim.analysis.memo import remembered
from sim.engine.compiled import SCALE
from sim.model import FrozenMap, Scenario
from sim.model.scenario import Party, Preference
from sim.model.uncertainty import DEFAULT, Resolved, Spread, resolve
from sim.record import frozen


@frozen
class PartyDraws:
    """One party's numbers in every calibration (rows)."""

    issues: tuple[str, ...]  # its preference issues, in file order
    weights: np.ndarray  # calibrations × issues
    values: tuple[np.ndarray, ...]  # per issue: calibrations × (options + 1), the open value last
    walk_away: np.ndarray  # calibrations
    ranges: Resolved


@frozen
class Calibrations:
    scenario: Scenario
    count: int
    seed: int
    parties: tuple[PartyDraws, ...]  # scenario order


def ranges(scenario: Scenario, party: Party, default: Spread = DEFAULT) -> Resolved:
    return resolve(scenario.uncertainty, party.uncertainty, tuple(party.preferences), default)


def _plan(scenario: Scenario, default: Spread) -> list:
    """Per party: its preference issues, their written values (open value last) and its ranges.
    Remembered per scenario: a sandbox draft changes many times, the scenario does not."""
    plan = []
    for party in scenario.parties:
        issues = tuple(party.preferences)
        written_values = [np.array([party.preferences[i].values[o] for o in scenario.issue(i).option_ids]
                                   + [party.preferences[i].open]) for i in issues]
        plan.append((party, issues, written_values, ranges(scenario, party, default)))
    return plan


def draw(scenario: Scenario, count: int, seed: int = 0, default: Spread = DEFAULT,
         index: Sequence[int] | None = None) -> Calibrations:
    """``count`` calibrations. With ``index`` (one proposal), only the values that proposal reads
    are drawn, the others kept as written: the same seed then gives other draws than without it."""
    # One matrix of uniform draws in [-1, 1), a column per number in a fixed order (party by party:
    # its weights, then each issue's values with the open value last, then its walk-away).
    plan = remembered(scenario, ("calibration plan", default), lambda: _plan(scenario, default))
    position = {issue_id: i for i, issue_id in enumerate(scenario.issue_ids)}

    def drawn(issue_id: str, written: np.ndarray) -> list[int]:
        return list(range(len(written))) if index is None else [index[position[issue_id]]]

    columns = sum(len(issues) + sum(len(drawn(i, v)) for i, v in zip(issues, values)) + 1
                  for _, issues, values, _ in plan)
    noise = np.random.default_rng(seed).uniform(-1.0, 1.0, (count, columns))
    at = 0
    parties = []
    for party, issues, written_values, spread in plan:
        written = np.array([party.preferences[i].weight for i in issues])
        shares = np.array([spread.weights[i] for i in issues])
        weights = np.maximum(0.0, written * (1 + noise[:, at:at + len(issues)] * shares))
        at += len(issues)
        values = []
        for issue_id, written in zip(issues, written_values):
            width, chosen = spread.values[issue_id], drawn(issue_id, written)
            if index is None:
                values.append(np.clip(written + noise[:, at:at + len(written)] * width, 0.0, 100.0))
            else:
                row = np.tile(written, (count, 1))
                row[:, chosen] = np.clip(written[chosen] + noise[:, at:at + len(chosen)] * width, 0.0, 100.0)
                values.append(row)
            at += len(chosen)
        walk_away = np.clip(party.walk_away + noise[:, at] * spread.walk_away, 0.0, 100.0)
        at += 1
        parties.append(PartyDraws(issues, weights, tuple(values), walk_away, spread))
    return Calibrations(scenario, count, seed, tuple(parties))


def totals(draws: PartyDraws) -> np.ndarray:
    # Added one issue at a time, as the engine's sum() does, so the float total is the same.
    total = np.zeros(draws.weights.shape[0])
    for k in range(len(draws.issues)):
        total = total + draws.weights[:, k]
    return total


def party_tables(scenario: Scenario, draws: PartyDraws, rows: slice | Sequence[int] = slice(None)) -> list[np.ndarray]:
    """tables[issue][calibration, choice]: fixed-point utility contributions, as the engine rounds them."""
    total = totals(draws)[rows]
    tables = []
    for issue in scenario.issues:
        if issue.id not in draws.issues:
            tables.append(np.zeros((len(total), len(issue.options) + 1), dtype=np.int64))
            continue
        k = draws.issues.index(issue.id)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(total > 0, draws.weights[rows, k] / total * SCALE, 0.0)
        tables.append(np.rint(share[:, None] * draws.values[k][rows]).astype(np.int64))
    return tables


def levels(draws: PartyDraws) -> np.ndarray:
    return np.rint(draws.walk_away * SCALE).astype(np.int64)


def calibrated_scenario(calibrations: Calibrations, row: int, scenario: Scenario | None = None) -> Scenario:
    """One calibration as a scenario (``scenario``: the same parties with some red lines set aside)."""
    base = scenario or calibrations.scenario
    parties = []
    for party, draws in zip(base.parties, calibrations.parties):
        preferences = {}
        for k, issue_id in enumerate(draws.issues):
            options = base.issue(issue_id).option_ids
            row_values = draws.values[k][row]
            preferences[issue_id] = Preference(
                weight=float(draws.weights[row, k]),
                values=FrozenMap({o: float(v) for o, v in zip(options, row_values[:-1])}),
                open=float(row_values[-1]),
            )
        parties.append(evolve(party, preferences=FrozenMap(preferences), walk_away=float(draws.walk_away[row])))
    return evolve(base, parties=tuple(parties))


def as_written(scenario: Scenario, default: Spread = DEFAULT) -> Calibrations:
    """One calibration: every number exactly as the scenario writes it (with its ranges attached)."""
    parties = []
    for party in scenario.parties:
        issues = tuple(party.preferences)
        weights = np.array([[party.preferences[i].weight for i in issues]]).reshape(1, len(issues))
        values = tuple(np.array([[party.preferences[i].values[o] for o in scenario.issue(i).option_ids]
                                 + [party.preferences[i].open]]) for i in issues)
        parties.append(PartyDraws(issues, weights, values, np.array([party.walk_away]),
                                  ranges(scenario, party, default)))
    return Calibrations(scenario, 1, 0, tuple(parties))

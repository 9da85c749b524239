"""Time to assess one proposal for every party (issue 2's goal: at most 5 µs median, four parties)."""

from __future__ import annotations

import random

from bench.timing import median_seconds, report
from sim import catalog
from sim.engine import assess, compiled
from sim.engine.fast import evaluate_all
from sim.model.resolve import resolve
from sim.synthetic import synthetic_scenario, with_kinds_and_dates


def _random_proposals(scenario, count: int, seed: int = 7):
    rng = random.Random(seed)
    table = compiled(scenario)
    return [table.proposal([rng.randrange(n) for n in table.sizes]) for _ in range(count)]


def _measure(label: str, scenario, fast_on=None) -> None:
    """``assess`` on ``scenario``; the fast path on ``fast_on`` (default: the same scenario)."""
    fast_on = scenario if fast_on is None else fast_on
    proposals = _random_proposals(fast_on, 1000)
    table = compiled(fast_on)
    indexes = [table.index(p) for p in proposals]

    def full() -> None:
        for proposal in proposals:
            assess(scenario, proposal)

    def fast() -> None:
        for index in indexes:
            evaluate_all(table, index)

    report(f"engine.assess.{label}", median_seconds(full) / len(proposals) * 1e6, "us/proposal")
    report(f"engine.verdicts.{label}", median_seconds(fast) / len(indexes) * 1e6, "us/proposal")


def main() -> None:
    try:
        _measure("default_scenario", catalog.find_scenario(catalog.DEFAULT_SCENARIO))
    except Exception as error:  # noqa: BLE001 - the default scenario may be absent while it is written
        print(f"# default scenario not measured: {error}")
    _measure("synthetic_4x12", synthetic_scenario(seed=1))
    _measure_kinds("synthetic_4x12.kinds_and_dates", with_kinds_and_dates(synthetic_scenario(seed=1)))


def _measure_kinds(label: str, scenario) -> None:
    """With kinds and dates: ``assess`` infers each text's kind and resolves the scenario (a cached
    look-up); the fast path runs on the scenario resolved for the full kind."""
    _measure(label, scenario, fast_on=resolve(scenario, "full"))

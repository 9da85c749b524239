"""Issue 15's faster methods against the ones they replace, on the benchmark shapes, in one run.

Each pair runs alternately (several rounds, medians), so a shared machine's load slows both alike;
the ratio (new / old, below 1 is faster) is what to read. Both give the same answer: checked here
too, and against brute force in tests/test_analysis_dominance.py.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from bench.bench_analysis import MIX, WIDE
from bench.timing import report
from sim.analysis import pareto
from sim.analysis.counting import counts_with_minimums, exact_count
from sim.analysis.problem import build_problem
from sim.analysis.space import decompositions
from sim.model.resolve import resolve
from sim.synthetic import synthetic_scenario

ROUNDS = 5


def _alternate(old, new) -> tuple[float, float]:
    """Median seconds of ``old`` and of ``new``, run by turns after one warm-up each."""
    old(), new()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(ROUNDS):
        for fn, into in ((old, times[0]), (new, times[1])):
            start = time.perf_counter()
            fn()
            into.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def _largest_merge(scenario) -> np.ndarray:
    """The candidates of the frontier's largest merge step on a scenario."""
    found: list[np.ndarray] = []
    original = pareto.nondominated

    def keep(values: np.ndarray) -> np.ndarray:
        found.append(values)
        return original(values)

    pareto.nondominated = keep
    try:
        parts = decompositions(build_problem(resolve(scenario)))
        pareto.frontier(parts[0], approximate=True)
    finally:
        pareto.nondominated = original
    return max(found, key=len)


def _pairs_only(values: np.ndarray) -> np.ndarray:
    saved, pareto.BITSETS_FROM = pareto.BITSETS_FROM, 1 << 62
    try:
        return pareto.nondominated(values)
    finally:
        pareto.BITSETS_FROM = saved


def _pareto(label: str, scenario) -> None:
    values = _largest_merge(scenario)
    assert np.array_equal(_pairs_only(values), pareto.nondominated(values))
    old, new = _alternate(lambda: _pairs_only(values), lambda: pareto.nondominated(values))
    report(f"methods.pareto_{label}.rows", len(values), f"candidates ({len(pareto.nondominated(values))} kept)")
    report(f"methods.pareto_{label}.pairs", old * 1e3, "ms")
    report(f"methods.pareto_{label}.bitsets", new * 1e3, "ms")
    report(f"methods.pareto_{label}.ratio", new / old, "(bitsets / pairs)")


def _walk_aways() -> None:
    """The sensitivity table's lowered walk-aways: one count each, or all in one pass."""
    scenario = resolve(synthetic_scenario(options=MIX, seed=1, red_lines=0))
    base = decompositions(build_problem(scenario))[0]
    minimums = dict(base.problem.constraints)
    lowered, variants = [], []
    for party in scenario.principals:
        problem = build_problem(scenario, levels={party.id: max(0.0, party.walk_away - 5)})
        lowered.append(problem)
        new = dict(problem.constraints)
        variants.append({c: new.get(c) for c in minimums if new.get(c) != minimums[c]})

    def one_each() -> list[int]:
        cache: dict = {}
        return [exact_count(base, cache)] + [exact_count(decompositions(p, cache)[0], cache) for p in lowered]

    assert one_each() == counts_with_minimums(base, variants, {})
    old, new = _alternate(one_each, lambda: counts_with_minimums(base, variants, {}))
    report("methods.walk_aways_4x12.one_count_each", old * 1e3, "ms (base and 4 lowered levels)")
    report("methods.walk_aways_4x12.one_pass", new * 1e3, "ms")
    report("methods.walk_aways_4x12.ratio", new / old, "(one pass / one count each)")


def main() -> None:
    _pareto("14x6", synthetic_scenario(options=WIDE, seed=1))
    _pareto("4x12.no_red_lines", synthetic_scenario(options=MIX, seed=1, red_lines=0))
    _walk_aways()

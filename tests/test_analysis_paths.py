"""The analysis's fallbacks for large spaces (branching, estimates, a given-up frontier) stay correct."""

from __future__ import annotations

import random

from hypothesis import given, settings

from sim.analysis import analyze, sample_zopa
from sim.analysis import blocks, counting, pareto
from sim.analysis.blocks import branches
from sim.analysis.problem import build_problem
from sim.engine import assess
from sim.synthetic import synthetic_scenario
from tests.analysis_oracle import acceptable, levels_of, nash_key, pareto as brute_pareto, required
from tests.strategies import scenarios

small = scenarios(max_issues=4, max_options=3, max_parties=3, max_lines=3)


@settings(max_examples=30)
@given(small)
def test_branching_on_tied_issues_gives_the_same_answers(scenario) -> None:
    """With a block limit of 3 choices, any tied pair must be split by branching on a hub issue."""
    original = blocks.BLOCK_LIMIT
    blocks.BLOCK_LIMIT = 3
    try:
        zopa = acceptable(scenario)
        analysis = analyze(scenario, blocking=False)
    finally:
        blocks.BLOCK_LIMIT = original
    assert analysis.zopa_size == len(zopa)
    vectors = {tuple(round(p.utilities[q.id] * 10_000) for q in scenario.principals) for p in analysis.frontier}
    assert vectors == brute_pareto(zopa.values())


def test_branching_really_happens_on_a_tied_scenario() -> None:
    scenario = synthetic_scenario(parties=2, options=(3, 3, 3, 3), red_lines=3, tied=1.0, seed=3)
    original = blocks.BLOCK_LIMIT
    blocks.BLOCK_LIMIT = 4
    try:
        parts = branches(build_problem(scenario))
        analysis = analyze(scenario, blocking=False)
    finally:
        blocks.BLOCK_LIMIT = original
    assert len(parts) > 1
    assert analysis.zopa_size == len(acceptable(scenario))


def test_a_space_past_the_budget_is_estimated_and_says_so() -> None:
    scenario = synthetic_scenario(parties=3, options=(3, 3, 3, 3, 3, 3), seed=4, walk_away_percentile=30)
    truth = len(acceptable(scenario))
    original = counting.PAIR_BUDGET
    counting.PAIR_BUDGET = 10
    try:
        analysis = analyze(scenario, rng=random.Random(1))
        sample = sample_zopa(scenario, 20, random.Random(2))
    finally:
        counting.PAIR_BUDGET = original
    assert not analysis.exact
    assert abs(analysis.zopa_size - truth) <= 5 * analysis.zopa_error + 1
    assert all(not r.exact for r in analysis.blocking)
    assert len(sample) == 20 and all(assess(scenario, p).deal for p in sample)
    assert analysis.nash is not None  # still exact: checked below against the brute force
    levels = levels_of(scenario, required(scenario, None), None)
    best = max(nash_key(u, levels) for u in acceptable(scenario).values())
    got = [round(analysis.nash.utilities[p.id] * 10_000) for p in scenario.principals]
    assert nash_key(got, levels) == best


def test_a_frontier_too_large_to_merge_falls_back_to_an_estimate() -> None:
    scenario = synthetic_scenario(parties=3, options=(3, 3, 3, 3, 3, 3), seed=5, walk_away_percentile=20)
    zopa = acceptable(scenario)
    original = pareto.MERGE_LIMIT
    pareto.MERGE_LIMIT = 2
    try:
        analysis = analyze(scenario, blocking=False)
    finally:
        pareto.MERGE_LIMIT = original
    assert not analysis.exact
    assert analysis.zopa_size == len(zopa)
    levels = levels_of(scenario, required(scenario, None), None)
    got = [round(analysis.nash.utilities[p.id] * 10_000) for p in scenario.principals]
    assert nash_key(got, levels) == max(nash_key(u, levels) for u in zopa.values())
    assert tuple(got) in brute_pareto(zopa.values())
    for point in analysis.frontier:  # an estimate from a sample, but every point is a real deal
        assert assess(scenario, point.proposal).deal

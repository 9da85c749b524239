"""Every fast method of the analysis gives exactly the brute-force answer, on small random scenarios."""

from __future__ import annotations

import math

from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from tests.analysis_oracle import (
    acceptable, closest, egalitarian_key, gap, indexes, levels_of, nash_key, pareto, required,
)
from sim.analysis import analyze, closest_acceptable, egalitarian_point, nash_point, sample_zopa, why_none, zopa_members
from sim.analysis.problem import build_problem
from sim.engine import assess, compiled
from sim.engine.compiled import SCALE
from sim.engine.fast import scaled_utility
from tests.strategies import proposals, scenarios

small = scenarios(max_issues=4, max_options=3, max_parties=3, max_lines=3)


def fixed_point(value: float) -> int:
    return round(value * SCALE)


def principal_vector(scenario, point) -> tuple[int, ...]:
    return tuple(fixed_point(point.utilities[p.id]) for p in scenario.principals)


@given(small, st.data())
def test_problem_columns_give_the_engine_utility(scenario, data):
    """The column model (net and penalty columns, the 100-point cap) is the engine's utility, exactly."""
    parties = data.draw(st.none() | st.lists(st.sampled_from(scenario.party_ids), min_size=1, unique=True))
    problem = build_problem(scenario, parties=parties)
    table = compiled(scenario)
    for index in indexes(scenario):
        engine = [scaled_utility(table.parties[p], index) for p in problem.parties]
        assert problem.utilities_of(index) == [u for u, _ in engine]
        vetoed = any(v for _, v in engine)
        assert problem.allowed(index) == (not vetoed)
        accepted = not vetoed and all(u >= t for (u, _), t in zip(engine, problem.thresholds))
        assert (problem.allowed(index) and problem.accepts(problem.columns_of(index))) == accepted


@given(small)
def test_analysis_matches_brute_force(scenario):
    zopa = acceptable(scenario)
    analysis = analyze(scenario, blocking=False)
    assert analysis.exact
    assert analysis.zopa_size == len(zopa)
    levels = levels_of(scenario, required(scenario, None), None)
    front = {principal_vector(scenario, p) for p in analysis.frontier}
    assert front == pareto(zopa.values())
    assert len(analysis.frontier) == len(front)  # one point per distinct vector
    if not zopa:
        assert analysis.nash is None and analysis.egalitarian is None
        return
    best_nash = max(nash_key(u, levels) for u in zopa.values())
    best_egalitarian = max(egalitarian_key(u, levels) for u in zopa.values())
    nash = principal_vector(scenario, analysis.nash)
    assert nash_key(nash, levels) == best_nash
    assert egalitarian_key(principal_vector(scenario, analysis.egalitarian), levels) == best_egalitarian
    assert nash in front  # the Nash point lies on the frontier
    for point in (analysis.nash, analysis.egalitarian, *analysis.frontier):
        assert assess(scenario, point.proposal).deal
        assert compiled(scenario).index(point.proposal) == point.index
        expected = math.prod((u - t) / SCALE for u, t in zip(principal_vector(scenario, point), levels))
        assert math.isclose(point.nash_product, expected, rel_tol=1e-12, abs_tol=1e-12)


@given(small)
def test_searches_without_the_frontier_agree(scenario):
    """nash_point and egalitarian_point (pruned merges) find the same values as the brute force."""
    zopa = acceptable(scenario)
    levels = levels_of(scenario, required(scenario, None), None)
    nash, egalitarian = nash_point(scenario), egalitarian_point(scenario)
    if not zopa:
        assert nash is None and egalitarian is None
        return
    assert nash_key(principal_vector(scenario, nash), levels) == max(nash_key(u, levels) for u in zopa.values())
    assert egalitarian_key(principal_vector(scenario, egalitarian), levels) == max(
        egalitarian_key(u, levels) for u in zopa.values())


@given(small, st.data())
def test_fixed_terms_restrict_the_zone(scenario, data):
    issue = data.draw(st.sampled_from(scenario.issues))
    option = data.draw(st.sampled_from((None, *issue.option_ids)))
    fixed = {issue.id: option}
    zopa = acceptable(scenario, fixed=fixed)
    analysis = analyze(scenario, fixed=fixed, blocking=False)
    assert analysis.zopa_size == len(zopa)
    assert {principal_vector(scenario, p) for p in analysis.frontier} == pareto(zopa.values())
    for point in analysis.frontier:
        assert point.proposal.option(issue.id) == option


@given(small)
def test_members_are_the_zone_and_each_is_a_deal(scenario):
    zopa = acceptable(scenario)
    members = list(zopa_members(scenario))
    table = compiled(scenario)
    assert sorted(table.index(m) for m in members) == sorted(zopa)
    for member in members:
        assert assess(scenario, member).deal
    assert len(list(zopa_members(scenario, limit=2))) == min(2, len(zopa))


@given(small, st.randoms(use_true_random=False))
def test_samples_are_members(scenario, rng):
    zopa = acceptable(scenario)
    sample = sample_zopa(scenario, 5, rng)
    assert len(sample) == (5 if zopa else 0)
    assert all(compiled(scenario).index(s) in zopa for s in sample)


@given(small)
def test_sensitivity_table_matches_brute_force(scenario):
    analysis = analyze(scenario)
    base = len(acceptable(scenario))
    for relaxation in analysis.blocking:
        party = scenario.party(relaxation.party)
        if relaxation.red_line is None:
            changed = evolve(party, walk_away=max(0.0, party.walk_away - 5.0))
        else:
            changed = evolve(party, red_lines=tuple(r for r in party.red_lines if r.id != relaxation.red_line))
        relaxed = evolve(scenario, parties=tuple(changed if p.id == party.id else p for p in scenario.parties))
        size = len(acceptable(relaxed))
        assert relaxation.zopa_size_if_relaxed == size
        assert relaxation.deal_if_relaxed == (size > 0)
        assert size >= base  # relaxing never shrinks the zone
        assert relaxation.gap_if_relaxed == gap(relaxed)
    sizes = [r.zopa_size_if_relaxed for r in analysis.blocking]
    assert sizes == sorted(sizes, reverse=True)
    expected = sum(len(p.red_lines) + (p.walk_away > 0) for p in scenario.principals)
    assert len(analysis.blocking) == expected


@given(st.data())
def test_closest_acceptable_matches_brute_force(data):
    scenario = data.draw(small)
    draft = data.draw(proposals(scenario))
    parties = data.draw(st.none() | st.lists(st.sampled_from(scenario.party_ids), min_size=1, max_size=2, unique=True))
    chosen = [scenario.parties[p].id for p in required(scenario, parties)]
    min_utility = data.draw(st.none() | st.fixed_dictionaries(
        {}, optional={p: st.integers(0, 100).map(float) for p in chosen}))
    issue = data.draw(st.sampled_from(scenario.issues))
    fixed = data.draw(st.none() | st.just({issue.id: data.draw(st.sampled_from((None, *issue.option_ids)))}))
    draft_index = compiled(scenario).index(draft)
    want = closest(scenario, draft_index, parties, min_utility, fixed)
    got = closest_acceptable(scenario, draft, parties=parties, min_utility=min_utility, fixed=fixed)
    if want is None:
        assert got is None
        assert why_none(scenario, parties=parties, min_utility=min_utility, fixed=fixed)
        return
    assert got is not None
    assert got.distance == want[0]
    assert got.distance == len(got.changes)
    levels = levels_of(scenario, required(scenario, parties), min_utility)
    vector = tuple(fixed_point(got.utilities[p]) for p in chosen)
    assert nash_key(vector, levels) == want[1]
    assessment = assess(scenario, got.proposal)
    for p, level in zip(chosen, levels):
        verdict = assessment.party(p)
        assert not verdict.violations and fixed_point(verdict.utility) >= level
    for change in got.changes:
        assert draft.option(change.issue) == change.before and got.proposal.option(change.issue) == change.after
    for issue_id, option in (fixed or {}).items():
        assert got.proposal.option(issue_id) == option
    assert why_none(scenario, parties=parties, min_utility=min_utility, fixed=fixed) == ()


@given(small, st.data())
def test_the_closest_to_a_member_is_itself(scenario, data):
    zopa = acceptable(scenario)
    if not zopa:
        assert closest_acceptable(scenario, data.draw(proposals(scenario))) is None
        return
    index = data.draw(st.sampled_from(sorted(zopa)))
    member = compiled(scenario).proposal(index)
    got = closest_acceptable(scenario, member)
    assert got.distance == 0 and got.changes == () and got.proposal.terms == member.terms


@given(small)
def test_the_gap_and_the_best_effort_when_no_deal_exists(scenario):
    analysis = analyze(scenario, blocking=False)
    assert analysis.gap == gap(scenario)
    if analysis.deal_exists or analysis.gap is None:
        assert analysis.best_effort is None
        return
    table = compiled(scenario)
    shortfall = max(p.walk_away - analysis.best_effort.utilities[p.id] for p in scenario.principals)
    assert abs(shortfall - analysis.gap) < 1e-9
    for p in scenario.principals:  # within every principal's hard red lines
        assert not assess(scenario, analysis.best_effort.proposal).party(p.id).violations
    assert table.index(analysis.best_effort.proposal) == analysis.best_effort.index


@given(small)
def test_why_none_speaks_exactly_when_no_deal_exists(scenario):
    obstacles = why_none(scenario)
    assert bool(obstacles) == (not acceptable(scenario))
    for obstacle in obstacles:
        assert obstacle.parties and all(p in scenario.party_ids for p in obstacle.parties)
        assert obstacle.message

"""Kinds of agreement and dated positions (issue 8), as properties over generated scenarios."""

from __future__ import annotations

from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.analysis.overview import egalitarian_point, nash_point
from sim.analysis.suggestion import closest_acceptable
from sim.engine import SCALE, Verdict, assess, compiled
from sim.engine.fast import evaluate_all, is_deal
from sim.engine.kinds import index_fits
from sim.model import AtLeast, AtMost, Require
from sim.model.resolve import dated, resolve
from tests.strategies import DAYS, kinded_scenarios, proposals


@st.composite
def cases(draw):
    scenario = draw(kinded_scenarios())
    kind = draw(st.sampled_from(scenario.kind_ids))
    proposal = evolve(draw(proposals(scenario)), kind=kind)
    return scenario, kind, proposal, draw(st.sampled_from(DAYS))


@given(cases())
def test_no_party_accepts_a_text_that_leaves_open_what_its_lines_require_for_the_kind(case) -> None:
    scenario, kind, proposal, day = case
    on_day = dated(scenario, day)
    result = assess(on_day, proposal)
    assert result.kind.kind.id == kind
    for judged, party in zip(result.parties, on_day.parties):
        demands = [line for line in party.red_lines if line.hard and line.applies(kind)
                   and isinstance(line.rule, (Require, AtLeast, AtMost)) and proposal.option(line.rule.issue) is None]
        if demands:
            assert judged.verdict is Verdict.REJECT
    required_open = [i for i in on_day.agreement_kind(kind).settles if proposal.option(i) is None]
    if required_open:
        assert not result.deal


@given(cases())
def test_the_fast_path_and_assess_agree_for_every_kind_and_date(case) -> None:
    scenario, kind, proposal, day = case
    resolved = resolve(scenario, kind, day)
    table = compiled(resolved)
    index = table.index(proposal)
    result = assess(dated(scenario, day), proposal)
    for (utility, vetoed), verdict in zip(evaluate_all(table, index), result.parties):
        assert utility == round(verdict.utility * SCALE)
        assert vetoed == (verdict.verdict is Verdict.REJECT)
    kind_of_it = resolved.agreement_kind(kind)
    assert (is_deal(table, index) and index_fits(resolved, kind_of_it, index)) == result.deal


@given(cases(), st.sampled_from(DAYS))
def test_changing_the_date_changes_only_what_is_dated_between_the_two_days(case, other) -> None:
    scenario, _, proposal, day = case
    early, late = sorted((day, other))
    before, after = dated(scenario, early), dated(scenario, late)
    for party, a, b in zip(scenario.parties, before.parties, after.parties):
        moved = [c for c in party.changes if early < c.date <= late]
        if not moved:
            assert (a.walk_away, a.walk_away_by_kind, a.preferences, a.red_lines) == \
                   (b.walk_away, b.walk_away_by_kind, b.preferences, b.red_lines)
    if not any(early < c.date <= late for p in scenario.parties for c in p.changes):
        one, two = assess(before, proposal), assess(after, proposal)
        assert [(r.verdict, r.utility) for r in one.parties] == [(r.verdict, r.utility) for r in two.parties]


@settings(max_examples=40)
@given(cases())
def test_the_analysis_points_settle_every_issue_their_kind_requires(case) -> None:
    scenario, kind, proposal, day = case
    resolved = resolve(scenario, kind, day)
    required, left = resolved.agreement_kind(kind).settles, resolved.agreement_kind(kind).leaves
    found = [nash_point(resolved), egalitarian_point(resolved)]
    suggestion = closest_acceptable(resolved, proposal)
    found.append(suggestion)
    for point in found:
        if point is None:
            continue
        terms = point.proposal.terms
        assert all(i in terms for i in required) and not any(i in terms for i in left)
        assert assess(resolved, point.proposal).deal

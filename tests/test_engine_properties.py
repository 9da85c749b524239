"""Properties of the engine over generated scenarios, checked against a naive reference evaluator."""

from __future__ import annotations

import random

from attrs import evolve
from hypothesis import assume, given
from hypothesis import strategies as st

from sim.engine import Verdict, assess
from sim.engine.compiled import SCALE
from sim.model import AllOf, AnyOf, AtLeast, AtMost, Forbid, IfThen, Not, Proposal, Require, Rule, Scenario
from sim.model.scenario import Citation, Kind, RedLine
from tests.strategies import SOURCE, proposals, rules, scenario_and_proposal, scenarios


def reference_holds(rule: Rule, scenario: Scenario, terms) -> bool:
    """The rule semantics exactly as FORMAT.md states them, with no compilation."""
    if isinstance(rule, (Require, Forbid, AtLeast, AtMost)):
        chosen = terms.get(rule.issue)
        if isinstance(rule, Require):
            return chosen in rule.options
        if isinstance(rule, Forbid):
            return chosen not in rule.options
        if chosen is None:
            return False
        issue = scenario.issue(rule.issue)
        if isinstance(rule, AtLeast):
            return issue.position(chosen) >= issue.position(rule.option)
        return issue.position(chosen) <= issue.position(rule.option)
    if isinstance(rule, AllOf):
        return all(reference_holds(r, scenario, terms) for r in rule.rules)
    if isinstance(rule, AnyOf):
        return any(reference_holds(r, scenario, terms) for r in rule.rules)
    if isinstance(rule, Not):
        return not reference_holds(rule.rule, scenario, terms)
    assert isinstance(rule, IfThen)
    return not reference_holds(rule.condition, scenario, terms) or reference_holds(rule.then, scenario, terms)


def reference_base_utility(scenario: Scenario, party, proposal: Proposal) -> float:
    total = sum(p.weight for p in party.preferences.values())
    value = 0.0
    for issue_id, pref in party.preferences.items():
        chosen = proposal.terms.get(issue_id)
        value += pref.weight * (pref.open if chosen is None else pref.values[chosen])
    return value / total


@given(scenario_and_proposal())
def test_reported_red_lines_are_exactly_those_whose_rule_fails(case) -> None:
    scenario, proposal = case
    result = assess(scenario, proposal)
    for party, verdict in zip(scenario.parties, result.parties):
        failing = {r.id for r in party.red_lines if not reference_holds(r.rule, scenario, proposal.terms)}
        reported = {v.id for v in (*verdict.violations, *verdict.penalties)}
        assert reported == failing
        assert {v.id for v in verdict.violations} == {r.id for r in party.red_lines if r.hard and r.id in failing}


@given(scenario_and_proposal())
def test_a_party_rejects_if_and_only_if_a_hard_red_line_is_crossed(case) -> None:
    scenario, proposal = case
    for party, verdict in zip(scenario.parties, assess(scenario, proposal).parties):
        crossed = any(r.hard and not reference_holds(r.rule, scenario, proposal.terms) for r in party.red_lines)
        assert (verdict.verdict is Verdict.REJECT) == crossed
        if not crossed:
            expected = Verdict.ACCEPT if verdict.utility >= verdict.walk_away else Verdict.BASIS
            assert verdict.verdict is expected


@given(scenario_and_proposal())
def test_utility_is_the_weighted_average_less_soft_penalties_within_0_and_100(case) -> None:
    scenario, proposal = case
    for party, verdict in zip(scenario.parties, assess(scenario, proposal).parties):
        assert 0 <= verdict.utility <= 100
        assert abs(verdict.base_utility - reference_base_utility(scenario, party, proposal)) < len(scenario.issues) / SCALE
        penalties = sum(v.penalty for v in verdict.penalties)
        assert abs(verdict.utility - max(0.0, verdict.base_utility - penalties)) < 1e-9


@given(scenario_and_proposal(), st.data())
def test_switching_to_an_option_the_party_values_more_never_lowers_its_base_utility(case, data) -> None:
    scenario, proposal = case
    party_index = data.draw(st.integers(0, len(scenario.parties) - 1))
    party = scenario.parties[party_index]
    issue_id = data.draw(st.sampled_from(sorted(party.preferences)))
    pref = party.preferences[issue_id]
    current = proposal.terms.get(issue_id)
    current_value = pref.open if current is None else pref.values[current]
    better = [o for o, v in pref.values.items() if v >= current_value]
    assume(better)
    switched = proposal.with_term(issue_id, data.draw(st.sampled_from(better)))
    before = assess(scenario, proposal).parties[party_index]
    after = assess(scenario, switched).parties[party_index]
    assert after.base_utility >= before.base_utility
    if {v.id for v in after.penalties} <= {v.id for v in before.penalties}:
        assert after.utility >= before.utility


@given(scenario_and_proposal(), st.data())
def test_adding_a_red_line_never_turns_a_reject_into_an_accept_nor_raises_utility(case, data) -> None:
    scenario, proposal = case
    p = data.draw(st.integers(0, len(scenario.parties) - 1))
    rule = data.draw(rules(scenario.issues))
    kind = data.draw(st.sampled_from(list(Kind)))
    party = scenario.parties[p]
    extra = RedLine("added", "An added red line", rule, (Citation(SOURCE.id, "x"),), kind, penalty=30.0)
    stricter = evolve(scenario, parties=scenario.parties[:p] + (evolve(party, red_lines=party.red_lines + (extra,)),)
                      + scenario.parties[p + 1 :])
    before, after = assess(scenario, proposal).parties[p], assess(stricter, proposal).parties[p]
    order = {Verdict.REJECT: 0, Verdict.BASIS: 1, Verdict.ACCEPT: 2}
    assert order[after.verdict] <= order[before.verdict]
    assert after.utility <= before.utility


@given(scenario_and_proposal(), st.randoms(use_true_random=False))
def test_reordering_issues_parties_and_red_lines_changes_no_verdict(case, rng: random.Random) -> None:
    scenario, proposal = case

    def shuffled(items: tuple) -> tuple:
        items = list(items)
        rng.shuffle(items)
        return tuple(items)

    reordered = evolve(
        scenario,
        issues=shuffled(scenario.issues),
        parties=shuffled(tuple(evolve(p, red_lines=shuffled(p.red_lines)) for p in scenario.parties)),
    )
    original = {r.party.id: r for r in assess(scenario, proposal).parties}
    for result in assess(reordered, proposal).parties:
        before = original[result.party.id]
        assert result.verdict is before.verdict
        assert abs(result.utility - before.utility) < len(scenario.issues) / SCALE
        assert {v.id for v in result.violations} == {v.id for v in before.violations}


@given(scenario_and_proposal())
def test_deal_means_every_principal_accepts_and_blockers_are_the_rest(case) -> None:
    scenario, proposal = case
    result = assess(scenario, proposal)
    principals = [r for r in result.parties if r.party.principal]
    assert result.deal == all(r.verdict is Verdict.ACCEPT for r in principals)
    assert set(result.blockers) == {r.party.id for r in principals if r.verdict is not Verdict.ACCEPT}


@given(scenario_and_proposal())
def test_assess_is_deterministic_and_does_not_mutate_its_inputs(case) -> None:
    scenario, proposal = case
    copy = evolve(scenario)
    assert assess(scenario, proposal) == assess(copy, proposal)
    assert scenario == copy


@given(scenarios(), st.data())
def test_violation_triggers_are_the_proposal_terms_on_the_rule_issues(scenario, data) -> None:
    proposal = data.draw(proposals(scenario))
    for verdict in assess(scenario, proposal).parties:
        for violation in (*verdict.violations, *verdict.penalties):
            assert {issue for issue, _ in violation.triggers} == set(violation.red_line.issues)
            for issue, option in violation.triggers:
                assert option == proposal.terms.get(issue)

"""The packed fast path agrees exactly with the plain per-party walk and with `assess`."""

from __future__ import annotations

from hypothesis import given

from sim.engine import SCALE, Verdict, assess, compiled
from sim.engine.fast import evaluate_all, scaled_utility, is_deal
from tests.strategies import scenario_and_proposal


@given(scenario_and_proposal(max_issues=5, max_lines=5))
def test_packed_evaluation_equals_the_plain_walk(case) -> None:
    scenario, proposal = case
    table = compiled(scenario)
    index = table.index(proposal)
    assert evaluate_all(table, index) == tuple(scaled_utility(party, index) for party in table.parties)


@given(scenario_and_proposal(max_issues=5, max_lines=5))
def test_fast_verdicts_equal_assess(case) -> None:
    scenario, proposal = case
    table = compiled(scenario)
    index = table.index(proposal)
    result = assess(scenario, proposal)
    for (utility, vetoed), verdict in zip(evaluate_all(table, index), result.parties):
        assert utility == round(verdict.utility * SCALE)
        assert vetoed == (verdict.verdict is Verdict.REJECT)
    assert is_deal(table, index) == result.deal


@given(scenario_and_proposal())
def test_index_and_proposal_are_inverse(case) -> None:
    scenario, proposal = case
    table = compiled(scenario)
    assert table.proposal(table.index(proposal)) == proposal

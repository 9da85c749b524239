"""Scenarios survive load → save → load unchanged."""

from __future__ import annotations

from hypothesis import assume, given

from sim.engine.compiled import compile_rule
from sim.engine.satisfiable import satisfying_choices
from sim.loading import load_scenario, parse_proposal, parse_scenario
from sim.loading.drafts import proposal_toml
from sim.loading.saving import scenario_to_toml
from sim.model import Scenario
from tests.strategies import scenario_and_proposal, scenarios
from tests.test_shipped import SHIPPED


def _self_consistent(scenario: Scenario) -> bool:
    sizes = [len(i.options) + 1 for i in scenario.issues]
    return all(
        satisfying_choices([compile_rule(r.rule, scenario) for r in party.red_lines], sizes) is not None
        for party in scenario.parties
    )


@given(scenarios())
def test_generated_scenarios_round_trip(scenario: Scenario) -> None:
    assume(_self_consistent(scenario))  # the loader rightly refuses a party that contradicts itself
    assert parse_scenario(scenario_to_toml(scenario)) == scenario


@given(scenario_and_proposal())
def test_proposals_round_trip(case) -> None:
    scenario, proposal = case
    assume(_self_consistent(scenario))
    assert parse_proposal(proposal_toml(proposal), scenario) == proposal


def test_shipped_scenarios_round_trip() -> None:
    for folder in SHIPPED:
        scenario = load_scenario(folder)
        again = parse_scenario(scenario_to_toml(scenario))
        assert again == scenario
        assert scenario_to_toml(again) == scenario_to_toml(scenario)

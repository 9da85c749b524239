"""Robustness of verdicts and of the analysis: zero-width ranges change nothing; draws are seeded."""

from __future__ import annotations

from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.analysis.calibrate import calibrated_scenario, draw
from sim.analysis.firmness import set_aside
from sim.analysis.overview import nash_point
from sim.analysis.robust_analysis import analysis_robustness
from sim.analysis.robustness import _utilities, verdict_robustness
from sim.engine import compiled
from sim.engine.compiled import SCALE
from sim.engine import assess
from sim.loading.files import parse_scenario
from sim.loading.problems import ScenarioError
from sim.model.scenario import Citation, Confidence
from sim.model.uncertainty import NONE, Spread
from tests.strategies import scenario_and_proposal, scenarios

import pytest


@given(scenario_and_proposal(max_issues=4, max_options=3, max_parties=3))
def test_zero_width_ranges_hold_in_every_calibration_and_give_the_plain_verdict(pair):
    scenario, proposal = pair
    plain = assess(scenario, proposal)
    found = verdict_robustness(scenario, proposal, samples=40, default=NONE)
    assert found.deal is plain.deal
    assert found.deal_share == (1.0 if plain.deal else 0.0)
    for robust, result in zip(found.parties, plain.parties):
        assert robust.verdict is result.verdict
        assert robust.holds == 1.0
        assert dict(robust.verdicts) == {result.verdict.value: 40}


@settings(max_examples=20)
@given(scenarios(max_issues=3, max_options=3, max_parties=3, max_lines=2))
def test_zero_width_ranges_keep_the_analysis_as_written(scenario):
    found = analysis_robustness(scenario, samples=4, default=NONE)
    written = nash_point(scenario)
    variant = found.variants[0]
    assert variant.deal_share == (1.0 if written is not None else 0.0)
    if written is not None:
        assert variant.nash_same == 1.0
        assert [m.count for m in variant.modes] == [4]


@given(scenario_and_proposal(max_issues=3, max_options=3, max_parties=3), st.integers(0, 5))
def test_a_calibration_as_a_scenario_scores_as_the_vectorised_draws(pair, row):
    """The sampled utilities (numpy) and the engine on the calibrated scenario agree to the last unit."""
    scenario, proposal = pair
    calibrations = draw(scenario, 6, seed=3)
    calibrated = calibrated_scenario(calibrations, row)
    plain = assess(calibrated, proposal)
    index = compiled(scenario).index(proposal)
    for draws, result in zip(calibrations.parties, assess(scenario, proposal).parties):
        penalty = sum(round(v.penalty * SCALE) for v in result.penalties)
        utility = _utilities(scenario, draws, index, penalty)[row]
        assert utility == round(plain.party(result.party.id).utility * SCALE)


def test_the_same_seed_gives_the_same_answer_and_another_seed_may_not():
    scenario = parse_scenario(TUTORIAL_LIKE)
    from sim.model import Proposal

    proposal = Proposal("tiny", {"a": "x"})
    first = verdict_robustness(scenario, proposal, samples=300, seed=5)
    assert verdict_robustness(scenario, proposal, samples=300, seed=5) == first
    assert 0 < first.parties[0].holds < 1  # near its walk-away level: some calibrations flip it
    assert verdict_robustness(scenario, proposal, samples=300, seed=6).parties[0].verdicts != first.parties[0].verdicts


@given(scenario_and_proposal(max_issues=3, max_options=3, max_parties=3), st.data())
def test_setting_weak_lines_aside_matches_assessing_without_them(pair, data):
    scenario, proposal = pair
    levels = [Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH]
    parties = tuple(evolve(p, red_lines=tuple(
        evolve(line, citations=(Citation("src", "p", data.draw(st.sampled_from(levels))),)) for line in p.red_lines))
        for p in scenario.parties)
    scenario = evolve(scenario, parties=parties)
    found = verdict_robustness(scenario, proposal, samples=1)
    low = assess(set_aside(scenario, Confidence.LOW), proposal)
    medium = assess(set_aside(scenario, Confidence.MEDIUM), proposal)
    assert [p.without_low for p in found.parties] == [r.verdict for r in low.parties]
    assert [p.without_medium for p in found.parties] == [r.verdict for r in medium.parties]
    assert found.deal_without_low is low.deal and found.deal_without_medium is medium.deal


TUTORIAL_LIKE = """
id = "tiny"
title = "Tiny"
summary = "Two issues."
as_of = 2025-01-01

[uncertainty]
weights = 0.5
walk_away = 10

[[sources]]
id = "s"
title = "S"
date = 2025-01-01

[[issues]]
id = "a"
title = "A"
options = [{ id = "x", label = "X" }, { id = "y", label = "Y" }]

[[issues]]
id = "b"
title = "B"
options = [{ id = "u", label = "U" }, { id = "v", label = "V" }]

[[parties]]
id = "p"
name = "P"
role = "principal"
walk_away = 50

[parties.uncertainty]
values = 2

[parties.uncertainty.issues.b]
weight = 0

[parties.preferences.a]
weight = 50
values = { x = 60, y = 0 }

[parties.preferences.b]
weight = 50
values = { u = 100, v = 0 }
open = 40
"""


def test_ranges_load_from_the_scenario_and_the_party():
    scenario = parse_scenario(TUTORIAL_LIKE)
    assert scenario.uncertainty.weights == 0.5 and scenario.uncertainty.walk_away == 10
    party = scenario.party("p")
    assert party.uncertainty.values == 2 and party.uncertainty.issues["b"].weight == 0
    spread = draw(scenario, 1).parties[0].ranges
    assert dict(spread.weights) == {"a": 0.5, "b": 0.0}
    assert dict(spread.values) == {"a": 2, "b": 2} and spread.walk_away == 10


def test_bad_ranges_are_reported_with_their_key_path():
    text = TUTORIAL_LIKE.replace("weights = 0.5", "weights = 2").replace(
        "[parties.uncertainty.issues.b]", "[parties.uncertainty.issues.bb]")
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text)
    messages = [str(p) for p in caught.value.problems]
    assert any("uncertainty.weights: 2 is out of range" in m and "0.25 means" in m for m in messages), messages
    assert any("parties[0].uncertainty.issues.bb: unknown issue `bb`" in m for m in messages), messages
    text = TUTORIAL_LIKE.replace("values = 2", "valeus = 2")
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text)
    messages = [str(p) for p in caught.value.problems]
    assert any("parties[0].uncertainty.valeus: unknown key `valeus`; did you mean `values`?" in m
               for m in messages), messages


def test_a_spread_left_unsaid_falls_back_to_the_defaults():
    scenario = parse_scenario(TUTORIAL_LIKE.replace("[uncertainty]\nweights = 0.5\nwalk_away = 10\n", ""))
    spread = draw(scenario, 1, default=Spread(0.25, 5.0, 5.0)).parties[0].ranges
    assert dict(spread.weights) == {"a": 0.25, "b": 0.0} and spread.walk_away == 5.0

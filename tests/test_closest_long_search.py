"""A closest-proposal search long enough to reach the time-limit check (every 4,096 nodes) finishes."""

from __future__ import annotations

import sim.analysis.budget as budget
from sim.analysis.suggestion import closest_acceptable
from sim.model import Proposal
from sim.synthetic import synthetic_scenario


def test_a_search_past_4096_nodes_checks_the_time_limit_and_answers(monkeypatch):
    checks = []
    real_check = budget.check
    monkeypatch.setattr(budget, "check", lambda: (checks.append(1), real_check())[1])
    scenario = synthetic_scenario(parties=4, options=(5,) * 16, red_lines=2, walk_away_percentile=95, seed=1)
    found = closest_acceptable(scenario, Proposal(scenario.id, {}))
    assert checks, "the search never reached a time-limit check: pick a harder scenario"
    assert found is not None and found.distance == 11

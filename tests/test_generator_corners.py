"""The shared generators reach every corner the property tests claim to cover, counted.

A property test is only as good as what its generator produces: the 100-point cap once went
untested for months (0 of 2,000 generated scenarios reached it) while a docstring said otherwise.
Each corner here is counted over a fixed, derandomized run and must turn up more than once.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings

from sim.analysis.problem import build_problem
from sim.engine import Verdict, assess, compiled
from sim.engine.compiled import FULL, SCALE
from sim.engine.fast import evaluate_all
from sim.model import Forbid, Proposal
from sim.model.frozen_map import FrozenMap
from sim.model.scenario import Citation, Issue, Kind, Option, Party, Preference, RedLine, Role, Scenario
from tests.strategies import SOURCE, scenario_and_proposal, scenarios

EXAMPLES = 300


def _run(strategy, record) -> Counter:
    seen: Counter = Counter()

    @settings(max_examples=EXAMPLES, derandomize=True, database=None)
    @given(strategy)
    def collect(example) -> None:
        record(example, seen)

    collect()
    return seen


def _engine_corners(case, seen: Counter) -> None:
    scenario, proposal = case
    table = compiled(scenario)
    index = table.index(proposal)
    if any(choice == size - 1 for choice, size in zip(index, table.sizes)):
        seen["an issue left open"] += 1
    for party, verdict in zip(table.parties, assess(scenario, proposal).parties):
        base = party.base_utility(index)
        penalties = sum(round(v.penalty * SCALE) for v in verdict.penalties)
        if verdict.violations:
            seen["a hard red line crossed"] += 1
        if base > FULL and penalties:
            seen["the cap bites and a soft penalty applies"] += 1
            if party.walk_away == FULL - penalties + 1:
                seen["walk-away one unit above the capped utility"] += 1
        if not verdict.violations and round(verdict.utility * SCALE) == party.walk_away:
            seen["utility exactly at the walk-away level"] += 1


def test_engine_generators_reach_every_corner() -> None:
    seen = _run(scenario_and_proposal(max_issues=5, max_lines=5), _engine_corners)
    for corner in ("an issue left open", "a hard red line crossed", "the cap bites and a soft penalty applies",
                   "walk-away one unit above the capped utility", "utility exactly at the walk-away level"):
        assert seen[corner] >= 2, (corner, dict(seen))


def _analysis_corners(scenario, seen: Counter) -> None:
    problem = build_problem(scenario)
    if any(column is not None for column in problem.penalty_column):
        seen["a penalty column for the 100-point cap"] += 1
    if any(not p.principal for p in scenario.parties):
        seen["a stakeholder"] += 1


def test_analysis_generators_reach_the_100_point_cap() -> None:
    seen = _run(scenarios(max_issues=4, max_options=3, max_parties=3, max_lines=3), _analysis_corners)
    assert seen["a penalty column for the 100-point cap"] >= 5, dict(seen)
    assert seen["a stakeholder"] >= 5, dict(seen)


def _capped_scenario(walk_away: float) -> Scenario:
    """Weights 1, 1, 1, 3, every value 100: the rounded contributions sum to 100.0001 points."""
    issues = tuple(Issue(f"i{k}", f"Issue {k}", (Option("a", "A"), Option("b", "B"))) for k in range(4))
    preferences = {f"i{k}": Preference(weight=w, values=FrozenMap({"a": 100.0, "b": 100.0}), open=100.0)
                   for k, w in enumerate((1.0, 1.0, 1.0, 3.0))}
    line = RedLine("no_b", "Not b on issue 0.", Forbid("i0", ("b",)), (Citation(SOURCE.id, "x"),), Kind.SOFT, penalty=10.0)
    party = Party(id="p", name="P", role=Role.PRINCIPAL, walk_away=walk_away,
                  preferences=FrozenMap(preferences), red_lines=(line,))
    return Scenario(id="capped", title="Capped", summary="", as_of=SOURCE.date, issues=issues,
                    parties=(party,), sources=(SOURCE,))


def test_the_fast_path_and_assess_agree_where_the_cap_meets_a_penalty() -> None:
    """The bug this guards: the fast path took the penalty off 100.0001 and capped after."""
    scenario = _capped_scenario(walk_away=90.0001)
    proposal = Proposal("capped", {"i0": "b", "i1": "a", "i2": "a", "i3": "a"})
    table = compiled(scenario)
    assert table.parties[0].base_utility(table.index(proposal)) == FULL + 1  # the corner is real
    verdict = assess(scenario, proposal).parties[0]
    assert verdict.utility == 90.0 and verdict.verdict is Verdict.BASIS
    assert evaluate_all(table, table.index(proposal)) == ((90 * SCALE, False),)

"""Every search over red lines is bounded, and says so honestly when the bound is hit."""

from __future__ import annotations

import time

import pytest

from sim.cli import main
from sim.engine.compiled import Leaf, Node
from sim.engine.satisfiable import Undecided, satisfying_choices
from sim.loading import ScenarioError, parse_scenario
from tests.hostile.pigeonhole import pigeonhole_toml


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_a_small_pigeonhole_is_proved_contradictory() -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(pigeonhole_toml(3), "ph.toml")
    (problem,) = caught.value.problems
    assert "the red lines of `a` contradict each other" in str(problem)


def test_a_pigeonhole_of_seven_is_undecided_within_the_bound_not_a_hang() -> None:
    started = time.monotonic()
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(pigeonhole_toml(7), "ph.toml")
    (problem,) = caught.value.problems
    assert problem.path == ("parties", 0, "red_lines") and problem.line is not None
    assert "could not decide in" in problem.message and "whether the red lines of `a` can all hold" in problem.message
    assert time.monotonic() - started < 60  # unbounded, the search ran for minutes


def pigeonhole_rules(n: int) -> list:
    """The pigeonhole puzzle compiled: n + 1 issues of n options (plus the open slot, forbidden)."""
    placed = [Leaf(i, frozenset(range(n))) for i in range(n + 1)]
    alone = [Node("not", (Node("all", (Leaf(i, frozenset({h})), Leaf(j, frozenset({h})))),))
             for h in range(n) for i in range(n + 1) for j in range(i + 1, n + 1)]
    return placed + alone


def test_the_step_bound_is_deterministic() -> None:
    rules, sizes = pigeonhole_rules(5), [6] * 6
    for _ in range(2):
        with pytest.raises(Undecided) as caught:
            satisfying_choices(rules, sizes, steps=500, seconds=None)
        assert caught.value.steps == 501
    assert satisfying_choices(rules, sizes, steps=10_000_000, seconds=None) is None
    assert satisfying_choices(pigeonhole_rules(5)[:-1], sizes, seconds=None) is not None


def test_thousands_of_issues_in_one_search_do_not_exhaust_the_stack() -> None:
    rules = [Leaf(i, frozenset({1})) for i in range(5000)]
    assert satisfying_choices(rules, [2] * 5000, seconds=None) == {i: 1 for i in range(5000)}


def test_the_scenario_list_answers_with_a_pigeonhole_in_the_user_folder(user_home, capsys) -> None:
    folder = user_home / "scenarios" / "pigeonhole"
    folder.mkdir(parents=True)
    (folder / "scenario.toml").write_text(pigeonhole_toml(7))
    assert main(["scenarios"]) == 0
    out = capsys.readouterr().out
    assert "pigeonhole" in out and "tutorial" in out

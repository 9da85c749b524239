"""Every search over red lines is bounded, and says so honestly when the bound is hit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
import time

import pytest

from sim.cli import main
from sim.engine.compiled import Leaf, Node
from sim.engine.satisfiable import Undecided, satisfying_choices
from sim.loading import ScenarioError, parse_scenario
from sim.game.analysis_adapter import closest_for_party, tangled_nash_product
from sim.loading import load_scenario
from sim.model import FrozenMap, Proposal
from sim.model.rules import Op
from tests.hostile.pigeonhole import pigeonhole_toml, tangled_toml


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
    alone = [Node(Op.NOT, (Node(Op.ALL_OF, (Leaf(i, frozenset({h})), Leaf(j, frozenset({h})))),))
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


def test_the_scenario_list_answers_with_a_pigeonhole_in_the_user_folder(redlines_home, capsys) -> None:
    folder = redlines_home / "scenarios" / "pigeonhole"
    folder.mkdir(parents=True)
    (folder / "scenario.toml").write_text(pigeonhole_toml(7))
    assert main(["scenarios"]) == 0
    out = capsys.readouterr().out
    assert "pigeonhole" in out and "tutorial" in out


@pytest.fixture
def tangled(tmp_path):
    folder = tmp_path / "tangled"
    folder.mkdir()
    (folder / "scenario.toml").write_text(tangled_toml())
    return folder


def test_analyze_on_tangled_red_lines_is_a_clear_error_in_text_and_json(tangled, capsys) -> None:
    assert main(["analyze", "--scenario", str(tangled)]) == 2
    assert "cannot answer: the red lines tie too many issues together" in capsys.readouterr().err
    assert main(["analyze", "--scenario", str(tangled), "--json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["kind"] == "too_tangled" and error["exit"] == 2


def test_the_game_asks_the_analysis_nothing_that_can_crash_it(tangled, monkeypatch) -> None:
    from sim.analysis import closest

    scenario = load_scenario(tangled)
    assert tangled_nash_product(scenario) is None
    draft = Proposal(scenario.id, FrozenMap())
    assert closest_for_party(scenario, draft, "a", 0.0) is not None
    monkeypatch.setattr(closest, "NODES", 3)  # the bound hit: the party proposes nothing, nothing raises
    tutorial = load_scenario(Path(__file__).resolve().parents[2] / "scenarios" / "tutorial")
    assert closest_for_party(tutorial, Proposal("tutorial", FrozenMap()), "arvenia", 99.0) is None


def test_the_autosave_thread_survives_an_unexpected_error(tmp_path, monkeypatch) -> None:
    from sim.analysis.blocks import TooTangled
    from sim.game import start_game
    from sim.ui import autosave

    calls = []

    def flaky(state, path):
        calls.append(path)
        if len(calls) == 1:
            raise TooTangled("too tangled")
        return path

    monkeypatch.setattr(autosave, "write_save", flaky)
    problems = []
    saver = autosave.AutoSaver(tmp_path / "a.json", problems.append)
    state = start_game("tutorial")
    saver.request(state)
    assert saver.flush(10)
    saver.request(state)
    assert saver.flush(10)
    assert saver.saved == 1 and "could not be saved (too tangled)" in str(problems[0]) and problems[-1] is None


def test_a_huge_analysis_stops_at_its_time_limit_and_says_so(tmp_path, capsys) -> None:
    from sim.loading.saving import scenario_to_toml
    from sim.synthetic import synthetic_scenario

    folder = tmp_path / "huge"
    folder.mkdir()
    huge = synthetic_scenario(parties=8, options=[10] * 40, seed=3)
    (folder / "scenario.toml").write_text(scenario_to_toml(huge).replace('id = "synthetic-3"', 'id = "huge"', 1))
    started = time.monotonic()
    assert main(["analyze", "--scenario", str(folder), "--time-limit", "2", "--json"]) == 2
    assert time.monotonic() - started < 60  # unbounded it ran past 300 s
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["kind"] == "out_of_time" and error["message"].startswith("cannot answer: the analysis did not finish in 2 s")


def test_the_progress_line_ticks_while_a_stage_runs() -> None:
    import io

    from sim.cli.progress import TerminalProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    with TerminalProgress(screen, delay=0) as progress:
        progress("frontier", 0, 1)
        progress.tick(3.2)
    assert "tracing the Pareto frontier... 3 s (Ctrl-C stops)" in screen.getvalue()
    assert screen.getvalue().endswith("\r\033[K")  # cleared at the end


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_ctrl_c_stops_a_huge_analysis(tmp_path) -> None:
    from sim.loading.saving import scenario_to_toml
    from sim.synthetic import synthetic_scenario

    folder = tmp_path / "huge"
    folder.mkdir()
    huge = synthetic_scenario(parties=8, options=[10] * 40, seed=3)
    (folder / "scenario.toml").write_text(scenario_to_toml(huge).replace('id = "synthetic-3"', 'id = "huge"', 1))
    process = subprocess.Popen([sys.executable, "-c", "from sim.cli import main; raise SystemExit(main())", "analyze",
                                "--scenario", str(folder), "--time-limit", "120"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(4)  # well into the analysis (imports and loading take about a second)
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=20)  # answered in about 0.3 s here; generous on a busy machine
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    assert process.returncode == 130 and err.decode().strip() == "Interrupted."

"""Scripted games: the text format, `redlines play --script`, and the shipped example games."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sim import catalog
from sim.cli import main
from sim.game import load_save
from sim.game.script import parse_script, read_script, run_script, unmet
from sim.game.start import start_game
from sim.loading import ScenarioError
from tests.game_support import private_home  # noqa: F401 - fixture

GAMES = sorted(catalog.shipped_dir().glob("*/games/*.txt"))


def test_the_default_scenario_ships_the_three_example_endings() -> None:
    names = {path.stem for path in GAMES if path.parent.parent.name == catalog.DEFAULT_SCENARIO}
    assert {"collapse", "clock", "interim"} <= names


@pytest.mark.parametrize("path", GAMES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_every_shipped_game_ends_as_it_says(path: Path) -> None:
    script = read_script(path)
    assert script.expect, "a shipped game states its ending"
    state, _ = run_script(script, start_game(script.scenario, script.difficulty or "normal", script.seed or 0))
    assert unmet(script, state) == []
    assert state.over, "a shipped game is played to its end"


def test_settings_and_actions_parse_with_their_lines() -> None:
    script = parse_script("# a game\nscenario tutorial\nseed 4\nexpect deal\n\ntravel oda  # go\nwait 2\n")
    assert (script.scenario, script.seed, script.expect) == ("tutorial", 4, ("deal",))
    assert [(n, a.line) for n, a in script.actions] == [(6, "travel oda"), (7, "wait 2")]


def test_every_mistake_in_a_script_is_reported_with_its_line() -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_script("seed x\ndifficulty hrd\ntabel arvenia\nwait 0\ntravel\nseed 3\n", "s.txt")
    assert [str(p) for p in caught.value.problems] == [
        "s.txt:1: `x` is not a whole number; write e.g. `seed 7`",
        "s.txt:2: unknown difficulty `hrd`; did you mean `hard`?",
        "s.txt:3: unknown action `tabel`; did you mean `table`?",
        "s.txt:4: `0` is not a number of days; write a whole number from 1 to 366, like `wait 3`",
        "s.txt:5: `travel` takes 1 argument, found 0; write `travel VENUE`",
        "s.txt:6: `seed` comes after the first action; put settings at the top of the script",
    ]


def test_an_illegal_move_stops_the_run_at_its_line(tmp_path, capsys) -> None:
    script = tmp_path / "bad.txt"
    script.write_text("scenario tutorial\ntravel oda\ntable belmark\n")
    assert main(["play", "--script", str(script)]) == 2
    err = capsys.readouterr().err
    assert f"{script}:3: `table belmark` on 2031-03-02: Belmark is not at Oda, the Arvenian capital; " \
           "travel to belgrad first, then table to belmark" in err


def test_play_prints_the_story_the_state_and_the_score(capsys) -> None:
    path = catalog.shipped_dir() / "tutorial" / "games" / "deal.txt"
    assert main(["play", "--script", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Status: deal" in out and "SIGNED: Joint meeting at the Tessa bridge checkpoint" in out
    assert "Total" in out and "expected deal: met" in out


def test_an_unmet_expectation_exits_with_1(tmp_path, capsys) -> None:
    script = tmp_path / "short.txt"
    script.write_text("scenario tutorial\nexpect deal\nwait\n")
    assert main(["play", "--script", str(script)]) == 1
    assert "did not end as expected (deal)" in capsys.readouterr().err


def test_json_output_and_the_command_line_overriding_the_script(tmp_path, capsys) -> None:
    script = tmp_path / "s.txt"
    script.write_text("scenario tutorial\nseed 1\ntravel oda\ntable arvenia\n")
    assert main(["play", "--script", str(script), "--json", "--seed", "9", "--difficulty", "hard"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["state"]["seed"] == 9 and data["state"]["difficulty"] == "hard"
    assert [e["action"] for e in data["state"]["log"]] == ["travel oda", "table arvenia"]
    assert data["score"]["maximum"] == 1000 and {p["key"] for p in data["score"]["parts"]} >= {"agreement", "progress"}


def test_a_save_replays_as_a_script_and_play_can_write_one(tmp_path, capsys) -> None:
    script = tmp_path / "s.txt"
    script.write_text("scenario tutorial\nseed 2\ntravel belgrad\ntable belmark\nadopt belmark\n")
    save = tmp_path / "game.json"
    assert main(["play", "--script", str(script), "--save", str(save), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert load_save(save).log[-1].line == "adopt belmark"
    assert main(["play", "--script", str(save), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["state"] == first["state"]


def test_a_missing_script_is_a_clear_error(capsys) -> None:
    assert main(["play", "--script", "no/such/script.txt"]) == 2
    assert "no/such/script.txt: no such file; check the path and its spelling" in capsys.readouterr().err

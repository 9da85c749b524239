"""The command line: readable text, documented JSON, exit codes, and never a traceback."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sim.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIRST_DRAFT = str(ROOT / "scenarios" / "tutorial" / "proposals" / "first_draft.toml")


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_evaluate_text_names_verdicts_reasons_and_sources(capsys) -> None:
    assert main(["evaluate", FIRST_DRAFT]) == 0
    out = " ".join(capsys.readouterr().out.split())  # wrapping is for the eye, not the test
    assert "Deal: no - blocked by Belmark." in out
    assert "If Mirel is shared, someone must watch the ceasefire line." in out
    assert "because: Status of Mirel: Joint administration; Ceasefire monitoring: open" in out
    assert "source: Belmark cabinet statement on the talks, Belmark Gazette (fictional), 2031-02-24 [medium confidence]" in out


def test_evaluate_json_shape(capsys) -> None:
    assert main(["evaluate", "first_draft", "--scenario", "tutorial", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["deal"] is False
    belmark = next(p for p in data["parties"] if p["id"] == "belmark")
    assert belmark["verdict"] == "reject" and belmark["utility"] == 19.5
    (violation,) = belmark["violations"]
    assert violation["id"] == "watched_if_shared"
    assert violation["statement"].startswith("If Mirel is shared")
    assert violation["sources"][0]["id"] == "bel-statement"
    assert violation["triggers"] == {"mirel": "joint_admin", "monitors": None}
    assert [p["verdict"] for p in data["parties"]] == ["accept", "reject", "basis"]


def test_validate_ok_and_problems(tmp_path, capsys) -> None:
    assert main(["validate", str(ROOT / "scenarios" / "tutorial")]) == 0
    assert "ok: " in capsys.readouterr().out
    bad = tmp_path / "p.toml"
    bad.write_text('scenario = "tutorial"\n[terms]\nmirel = "joint"\n', encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3: terms.mirel: issue `mirel` has no option `joint`; did you mean `joint_admin`?" in err
    assert err.strip().endswith("1 problem found.")


def test_scenarios_lists_shipped_and_user_ones_including_broken(user_home, capsys) -> None:
    broken = user_home / "scenarios" / "mine"
    broken.mkdir(parents=True)
    (broken / "scenario.toml").write_text('id = "mine"\n', encoding="utf-8")
    assert main(["scenarios", "--json"]) == 0
    listed = {e["id"]: e for e in json.loads(capsys.readouterr().out)}
    assert listed["tutorial"]["origin"] == "shipped" and listed["tutorial"]["valid"]
    assert listed["mine"]["origin"] == "user" and not listed["mine"]["valid"]


def test_unknown_scenario_and_proposal(capsys) -> None:
    assert main(["evaluate", "first_drft", "--scenario", "tutorial"]) == 2
    assert "no such file, nor a preset of `tutorial`; did you mean `first_draft`?" in capsys.readouterr().err
    assert main(["evaluate", FIRST_DRAFT, "--scenario", "tutorail"]) == 2
    assert "tutorail: no scenario with this id or path; did you mean `tutorial`?" in capsys.readouterr().err


def test_a_real_process_reports_bad_input_with_exit_2_and_no_traceback(tmp_path) -> None:
    bad = tmp_path / "p.toml"
    bad.write_bytes(b'scenario = "tutorial"\n[terms\n')
    result = subprocess.run([sys.executable, "-m", "sim", "validate", str(bad)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{bad}:2: TOML syntax error" in result.stderr


def test_wrap_keeps_paragraphs_apart() -> None:
    from sim.present.text import wrap

    assert wrap("One  two\nthree.\n\nFour.", "  ", width=12) == "  One two\n  three.\n\n  Four."


@pytest.mark.parametrize("argv", [None, []])
def test_plain_redlines_opens_the_game_without_building_the_parsers(monkeypatch, capsys, argv) -> None:
    """`redlines` alone goes straight to the game (here a pipe, so the default scenario's briefing):
    building every command's parser first cost the game's first frame some 30 ms."""
    import sim.cli
    from sim import catalog

    def refused():
        raise AssertionError("the parsers were built for a plain `redlines`")

    monkeypatch.setattr(sim.cli, "build_parser", refused)
    monkeypatch.setattr(sys, "argv", ["redlines"])
    assert main(argv) == 0
    assert capsys.readouterr().out.startswith(catalog.find_scenario(catalog.DEFAULT_SCENARIO).title)


def test_any_argument_still_goes_through_the_parsers(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0 and "COMMAND" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["--no-such-option"])
    assert exit_.value.code == 2


def test_the_game_starts_with_the_collector_paused(monkeypatch) -> None:
    """`redlines` pauses the garbage collector before the app is made (the app resumes it with its
    first frame: sim.ui.collector)."""
    import gc

    import sim.ui.app
    from sim.cli.launch import run_app
    from sim.ui.collector import resume_collector

    seen = []

    class App:
        return_code = 0

        def run(self):
            seen.append(gc.isenabled())

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sim.ui.app, "make_app", lambda launch: App())
    try:
        assert gc.isenabled()
        assert run_app(argparse.Namespace()) == 0
    finally:
        resume_collector()
    assert seen == [False] and gc.isenabled()

"""The edges of the command line (issue 12): what-if files, proposals with several mistakes, JSON errors, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sim.cli import main

ROOT = Path(__file__).resolve().parents[2]
SHARED_LAKE = str(ROOT / "scenarios" / "tutorial" / "what-if" / "shared_lake.toml")


def test_validate_accepts_the_shipped_what_if_file(capsys) -> None:
    assert main(["validate", SHARED_LAKE]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"ok: {SHARED_LAKE}\n" and captured.err == ""


def test_validate_reports_a_what_if_mistake_against_its_scenario(tmp_path, capsys) -> None:
    path = tmp_path / "what.toml"
    path.write_text('scenario = "tutorial"\n[fix]\nwater = "w99"\n')
    assert main(["validate", str(path)]) == 2
    assert "fix.water: issue `water` has no option `w99`" in capsys.readouterr().err


def test_a_proposal_with_two_kinds_of_mistake_reports_both(tmp_path, capsys) -> None:
    path = tmp_path / "p.toml"
    path.write_text('scenario = "tutorial"\ntitel = "typo"\n[terms]\nwatr = "w50"\n')
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:2: titel: unknown key `titel`; did you mean `title`?" in err
    assert f"{path}:4: terms.watr: unknown issue `watr`; did you mean `water`?" in err
    assert "2 problems found." in err


def test_the_what_if_guide_examples_run(capsys) -> None:
    guide = (ROOT / "scenarios" / "WHAT_IF.md").read_text()
    commands = re.findall(r"^    (redlines analyze .*)$", guide, flags=re.MULTILINE)
    assert len(commands) >= 3
    for command in commands:
        words = command.split()[1:]
        words = [str(ROOT / w) if w.startswith("scenarios/") else w for w in words]
        assert main(words) == 0, command
        capsys.readouterr()


def test_errors_are_json_with_json(tmp_path, capsys) -> None:
    path = tmp_path / "p.toml"
    path.write_text('scenario = "tutorial"\n[terms]\nwatr = "w50"\n')
    assert main(["validate", "--json", str(path)]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["exit"] == 2 and error["kind"] == "problems" and error["message"] == "1 problem found."
    assert error["problems"] == [{"file": str(path), "line": 3, "path": "terms.watr", "message": "unknown issue `watr`",
                                  "fix": "did you mean `water`?"}]
    with pytest.raises(SystemExit) as usage:  # argparse's own way out, with its exit code
        main(["evaluate", "--json"])
    assert usage.value.code == 2
    assert json.loads(capsys.readouterr().out)["error"]["kind"] == "usage"


def test_suggest_exits_1_when_nothing_is_acceptable(capsys) -> None:
    assert main(["suggest", "us_28_point", "--scenario", "ukraine-2025", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["suggestion"] is None
    assert main(["suggest", "first_draft", "--scenario", "tutorial"]) == 0

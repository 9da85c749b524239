"""`redlines class` on the command line: its mistakes are one clear line each, never a traceback."""

from __future__ import annotations

import pytest

from sim.cli import main


@pytest.mark.parametrize("arguments, words", [
    (["--port", "0"], "--port 0: a port is a number from 1 to 65535"),
    (["--store", "mysql://x/y"], "only SQLite and PostgreSQL are supported"),
    (["--store", "postgresql://nobody@127.0.0.1:1/none"], "cannot open the class store"),
    (["--tables", "31", "--new"], "--tables 31: a class has 1 to 30 tables"),
])
def test_mistakes_are_one_clear_line(arguments: list[str], words: str, capsys, tmp_path) -> None:
    assert main(["class", "--scenario", "tutorial", *arguments]) == 2
    error = capsys.readouterr().err
    assert words in error and "Traceback" not in error


def test_an_unknown_scenario_is_the_usual_problem_report(capsys) -> None:
    assert main(["class", "--scenario", "no-such-scenario"]) == 2
    assert "no-such-scenario" in capsys.readouterr().err

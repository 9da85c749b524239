"""`redlines serve`: which hosts count as local, and bad arguments refused before anything starts."""

import pytest

from sim.cli import main
from sim.cli.serve_command import is_local, session_command


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.8.0.3", "::1", "[::1]"])
def test_loopback_hosts_are_local(host: str) -> None:
    assert is_local(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.org"])
def test_other_hosts_are_not(host: str) -> None:
    assert not is_local(host)


def test_a_port_out_of_range_is_refused_with_the_fix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert "--port 70000: a port is a number from 1 to 65535; try --port 8000." in capsys.readouterr().err


def test_an_unknown_scenario_is_refused_before_serving(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--scenario", "tutorail"]) == 2
    assert "did you mean `tutorial`" in capsys.readouterr().err


def test_each_visitor_gets_a_private_save_folder() -> None:
    assert session_command("tutorial").endswith("-m sim.ui --private-home --scenario tutorial")


def test_a_private_home_keeps_saves_apart_and_sees_the_teachers_scenarios(redlines_home) -> None:
    import os

    from sim.ui.__main__ import use_private_home

    (redlines_home / "scenarios").mkdir()
    home = use_private_home()
    assert home.parent == redlines_home / "visitors"
    assert os.environ["REDLINES_HOME"] == str(home)
    assert (home / "scenarios").resolve() == (redlines_home / "scenarios").resolve()

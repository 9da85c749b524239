"""Loaded scenarios kept on disk (sim.loading.cache): used only while every file is the same."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sim.loading import ScenarioError, load_scenario
from sim.loading.cache import remembered

TUTORIAL = Path(__file__).resolve().parent.parent / "scenarios" / "tutorial"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "scenarios" / "tutorial"
    shutil.copytree(TUTORIAL, copy)
    return copy


def counting(folder: Path, calls: list[int]):
    def build():
        calls.append(1)
        return load_scenario(folder)
    return build


def test_a_second_load_of_unchanged_files_is_the_kept_one(folder: Path, tmp_path: Path) -> None:
    calls: list[int] = []
    first = remembered(tmp_path / "cache", folder, "scenario", counting(folder, calls))
    second = remembered(tmp_path / "cache", folder, "scenario", counting(folder, calls))
    assert calls == [1]
    assert second == first == load_scenario(folder)


def test_an_edit_of_the_same_size_at_once_is_seen(folder: Path, tmp_path: Path) -> None:
    calls: list[int] = []
    remembered(tmp_path / "cache", folder, "scenario", counting(folder, calls))
    text = (folder / "scenario.toml").read_text(encoding="utf-8")
    title = load_scenario(folder).title
    changed = title[:-1] + ("X" if title[-1] != "X" else "Y")
    (folder / "scenario.toml").write_text(text.replace(title, changed, 1), encoding="utf-8")
    again = remembered(tmp_path / "cache", folder, "scenario", counting(folder, calls))
    assert calls == [1, 1]
    assert again.title == changed


def test_a_new_file_in_the_folder_is_a_new_key(folder: Path, tmp_path: Path) -> None:
    calls: list[int] = []
    remembered(tmp_path / "cache", folder, "scenario", counting(folder, calls))
    (folder / "proposals" / "extra.toml").write_text('scenario = "tutorial"\n', encoding="utf-8")
    remembered(tmp_path / "cache", folder, "scenario", counting(folder, calls))
    assert calls == [1, 1]


def test_a_broken_scenario_is_never_kept_and_reports_every_time(folder: Path, tmp_path: Path) -> None:
    (folder / "scenario.toml").write_text("id = \n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ScenarioError):
            remembered(tmp_path / "cache", folder, "scenario", lambda: load_scenario(folder))
    assert not list((tmp_path / "cache").glob("*.pickle"))


def test_a_damaged_entry_is_only_a_miss(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    remembered(cache, folder, "scenario", lambda: load_scenario(folder))
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    calls: list[int] = []
    assert remembered(cache, folder, "scenario", counting(folder, calls)).id == "tutorial"
    assert calls == [1]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="permissions are POSIX")
def test_an_entry_others_could_have_written_is_ignored(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    remembered(cache, folder, "scenario", lambda: load_scenario(folder))
    (entry,) = cache.glob("*.pickle")
    assert entry.stat().st_mode & 0o777 == 0o600
    entry.chmod(0o666)
    calls: list[int] = []
    remembered(cache, folder, "scenario", counting(folder, calls))
    assert calls == [1]


def test_two_loads_of_one_folder_are_kept_apart(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert remembered(cache, folder, "a", lambda: "first") == "first"
    assert remembered(cache, folder, "b", lambda: "second") == "second"
    assert remembered(cache, folder, "a", lambda: "rebuilt") == "first"


def test_an_unwritable_cache_folder_still_loads(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    assert remembered(blocker, folder, "scenario", lambda: load_scenario(folder)).id == "tutorial"


def test_the_start_screen_lists_and_describes_scenarios_from_kept_loads(monkeypatch, tmp_path: Path) -> None:
    """The library (the start screen, `redlines scenarios`) reads each scenario and its game file
    once: a second listing loads no TOML, and lists and dates them the same."""
    from sim import catalog, loading
    from sim.game import setup_file
    from sim.present.library import game_start

    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    listed = catalog.entries()
    dates = [game_start(entry.scenario) for entry in listed if entry.scenario]

    def refused(*args, **kwargs):
        raise AssertionError("read from its files again")

    monkeypatch.setattr(loading, "load_scenario", refused)
    monkeypatch.setattr(setup_file, "load_setup", refused)  # the game file's reader, however it is reached
    again = catalog.entries()
    assert again == listed
    assert [game_start(entry.scenario) for entry in again if entry.scenario] == dates
    assert any(date is not None for date in dates)

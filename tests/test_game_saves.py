"""Saves: versioned JSON, atomic, exact; clear errors that never cost the game or the last save."""

from __future__ import annotations

import errno
import json
import os

import pytest

from sim.game import Session, load_save, write_save
from sim.game.actions import Table, Travel
from sim.game.saves import VERSION, SaveError, autosave_path, previous_path
from tests.game_support import play, private_home, tutorial_game  # noqa: F401 - fixture

MOVES = ("travel belgrad", "table belmark", "consult belmark", "adopt belmark", "lever union-funds", "wait 3")


def test_a_save_loads_as_an_equal_state(tmp_path) -> None:
    state = play(tutorial_game(seed=5), *MOVES)
    path = write_save(state, tmp_path / "game.json")
    assert load_save(path) == state


def test_a_save_is_versioned_json_with_the_log_as_lines(tmp_path) -> None:
    state = play(tutorial_game(seed=5), *MOVES)
    data = json.loads(write_save(state, tmp_path / "game.json").read_text())
    assert data["format"] == "redlines-save" and data["version"] == VERSION
    assert data["log"] == list(MOVES) and data["seed"] == 5
    assert data["state"]["day"] == state.day.isoformat()


def test_writing_keeps_the_save_it_replaces(tmp_path) -> None:
    path = tmp_path / "game.json"
    first = play(tutorial_game(), "wait")
    write_save(first, path)
    write_save(play(first, "wait"), path)
    assert load_save(previous_path(path)) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.json", "game.prev.json"], "no temporary file is left"


def _corrupt(path, text: str | bytes) -> None:
    if isinstance(text, str):
        text = text.encode()
    path.write_bytes(text)


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"format": "redlines-save", "version": 1, "log": ["wait"', "the save is truncated (it ends too early)"),
        ('{"format": "redlines-save", "version": 1,, }', "the save is corrupt (Expecting property name enclosed in double quotes at line 1)"),
        (b"\xff\xfe\x00garbage", "the save is corrupt: it is not text"),
        ('{"scenario": "tutorial", "terms": {}}', "this is not a Red Lines save"),
        ('[1, 2, 3]', "this is not a Red Lines save"),
        ('{"format": "redlines-save", "version": 99}', "this save was made by a newer Red Lines (save version 99; this one reads up to 1)"),
    ],
)
def test_a_bad_save_gets_a_clear_error_and_is_left_alone(tmp_path, content, message) -> None:
    path = tmp_path / "game.json"
    _corrupt(path, content)
    before = path.read_bytes()
    with pytest.raises(SaveError) as caught:
        load_save(path)
    assert caught.value.problems[0].message == message
    assert path.read_bytes() == before


def test_a_damaged_save_lists_every_damaged_part(tmp_path) -> None:
    path = tmp_path / "game.json"
    _corrupt(path, json.dumps({"format": "redlines-save", "version": 1, "scenario": {"id": "tutorial"},
                               "difficulty": "impossible", "seed": "7", "log": [1]}))
    with pytest.raises(SaveError) as caught:
        load_save(path)
    assert [p.path for p in caught.value.problems] == [("difficulty",), ("seed",), ("log",), ("state",)]


def test_a_save_that_no_longer_replays_says_so(tmp_path) -> None:
    path = write_save(play(tutorial_game(), "travel oda", "table arvenia"), tmp_path / "game.json")
    data = json.loads(path.read_text())
    data["log"][1] = "table belmark"
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError, match=r"move 2 \(`table belmark`\) cannot be replayed: Belmark is not at Oda"):
        load_save(path)
    data["log"] = data["log"][:1]
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError, match="the save does not replay to the game it recorded"):
        load_save(path)


def test_an_unwritable_folder_raises_a_clear_error_and_keeps_the_old_save(tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(SaveError) as caught:
        write_save(tutorial_game(), blocker / "game.json")
    assert "the game goes on in memory" in caught.value.problems[0].fix


def test_a_full_disk_loses_neither_the_old_save_nor_the_game(tmp_path, monkeypatch) -> None:
    path = tmp_path / "game.json"
    first = tutorial_game()
    write_save(first, path)
    before = path.read_bytes()

    def full(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError) as caught:
        write_save(play(first, "wait"), path)
    assert caught.value.problems[0].message == "the disk is full"
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["game.json"], "the temporary file is cleaned up"


def test_a_session_autosaves_after_every_action_and_survives_a_failing_disk(monkeypatch) -> None:
    session = Session(tutorial_game())
    session.act(Travel("oda"))
    assert load_save(autosave_path("tutorial")) == session.state

    def full(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patched:
        patched.setattr(os, "fsync", full)
        outcome = session.act(Table("arvenia"))
    assert outcome.answer is not None and session.state.log[-1].line == "table arvenia"
    assert session.save_problem is not None and session.save_problem.problems[0].message == "the disk is full"
    session.act(Travel("belgrad"))
    assert session.save_problem is None
    assert load_save(autosave_path("tutorial")) == session.state


def test_a_session_resumes_from_its_save() -> None:
    session = Session(tutorial_game(seed=3))
    session.act(Travel("oda"))
    resumed = Session.resume(autosave_path("tutorial"))
    assert resumed.state == session.state

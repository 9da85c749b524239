"""Saving behind the player: a write may wait for the frame being drawn, and is never lost."""

from __future__ import annotations

from sim.game import SetTerm, load_save, start_game, step
from sim.ui.autosave import AutoSaver


def test_a_deferred_save_starts_when_its_frame_is_out_and_keeps_the_newest(tmp_path) -> None:
    waiting: list = []
    saver = AutoSaver(tmp_path / "a.json", lambda problem: None, defer=waiting.append)
    first = start_game("tutorial", seed=4)
    second, _ = step(first, SetTerm("water", "w50"))
    saver.request(first)
    saver.request(second)  # coalesced: one write, of the newest
    assert len(waiting) == 1 and not (tmp_path / "a.json").exists()
    waiting[0]()  # the frame is out
    assert saver.flush(10)
    assert saver.saved == 1 and load_save(tmp_path / "a.json").draft == second.draft


def test_flush_writes_a_save_still_waiting_for_its_frame(tmp_path) -> None:
    waiting: list = []
    saver = AutoSaver(tmp_path / "a.json", lambda problem: None, defer=waiting.append)
    state = start_game("tutorial", seed=4)
    saver.request(state)
    assert saver.flush(10) and saver.saved == 1  # quitting before the frame: written anyway
    waiting[0]()  # the late callback starts nothing more
    assert saver.flush(10) and saver.saved == 1


def test_an_edit_held_until_the_editing_pauses_is_saved_then_or_with_the_next_move(tmp_path) -> None:
    """A change of a term waits for its hold (the editing pausing); further edits join it; a move
    that may not wait starts it after its frame instead; flush writes whatever still waits."""
    frames: list = []
    pauses: list = []
    saver = AutoSaver(tmp_path / "a.json", lambda problem: None, defer=frames.append)
    first = start_game("tutorial", seed=4)
    edited, _ = step(first, SetTerm("water", "w50"))
    saver.request(first, hold=pauses.append)
    saver.request(edited, hold=pauses.append)  # joins the held write
    assert len(pauses) == 1 and frames == [] and not (tmp_path / "a.json").exists()
    pauses[0]()  # the editing paused
    assert saver.flush(10) and saver.saved == 1 and load_save(tmp_path / "a.json").draft == edited.draft

    saver.request(first, hold=pauses.append)
    saver.request(edited)  # another move: it waits for its frame, not for the pause
    assert len(frames) == 1
    frames[0]()
    assert saver.flush(10) and saver.saved == 2 and load_save(tmp_path / "a.json").draft == edited.draft
    pauses[1]()  # the late pause starts nothing more
    assert saver.flush(10) and saver.saved == 2

    saver.request(first, hold=pauses.append)
    assert saver.flush(10) and saver.saved == 3  # leaving while an edit waits: written anyway

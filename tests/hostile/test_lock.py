"""Two windows on one Red Lines folder: the second never writes over the first one's game."""

from __future__ import annotations

import asyncio

from sim.game import SetTerm, start_game, write_save
from sim.game.save_lock import SaveLock
from sim.game.saves import autosave_path
from sim.ui.app import make_app
from sim.ui.saved_games import latest_game
from sim.ui.screens.choice import ChoiceScreen
from sim.ui.screens.table import TableScreen


def test_the_lock_is_exclusive_and_released() -> None:
    path = autosave_path("tutorial")
    first, second = SaveLock(path), SaveLock(path)
    assert first.acquire() and not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def run_table(keys: list[str]) -> tuple[TableScreen, bool]:
    async def play() -> tuple[TableScreen, bool]:
        app = make_app(screen="table", scenario="tutorial", seed=3)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            asked = isinstance(app.screen, ChoiceScreen)
            if keys:
                await pilot.press(*keys)
            await pilot.pause()
            table = app.screen
            assert isinstance(table, TableScreen)
            table.act(SetTerm("water", "w50"))
            table.saver.flush()
            return table, asked

    return asyncio.run(play())


def test_a_second_window_offers_a_copy_and_never_touches_the_first_save(redlines_home) -> None:
    original = autosave_path("tutorial")
    other = SaveLock(original)
    assert other.acquire()  # the first window
    try:
        table, asked = run_table(["down", "enter"])  # the second choice: play a copy
        assert asked
        assert not original.exists()
        assert table.session.save_path.name == "autosave-tutorial-copy2.json" and table.session.save_path.exists()
    finally:
        other.release()


def test_read_only_saves_nothing(redlines_home) -> None:
    original = autosave_path("tutorial")
    other = SaveLock(original)
    assert other.acquire()
    try:
        table, asked = run_table(["enter"])  # the first choice: read-only
        assert asked and table.saver.saved == 0
        assert not list(original.parent.glob("*.json"))
    finally:
        other.release()


def test_a_single_window_asks_nothing_and_saves(redlines_home) -> None:
    table, asked = run_table([])
    assert not asked and autosave_path("tutorial").exists()


def continue_from_start(seen: list) -> tuple[str, list[str]]:
    """Press Continue on the start screen; which screen is up after, and what it said."""
    async def play() -> tuple[str, list[str]]:
        app = make_app(scenario="tutorial")
        async with app.run_test(size=(100, 32), notifications=True, message_hook=seen.append) as pilot:
            await pilot.press("c")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            return type(app.screen).__name__, [n.message for n in app._notifications]

    return asyncio.run(play())


def test_continue_refuses_a_game_another_window_holds_and_says_why(redlines_home) -> None:
    original = autosave_path("tutorial")
    write_save(start_game("tutorial", seed=2), original)
    other = SaveLock(original)
    assert other.acquire()  # the first window has the game open at its table
    try:
        before = original.read_bytes()
        seen: list = []
        screen, said = continue_from_start(seen)
        assert screen == "StartScreen"  # no table, not even one asking read-only or a copy
        assert any(type(m).__name__ == "ContinueGame" for m in seen)  # the key was taken, and refused
        label = latest_game().label  # how the start screen names the game ("tutorial, 2031-03-01 (normal)")
        assert said == [f"The saved game ({label}) is open in another Red Lines window: "
                        "play it there, or close that window and continue here. Games (g) opens it read-only or as a copy."]
        assert original.read_bytes() == before
    finally:
        other.release()


def test_continue_opens_the_game_once_the_other_window_has_let_go(redlines_home) -> None:
    original = autosave_path("tutorial")
    write_save(start_game("tutorial", seed=2), original)
    other = SaveLock(original)
    assert other.acquire()
    other.release()  # the other window closed
    screen, said = continue_from_start([])
    assert screen == "TableScreen" and not said

"""A damaged autosave never stops the app before its first screen (issue 13's example: a summary of
``"actions": "5 moves"``, and a dangling link where a save was)."""

from __future__ import annotations

import asyncio
import json

from sim.game import start_game, write_save
from sim.game.saves import autosave_path
from sim.ui.app import make_app
from sim.ui.saved_games import latest_game
from sim.ui.screens.start import StartScreen


def damage() -> None:
    path = autosave_path("tutorial")
    write_save(start_game("tutorial", seed=2), path)
    data = json.loads(path.read_text())
    data["summary"]["actions"] = "5 moves"
    path.write_text(json.dumps(data))
    (path.parent / "autosave-gone.json").symlink_to(path.parent / "nowhere.json")


def test_the_damaged_summary_is_offered_with_blanks() -> None:
    damage()
    offered = latest_game()
    assert offered is not None and offered.scenario == "tutorial" and offered.actions == 0


def test_the_app_opens_its_start_screen_over_a_damaged_autosave() -> None:
    damage()

    async def open_app() -> bool:
        app = make_app(scenario="tutorial")
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            return isinstance(app.screen, StartScreen)

    assert asyncio.run(open_app())

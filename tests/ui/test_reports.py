"""The teacher's kit in the app: the debrief exports its report, ended games are kept and listed
beside saved ones, and any of them reopens its debrief."""

from __future__ import annotations

from pathlib import Path

from sim.game import start_game, write_save
from sim.game.saves import autosave_path, saves_dir
from sim.present.report import load_game
from sim.ui.app import make_app
from sim.ui.saved_games import FINISHED_DIR, all_games, keep_finished
from sim.ui.screens.choice import ChoiceScreen
from sim.ui.screens.end import EndScreen
from sim.ui.screens.start import StartScreen

ROOT = Path(__file__).resolve().parents[2]
DEAL = ROOT / "scenarios" / "tutorial" / "games" / "deal.txt"


def test_the_debrief_exports_its_report_into_the_red_lines_folder(run, redlines_home) -> None:
    state = load_game(DEAL)

    async def scenario() -> None:
        app = make_app(scenario="tutorial")
        async with app.run_test(size=(100, 32), notifications=True) as pilot:
            app.push_screen(EndScreen(state))
            await pilot.pause()
            await pilot.press("e")
            await app.workers.wait_for_complete()
            await pilot.pause()
            written = sorted((redlines_home / "reports").iterdir())
            assert [p.name for p in written] == ["tutorial-2031-03-09-seed1.html"]
            assert "<h2>Ledger of concessions</h2>" in written[0].read_text(encoding="utf-8")
            messages = [n.message for n in app._notifications]
            assert f"Report written to {written[0]}" in messages  # the app says where
            names = [name for name, _, _ in app.screen.palette_commands()]
            assert "Debrief: export report (Markdown)" in names and "Debrief: export report (JSON)" in names

    run(scenario())


def test_ended_games_are_kept_and_listed_after_the_saved_ones() -> None:
    ongoing = start_game("ukraine-2025", seed=3)
    write_save(ongoing, autosave_path("ukraine-2025"))
    ended = load_game(DEAL)
    write_save(ended, autosave_path("tutorial"))
    kept = keep_finished(ended)
    assert kept.parent == saves_dir() / FINISHED_DIR
    games = all_games()
    # The same ended game, as autosave and as kept copy, is listed once; ongoing games come first.
    assert [(g.scenario, g.finished) for g in games] == [("ukraine-2025", False), ("tutorial", True)]
    assert keep_finished(ended) != kept  # a second copy never overwrites the first


def test_a_finished_game_reopens_its_debrief_from_the_start_screen(run) -> None:
    keep_finished(load_game(DEAL))

    async def scenario() -> None:
        app = make_app(scenario="tutorial")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            await pilot.press("g")
            await pilot.pause()
            assert isinstance(app.screen, ChoiceScreen)
            assert app.screen.choices[0].label == "Debrief: tutorial, a deal, score 940.4"
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, EndScreen) and app.screen.state.status.value == "deal"
            await pilot.press("escape")
            assert isinstance(app.screen, StartScreen)

    run(scenario())

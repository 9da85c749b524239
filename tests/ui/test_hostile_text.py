"""Text from a scenario file reaches the screen as typed: never as Textual markup, Rich markup or
Markdown, never as an action a click could run.

The tutorial is copied with every text field (titles, names, statements, passages, labels, news...)
made hostile, and each screen is opened: the app must not crash on a bare ``[/]``, must not restyle
text, and a click on the text must not run ``app.quit``.
"""

from __future__ import annotations

import html
import re
import shutil
import tomllib
from pathlib import Path

import pytest
import tomli_w

from sim.catalog import shipped_dir
from sim.ui.app import make_app
from sim.ui.screens.analysis import AnalysisScreen
from sim.ui.screens.briefing import BriefingScreen
from sim.ui.screens.sandbox import SandboxScreen
from sim.ui.screens.sources import SourcesScreen
from sim.ui.screens.start import StartScreen
from sim.ui.screens.table import TableScreen

# Each piece would do harm if read as markup: end a style never opened, bold and recolour, run an action.
HOSTILE = "[/] [bold red]R[/] *M*_d_ [@click=app.quit]Q[/]"
# What the screen must show, literally (spaces become no-break spaces in a screenshot).
VISIBLE = ("[bold\u00a0red]R[/]", "[@click=app.quit]Q[/]")
TEXT_KEYS = {"title", "summary", "briefing", "name", "statement", "passage", "outlet", "position", "note",
             "description", "label", "news", "capital"}


def _poison(value, seen: list[int]):
    if isinstance(value, dict):
        return {k: (f"{v} {HOSTILE}" if k in TEXT_KEYS and isinstance(v, str) and not seen.append(1)
                    else _poison(v, seen)) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, seen) for v in value]
    return value


@pytest.fixture
def hostile(redlines_home: Path) -> Path:
    """The tutorial, every text field hostile, installed as the user's own scenario."""
    folder = redlines_home / "scenarios" / "tutorial-hostile"
    shutil.copytree(shipped_dir() / "tutorial", folder)
    poisoned = 0
    for name in ("scenario.toml", "game.toml"):
        data = tomllib.loads((folder / name).read_text(encoding="utf-8"))
        seen: list[int] = []
        data = _poison(data, seen)
        if name == "scenario.toml":
            data["id"] = "tutorial-hostile"
        poisoned += len(seen)
        (folder / name).write_text(tomli_w.dumps(data), encoding="utf-8")
    for proposal in (folder / "proposals").glob("*.toml"):
        data = tomllib.loads(proposal.read_text(encoding="utf-8"))
        data["scenario"] = "tutorial-hostile"
        data["title"] = f"{data.get('title', '')} {HOSTILE}"
        proposal.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert poisoned > 40  # the walk really reached the text fields
    return folder


def _shown(app) -> str:
    """The screen's text as a player sees it."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg))


async def _click_everywhere(pilot, app) -> None:
    """Click along the top lines, where titles, border titles and the first texts are drawn."""
    width = app.size.width
    for y in range(0, 4):
        for x in range(0, width, 4):
            await pilot.click(offset=(x, y))
    await pilot.pause()
    assert app.is_running and app.return_code is None, "a click ran an action from the scenario's text"


def _assert_plain(app) -> None:
    shown = _shown(app)
    assert any(piece in shown for piece in VISIBLE), "the hostile text is not shown as typed"


def test_every_screen_shows_hostile_text_as_typed(run, hostile: Path) -> None:
    async def scenario() -> None:
        app = make_app(scenario="tutorial-hostile", seed=3, difficulty="easy")
        async with app.run_test(size=(120, 40)) as pilot:
            assert isinstance(app.screen, StartScreen)
            await pilot.pause()
            _assert_plain(app)
            await pilot.press("n")
            await pilot.pause()
            briefing = app.screen
            assert isinstance(briefing, BriefingScreen)
            _assert_plain(app)
            for _ in range(len(briefing.scenario.parties) + 3):  # every topic: situation, parties, issues, timeline
                await pilot.press("down")
                await pilot.pause()
                _assert_plain(app)
            await _click_everywhere(pilot, app)
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, SourcesScreen)
            _assert_plain(app)
            await _click_everywhere(pilot, app)
            await pilot.press("escape")
            await pilot.press("t")
            await pilot.pause()
            table = app.screen
            assert isinstance(table, TableScreen)
            _assert_plain(app)
            await pilot.press("right")  # a term changed: cards and feed redraw
            await pilot.press("t")  # table the draft: an answer in the feed and a notification
            await pilot.pause()
            _assert_plain(app)
            await _click_everywhere(pilot, app)
            # travel, consult, levers, presets, a counter-proposal: menus of names from the files
            for menu in ("g", "c", "l", "p", "r"):
                await pilot.press(menu)
                await pilot.pause()
                _assert_plain(app)
                if app.screen is not table:
                    await pilot.press("escape")
                    await pilot.pause()
                assert app.screen is table
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, AnalysisScreen)
            await pilot.pause(0.5)
            _assert_plain(app)
            await pilot.press("escape")
            await pilot.press("ctrl+p")  # the command palette lists the screen's commands
            await pilot.pause()
            await pilot.press(*"sou")
            await pilot.pause()
            await pilot.press("escape")
            assert app.is_running

    run(scenario())


def test_the_sandbox_shows_hostile_text_as_typed(run, hostile: Path) -> None:
    async def scenario() -> None:
        app = make_app(scenario="tutorial-hostile", screen="sandbox")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, SandboxScreen)
            _assert_plain(app)
            await pilot.press("p")  # presets: their titles
            await pilot.pause()
            _assert_plain(app)
            await pilot.press("enter")
            await pilot.pause()
            _assert_plain(app)
            await pilot.press("space")  # the option picker: labels, descriptions, the party names below
            await pilot.pause()
            _assert_plain(app)
            await pilot.press("escape")
            await pilot.press("c")  # compare with a preset
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            _assert_plain(app)
            await _click_everywhere(pilot, app)
            await pilot.press("escape")
            await pilot.press("a")
            await pilot.pause(0.5)
            assert isinstance(app.screen, AnalysisScreen)
            _assert_plain(app)
            await _click_everywhere(pilot, app)
            assert app.is_running

    run(scenario())

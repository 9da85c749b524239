"""A change of a term is drawn by the handler that made it, and the terminal it draws stays in step
with the screen: after a run of quick edits (some changing a card's height, some not), what the
terminal shows is what a fresh drawing of the whole screen shows."""

from __future__ import annotations

import pytest

from sim.ui.app import make_app
from sim.ui.screens import draft_screen
from sim.ui.screens.draft_screen import HOLD_SECONDS
from sim.ui.widgets.draft_editor import DraftEditor
from tests.ui.layouts import counted_layouts
from tests.ui.terminal_picture import TerminalPicture, differences, drawn_afresh

FRAMES = 0.1  # long enough for Textual's update timer (60 a second) to draw what is still due


def test_a_change_of_a_term_is_drawn_before_its_handler_returns(run, monkeypatch) -> None:
    """Each edit is on the terminal when its handler returns, and the terminal then reads as a fresh
    drawing of the screen: edits that leave every height as it was, and edits that grow a card
    (the screen laid out at once)."""
    # The cards hold their rows for the whole test: drawing the screen afresh after each edit can
    # take longer than the editing pause that gives them back, on a busy machine.
    monkeypatch.setattr(draft_screen, "HOLD_SECONDS", 3600)

    async def play() -> None:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        async with app.run_test(size=(140, 100)) as pilot:
            picture = TerminalPicture(140, 100)
            picture.watch(app)
            await pilot.pause()
            await app.workers.wait_for_complete()
            screen, editor = app.screen, app.screen.query_one(DraftEditor)
            layouts = counted_layouts(screen, monkeypatch)
            laid_out = 0
            for number in range(12):
                editor.highlighted = number % 6
                await pilot.pause(FRAMES)
                issue = screen.scenario.issues[editor.highlighted]
                options = [option.id for option in issue.options]
                current = screen.draft.terms.get(issue.id)
                chosen = options[(options.index(current) + 1) % len(options)] if current in options else options[0]
                before = [row[:] for row in picture.cells]
                layouts.clear()
                screen.on_draft_editor_term_chosen(DraftEditor.TermChosen(issue.id, chosen))
                assert picture.cells != before  # drawn already
                assert differences(picture.rows(), drawn_afresh(screen)) == []
                laid_out += bool(layouts)
                await pilot.pause(FRAMES)
            assert 0 < laid_out < 12  # both kinds of edit were seen

    run(play())


@pytest.mark.parametrize("size", [(100, 30), (120, 44)])  # cards listing one crossed line, and all of them
def test_the_terminal_after_quick_edits_reads_as_a_fresh_drawing(run, size) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        async with app.run_test(size=size) as pilot:
            picture = TerminalPicture(*size)
            picture.watch(app)
            await pilot.pause()
            for _ in range(5):
                for key in ("right", "right", "down", "right", "left", "down"):
                    await pilot.press(key)  # no pause between keys, as when a key is held
                await pilot.pause(FRAMES)
                assert differences(picture.rows(), drawn_afresh(app.screen)) == []
            await pilot.pause(HOLD_SECONDS + 0.2)  # the editing paused: the cards give back their held rows
            await pilot.pause(FRAMES)
            assert differences(picture.rows(), drawn_afresh(app.screen)) == []

    run(play())

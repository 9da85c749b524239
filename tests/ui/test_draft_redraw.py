"""A term changed redraws only its own line of the draft, and the draft reads as if drawn afresh."""

from __future__ import annotations

from textual.geometry import Region

from sim.ui.app import make_app
from sim.ui.widgets.draft_editor import DraftEditor


def shown(editor: DraftEditor) -> list[str]:
    return [strip.text for strip in editor.render_lines(Region(0, 0, editor.size.width, editor.size.height))]


def test_edited_terms_read_as_a_fresh_draw_of_the_same_draft(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            editor = app.screen.query_one(DraftEditor)
            heights = []
            for _ in range(6):  # the first issues: long labels go from one line to two and back
                for _ in range(3):
                    await pilot.press("right")
                    await pilot.pause()
                    heights.append(len(editor._lines))
                await pilot.press("down")
                await pilot.pause()
            assert len(set(heights)) > 1  # some edits changed the draft's height, some did not
            drawn, lines = shown(editor), list(editor._lines)
            editor._clear_caches()  # Textual's own full redraw, as after a resize
            await pilot.pause()
            assert list(editor._lines) == lines
            assert shown(editor) == drawn
            assert any("‹" in line for line in drawn)

    run(play())

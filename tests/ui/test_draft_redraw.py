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


def test_each_issue_is_measured_as_textual_measures_its_text(run) -> None:
    """An issue's row counts its lines instead of laying its text out: at every width, for every
    issue, and after edits, the count is the height Textual finds for the same text."""
    from textual.content import Content

    async def play() -> None:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            editor = app.screen.query_one(DraftEditor)
            checked = wrapped = 0
            for width in (100, 72, 140, 90):
                await pilot.resize_terminal(width, 30)
                await pilot.pause()
                for _ in range(3):
                    await pilot.press("right", "down")
                    await pilot.pause()
                for option in editor.options:
                    for room in (editor._width, editor._width - 7, 12):
                        plain = Content(option.prompt.plain, list(option.prompt.spans))
                        assert option.prompt.get_height(editor.styles, room) == plain.get_height(editor.styles, room)
                        wrapped += plain.get_height(editor.styles, room) > option.prompt.plain.count("\n") + 1
                        checked += 1
            assert checked and wrapped  # some rows were too long for their width and wrapped

    run(play())

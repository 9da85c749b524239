"""An edit's frame draws only the rows of each widget it changed: not the footer, the feed or the
rest of the draft (that the terminal still reads as a fresh drawing is test_paint_now's)."""

from __future__ import annotations

from textual.widget import Widget

from sim.ui.app import make_app
from sim.ui.screens import draft_screen
from sim.ui.widgets.draft_editor import DraftEditor
from sim.ui.widgets.key_footer import KeyFooter
from sim.ui.widgets.news_feed import NewsFeed
from tests.ui.layouts import counted_layouts


def test_an_edit_draws_only_the_rows_it_changed(run, monkeypatch) -> None:
    monkeypatch.setattr(draft_screen, "HOLD_SECONDS", 3600)  # no editing pause gives rows back (a layout) mid-test

    async def play() -> None:
        drawn: list[tuple[Widget, int]] = []
        original = Widget.render_lines

        def render_lines(widget, crop):
            drawn.append((widget, crop.height))
            return original(widget, crop)

        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        async with app.run_test(size=(120, 44)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            screen, editor = app.screen, app.screen.query_one(DraftEditor)
            monkeypatch.setattr(Widget, "render_lines", render_lines)
            layouts = counted_layouts(screen, monkeypatch)
            unmoved = few_rows = 0
            for key in ("right", "down", "right", "right", "down", "right", "down", "right", "right"):
                drawn.clear()
                layouts.clear()
                await pilot.press(key)
                await pilot.pause()
                if key != "right" or layouts:
                    continue  # a cursor move, or an edit that laid the screen out again (a card grew)
                unmoved += 1
                assert not {KeyFooter, NewsFeed} & {type(widget) for widget, _ in drawn}
                assert screen.query_one("#topbar") not in [widget for widget, _ in drawn]
                rows = [height for widget, height in drawn if widget is editor]
                few_rows += bool(rows) and max(rows) <= editor.size.height // 3  # the edited issue's rows
            assert unmoved >= 3 and few_rows >= 2

    run(play())

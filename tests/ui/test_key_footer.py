"""The table's footer is drawn by one widget (KeyFooter): it must show what Textual's own compact
Footer showed, cell by cell and colour by colour, whatever has focus, and a click presses the key."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

import sim.ui.screens.table as table_module
from sim.ui.app import make_app
from sim.ui.screens.choice import ChoiceScreen
from sim.ui.widgets.key_footer import KeyFooter

SIZES = [(70, 20), (80, 24), (100, 30), (140, 44)]
FOCUS = ["draft", "card", "feed"]


def footer_cells(app) -> list[tuple]:
    """The bottom row as the terminal shows it: each cell's character, colours and weight (a
    blank's text colour and weight show nothing, so only its background counts)."""
    row = app.screen._compositor.render_strips()[-1]
    cells = []
    for segment in row:
        style = segment.style
        for char in segment.text:
            if char == " ":
                cells.append((char, None, style.bgcolor, False, False))
            else:
                cells.append((char, style.color, style.bgcolor, bool(style.bold), bool(style.dim)))
    return cells


async def bottom_row(run_size, focus: str, footer_factory=None, monkeypatch=None) -> list[tuple]:
    if footer_factory is not None:
        monkeypatch.setattr(table_module, "KeyFooter", footer_factory)
    app = make_app(screen="table", scenario="ukraine-2025", seed=1)
    async with app.run_test(size=run_size) as pilot:
        await pilot.pause()
        if focus == "card":
            app.screen.query_one("PartyCard").focus()
        elif focus == "feed":
            app.screen.query_one("#feed").focus()
        await pilot.pause()
        await pilot.pause()
        return footer_cells(app)


@pytest.mark.parametrize("focus", FOCUS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_footer_reads_as_textuals_compact_footer(run, monkeypatch, size, focus) -> None:
    ours = run(bottom_row(size, focus))
    with monkeypatch.context() as patch:
        textuals = run(bottom_row(size, focus, lambda: Footer(compact=True), patch))
    assert "".join(cell[0] for cell in ours) == "".join(cell[0] for cell in textuals)
    assert ours == textuals


def test_a_click_on_a_footer_key_presses_it(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1)
        async with app.run_test(size=(100, 30)) as pilot:
            table = app.screen
            footer = table.query_one(KeyFooter)
            spans = {key.description: (start, end) for start, end, key in footer.spans()}
            assert {"Presets", "Help", "palette"} <= set(spans)
            await pilot.click(KeyFooter, offset=(spans["Presets"][0] + 1, 0))
            await pilot.pause()
            assert isinstance(app.screen, ChoiceScreen)  # the presets to put on the table
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is table
            gap = spans["Presets"][1]  # the margin after a key presses nothing
            await pilot.click(KeyFooter, offset=(gap, 0))
            await pilot.pause()
            assert app.screen is table
            await pilot.click(KeyFooter, offset=(spans["Help"][1] - 1, 0))
            await pilot.pause()
            assert type(app.screen).__name__ == "HelpScreen"

    run(play())

"""What a terminal would show after an app's updates, cell by cell, and the same screen drawn afresh.

Textual sends a terminal only what changed; a change drawn at the wrong moment, or marked and then
never drawn, leaves the terminal out of step with the screen it shows. These helpers apply the
updates an app displays to a grid of cells, as a terminal would, so a test can compare the grid
with a fresh drawing of the whole screen."""

from __future__ import annotations

import io

from rich.color import ColorSystem
from rich.console import Console
from rich.segment import ControlType
from rich.style import Style
from textual.strip import Strip

Cell = tuple[str, str]  # a character and its look (colours and attributes, as the terminal sets them)


def look(style: Style | None) -> str:
    """A style as the terminal sees it: its escape codes, without the meta data a terminal never gets."""
    if style is None:
        return ""
    return Style(color=style.color, bgcolor=style.bgcolor, bold=style.bold, dim=style.dim, italic=style.italic,
                 underline=style.underline, reverse=style.reverse, strike=style.strike).render(
                 "x", color_system=ColorSystem.TRUECOLOR)


class TerminalPicture:
    """A grid of cells that the app's displayed updates are written into."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.cells: list[list[Cell]] = [[(" ", "")] * width for _ in range(height)]
        self.console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                               color_system="truecolor", legacy_windows=False)

    def watch(self, app) -> None:
        """Write every update ``app`` displays into the grid (before Textual's headless check)."""
        display = app._display

        def displayed(screen, renderable) -> None:
            if renderable is not None and not app._batch_count:
                self.apply(renderable)
            display(screen, renderable)

        app._display = displayed

    def apply(self, update) -> None:
        x = y = 0
        for segment in update.__rich_console__(self.console, self.console.options):
            if segment.control:
                for code in segment.control:
                    if code[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = code[1], code[2]
                continue
            for character in segment.text:
                if character == "\n":
                    x, y = 0, y + 1
                    continue
                if 0 <= y < self.height and 0 <= x < self.width:
                    self.cells[y][x] = (character, look(segment.style))
                x += 1

    def rows(self) -> list[list[Cell]]:
        return [list(row) for row in self.cells]


def drawn_afresh(screen) -> list[list[Cell]]:
    """The whole screen drawn from nothing kept: every widget's drawn lines thrown away first."""
    from sim.ui.widgets import card_lines
    from sim.ui.widgets.party_card import PartyCard

    card_lines.DRAWN.clear()
    card_lines._DRAWN_ANYWHERE.clear()
    for widget in screen.walk_children(with_self=True):
        widget._styles_cache.clear()
        if isinstance(widget, PartyCard):
            widget._drawn = None
    return [_cells(strip, screen.size.width) for strip in screen._compositor.render_strips()]


def _cells(strip: Strip, width: int) -> list[Cell]:
    cells: list[Cell] = []
    for segment in strip:
        if not segment.control:
            cells += [(character, look(segment.style)) for character in segment.text]
    return (cells + [(" ", "")] * width)[:width]


def differences(picture: list[list[Cell]], fresh: list[list[Cell]]) -> list[str]:
    """The rows where the two differ, as text (for a readable failure)."""
    return [f"row {y}: terminal {''.join(c for c, _ in a)!r}\n        fresh    {''.join(c for c, _ in b)!r}"
            + ("" if [c for c, _ in a] != [c for c, _ in b] else " (same text, other colours)")
            for y, (a, b) in enumerate(zip(picture, fresh)) if a != b]

"""Text pictures, free of Textual: a scatter of two parties' utilities on a grid of braille dots,
with their walk-away levels as lines and named points as letters; and bars for a ranked list."""

from __future__ import annotations

import math

from sim.record import frozen

BRAILLE_BASE = 0x2800
# Braille dot bits by (column, row) inside one character cell of 2 x 4 dots.
DOT_BITS = {(0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (1, 0): 0x08, (1, 1): 0x10, (1, 2): 0x20, (0, 3): 0x40, (1, 3): 0x80}


@frozen
class Mark:
    """A named point: a letter drawn at its place, explained in the legend."""

    letter: str
    x: float
    y: float
    label: str


@frozen
class Cell:
    char: str
    kind: str  # "dot", "line", "zone", "mark", "axis", "blank"


def scatter(
    points: list[tuple[float, float]],
    marks: list[Mark],
    x_line: float | None,
    y_line: float | None,
    width: int,
    height: int,
) -> list[list[Cell]]:
    """A ``width`` x ``height`` grid over utilities 0–100 on both axes (y grows upwards).

    ``points`` become braille dots; ``x_line``/``y_line`` (walk-away levels) become lines, and the
    corner where both parties are above them is shaded as the zone they could both accept.
    """
    width, height = max(width, 4), max(height, 3)
    dots = [[0] * width for _ in range(height)]
    for x, y in points:
        dx = min(width * 2 - 1, max(0, int(x / 100 * (width * 2 - 1) + 0.5)))
        dy = min(height * 4 - 1, max(0, int((100 - y) / 100 * (height * 4 - 1) + 0.5)))
        dots[dy // 4][dx // 2] |= DOT_BITS[(dx % 2, dy % 4)]
    line_col = None if x_line is None else min(width - 1, int(x_line / 100 * (width - 1) + 0.5))
    line_row = None if y_line is None else min(height - 1, int((100 - y_line) / 100 * (height - 1) + 0.5))
    grid = []
    for row in range(height):
        cells = []
        for col in range(width):
            if dots[row][col]:
                cells.append(Cell(chr(BRAILLE_BASE + dots[row][col]), "dot"))
            elif col == line_col and row == line_row:
                cells.append(Cell("┼", "line"))
            elif col == line_col:
                cells.append(Cell("│", "line"))
            elif row == line_row:
                cells.append(Cell("─", "line"))
            elif line_col is not None and line_row is not None and col > line_col and row < line_row:
                cells.append(Cell("·", "zone"))
            else:
                cells.append(Cell(" ", "blank"))
        grid.append(cells)
    for mark in marks:
        col = min(width - 1, max(0, int(mark.x / 100 * (width - 1) + 0.5)))
        row = min(height - 1, max(0, int((100 - mark.y) / 100 * (height - 1) + 0.5)))
        grid[row][col] = Cell(mark.letter, "mark")
    return grid


# A bar is the lower half of its cells, so that bars on adjacent rows stay apart (full blocks run
# together into one filled shape, as they do in a browser's terminal, which draws them edge to edge),
# and ends in a lower-left quadrant, the same height, at half-cell resolution. Both are block
# elements that terminals and xterm.js draw themselves, whatever the font.
BAR_CELL, BAR_HALF = "▄", "▖"


def bar(value: float, maximum: float, width: int, logarithmic: bool = True) -> str:
    """A horizontal bar for ``value`` out of ``maximum``; on a log scale, since room to agree spans
    orders of magnitude (a few proposals to millions)."""
    if value <= 0 or maximum <= 0:
        return ""
    share = math.log10(1 + value) / math.log10(1 + maximum) if logarithmic else value / maximum
    halves = max(1, round(share * width * 2))  # a value above zero always shows
    full, rest = divmod(halves, 2)
    return BAR_CELL * full + (BAR_HALF if rest else "")

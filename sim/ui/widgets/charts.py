"""The analysis in pictures: a ranked bar chart of what blocks a deal, and the parties' utilities as a
scatter (the Pareto frontier, walk-away lines, named proposals). Both draw what the screen hands them."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from sim.present import plot

CELL_STYLE = {"dot": "bold $success", "line": "$warning", "zone": "$success 40%", "mark": "bold $accent reverse",
              "blank": "", "axis": "$foreground 50%"}


class BlockingChart(Widget):
    """Relaxations ranked by the room to agree they would open (bars on a log scale)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[tuple[str, int, bool]] = []  # (what is relaxed, room it opens, whether a deal then exists)

    def show(self, rows: list[tuple[str, int, bool]]) -> None:
        self.rows = rows
        self.refresh(layout=True)

    def render(self) -> Content:
        if not self.rows:
            return Content("")
        width = max(20, self.content_size.width)
        label_width = min(46, max(len(label) for label, _, _ in self.rows) + 1, width // 2)
        number_width = max(len(f"{size:,}") for _, size, _ in self.rows)
        bar_width = max(4, width - label_width - number_width - 2)
        biggest = max(size for _, size, _ in self.rows)
        smallest = min((size for _, size, _ in self.rows if size), default=1)
        logarithmic = biggest / smallest > 100  # sizes spanning orders of magnitude: a log scale keeps all visible
        lines = []
        for label, size, deal in self.rows:
            shown = label if len(label) < label_width else label[: label_width - 2] + "…"
            lines.append(
                Content.assemble(
                    (shown.ljust(label_width), ""),
                    (f"{size:,}".rjust(number_width), "bold" if deal else "$foreground 60%"),
                    " ",
                    (plot.bar(size, biggest, bar_width, logarithmic), "$success" if deal else "$warning"),
                )
            )
        return Content("\n").join(lines)


class FrontierPlot(Widget):
    """Two parties' utilities: every Pareto-optimal deal as a dot, their walk-away levels as lines,
    and named proposals (the draft, the Nash point, the presets) as letters."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.points: list[tuple[float, float]] = []
        self.marks: list[plot.Mark] = []
        self.lines: tuple[float | None, float | None] = (None, None)
        self.axes: tuple[str, str] = ("", "")

    def show(self, points, marks, lines, axes) -> None:
        self.points, self.marks, self.lines, self.axes = points, marks, lines, axes
        self.refresh(layout=True)

    def render(self) -> Content:
        width = max(20, self.content_size.width - 4)
        height = max(6, min(16, width // 3))
        grid = plot.scatter(self.points, self.marks, self.lines[0], self.lines[1], width, height)
        rows = []
        for number, cells in enumerate(grid):
            axis = "100" if number == 0 else ("  0" if number == len(grid) - 1 else "   ")
            parts = [(axis, CELL_STYLE["axis"]), ("┤", CELL_STYLE["axis"])]
            parts += [(cell.char, CELL_STYLE[cell.kind]) for cell in cells]
            rows.append(Content.assemble(*parts))
        rows.append(Content.assemble(("    0" + " " * (width - 4) + "100", CELL_STYLE["axis"])))
        rows.append(Content.assemble(("    → ", CELL_STYLE["axis"]), (self.axes[0], "bold"), ("   ↑ ", CELL_STYLE["axis"]), (self.axes[1], "bold")))
        legend = "   ".join(f"{m.letter} {m.label}" for m in self.marks)
        if legend:
            rows.append(Content.styled("    " + legend, "$foreground 70%"))
        return Content("\n").join(rows)

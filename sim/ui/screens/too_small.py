"""Shown instead of a squashed layout when the terminal is smaller than the app can draw."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class TooSmallScreen(Screen):
    """Says how big the terminal is and how big it must be; the app removes it once there is room."""

    def __init__(self, need: tuple[int, int]) -> None:
        super().__init__()
        self.need = need

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-text")

    def on_mount(self) -> None:
        self.describe()

    def on_resize(self) -> None:
        self.describe()

    def describe(self) -> None:
        width, height = self.app.size
        self.query_one(Static).update(
            f"Red Lines needs a terminal of at least {self.need[0]}×{self.need[1]}; this one is {width}×{height}.\n"
            "Enlarge the window or make the font smaller."
        )

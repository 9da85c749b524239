"""A Markdown page over the current screen: reasons behind a verdict, a source, a party's position."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown
from textual.content import Content


class ReadingScreen(ModalScreen[None]):
    """Read, scroll, and escape back to where you were."""

    BINDINGS = [
        Binding("escape,q,enter", "dismiss(None)", "Back", id="reading.close"),
    ]

    def __init__(self, markdown: str, title: str = "") -> None:
        super().__init__()
        self.markdown = markdown
        self.page_title = title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="reading", classes="dialog") as scroll:
            scroll.border_title = Content(self.page_title)
            scroll.border_subtitle = "esc to close"
            yield Markdown(self.markdown)

    def on_mount(self) -> None:
        self.query_one("#reading").focus()

"""Every source of the scenario, and everything in the game that cites it."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, OptionList, Static
from textual.widgets.option_list import Option
from textual.content import Content

from sim.model import Scenario
from sim.present import markdown


LINES = "__every-red-line__"  # not a valid source id, so it cannot clash with one


class SourcesScreen(Screen):
    """Sources by date on the left; the selected one, and what rests on it, on the right."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="sources.back")]

    def __init__(self, scenario: Scenario, extra: Callable[[str], list[str]] | None = None) -> None:
        super().__init__()
        self.scenario = scenario
        # Markdown paragraphs the game adds per source (events citing it); none in the sandbox.
        self.extra = extra or (lambda source_id: [])

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Sources · {self.scenario.title}"), id="topbar")
        ordered = sorted(self.scenario.sources, key=lambda s: (s.date, s.title))
        with Horizontal(id="sources"):
            every_line = Option(Content("Every red line: how strong, for which kinds"), id=LINES)
            listing = OptionList(every_line, *[Option(Content(f"{s.date.isoformat()}  {s.title}"), id=s.id) for s in ordered],
                                 id="source-list")
            listing.border_title = f"{len(ordered)} sources"
            yield listing
            with VerticalScroll(id="source-page"):
                yield Markdown(self.page(LINES), id="source-text")
        yield Footer()

    def page(self, source_id: str) -> str:
        if source_id == LINES:
            return markdown.lines_markdown(self.scenario)
        return markdown.source_markdown(self.scenario, source_id, self.extra(source_id))

    def on_mount(self) -> None:
        self.query_one("#source-list").focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#source-text", Markdown).update(self.page(event.option.id))

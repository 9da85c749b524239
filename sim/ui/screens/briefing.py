"""Before the first move: the situation, each party's public position and stated red lines with their
sources, and the timeline so far."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Markdown, OptionList, Static
from textual.widgets.option_list import Option
from textual.content import Content

from sim.model import Scenario
from sim.present import markdown

SITUATION, ISSUES, TIMELINE = "__situation__", "__issues__", "__timeline__"


class BriefingScreen(Screen):
    """Topics on the left, the page on the right; t goes to the table."""

    BINDINGS = [
        Binding("t", "begin", "To the table", id="briefing.begin", tooltip="Start negotiating"),
        Binding("s", "app.sources", "Sources", id="briefing.sources"),
        Binding("escape", "app.pop_screen", "Back", id="briefing.back"),
    ]

    class Begin(Message):
        """The player has read enough and wants to (go back to) negotiating."""

        def __init__(self, new_game: bool) -> None:
            self.new_game = new_game
            super().__init__()

    def __init__(
        self,
        scenario: Scenario,
        timeline: list[tuple[str, str]] | None = None,
        new_game: bool = True,
        opening: tuple[dt.date, str] | None = None,
    ) -> None:
        super().__init__()
        self.scenario = scenario
        # A game's first day and its briefing, when the game starts before the scenario's as-of date.
        self.opening = opening
        self.new_game = new_game  # False: opened from the table, to read again
        # (date, text) lines; the game supplies its dated events, else the sources stand in.
        self.timeline = timeline if timeline is not None else markdown.source_events(self.scenario)

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Briefing · {self.scenario.title}"), id="topbar")
        with Horizontal(id="briefing"):
            topics = OptionList(
                Option("The situation", id=SITUATION),
                *[Option(Content(party.name), id=party.id) for party in self.scenario.parties],
                Option("The issues", id=ISSUES),
                Option("Timeline so far", id=TIMELINE),
                id="topics",
            )
            topics.border_title = "Briefing"
            yield topics
            with VerticalScroll(id="page"):
                yield Markdown(markdown.situation_markdown(self.scenario, self.opening), id="page-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#topics").focus()

    def page(self, topic: str) -> str:
        if topic == SITUATION:
            return markdown.situation_markdown(self.scenario, self.opening)
        if topic == ISSUES:
            return markdown.issues_markdown(self.scenario)
        if topic == TIMELINE:
            lines = [f"- **{date}** {text}" for date, text in self.timeline] or ["Nothing has happened yet."]
            return "# Timeline so far\n\n" + "\n".join(lines)
        return markdown.party_markdown(self.scenario, self.scenario.party(topic))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#page-text", Markdown).update(self.page(event.option.id))
        self.query_one("#page", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#page", VerticalScroll).focus()

    def action_begin(self) -> None:
        self.post_message(self.Begin(self.new_game))

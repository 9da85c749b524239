"""The end of a game: the outcome, the score's breakdown, the final draft against the Nash point and
the published plans, and the road there."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from sim.game import GameState, score
from sim.game.effective import effective_scenario
from sim.ui import game_text
from sim.ui.debrief import debrief_markdown


class EndScreen(Screen):
    BINDINGS = [
        Binding("escape,enter", "app.pop_screen", "Start screen", id="end.close"),
        Binding("a", "analysis", "Analysis", id="end.analysis"),
        Binding("s", "app.sources", "Sources", id="end.sources"),
    ]

    class Ready(Message):
        def __init__(self, markdown: str) -> None:
            self.markdown = markdown
            super().__init__()

    def __init__(self, state: GameState) -> None:
        super().__init__()
        self.state = state
        self.score = score(state)
        self.text = debrief_markdown(state, self.score, None)  # the Nash column is filled in when computed

    def compose(self) -> ComposeResult:
        yield Static(f"Debrief · {game_text.ending_title(self.state)} · score {self.score.total:g}", id="topbar")
        with VerticalScroll(id="debrief"):
            yield Markdown(self.text, id="debrief-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief").focus()
        self.compare()

    @work(thread=True, exclusive=True)
    def compare(self) -> None:
        from sim.analysis import nash_point
        from sim.analysis.blocks import TooTangled

        from sim.ui.robust_view import solidity, solidity_markdown

        scenario = effective_scenario(self.state)
        try:
            nash = nash_point(scenario)
        except TooTangled:  # the debrief goes without the Nash comparison rather than crash the app
            nash = None
        self.post_message(self.Ready(debrief_markdown(self.state, self.score, nash)))
        found = solidity_markdown(scenario, solidity(scenario, nash is not None))
        self.post_message(self.Ready(debrief_markdown(self.state, self.score, nash, found)))

    def on_end_screen_ready(self, message: Ready) -> None:
        self.text = message.markdown
        self.query_one("#debrief-text", Markdown).update(self.text)

    def action_analysis(self) -> None:
        self.app.open_analysis(effective_scenario(self.state), self.state.draft)  # type: ignore[attr-defined]

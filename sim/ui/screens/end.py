"""The end of a game: the outcome, the score's breakdown, the final draft against the Nash point and
the published plans, and the road there; `e` writes the full report (sim.present.report) to the
Red Lines folder, and the palette offers it as Markdown and JSON too."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static
from textual.content import Content

from sim.game import GameState, score
from sim.game.effective import effective_scenario
from sim.present import play
from sim.present.debrief import debrief_markdown
from sim.ui.messages import OpenAnalysis


class EndScreen(Screen):
    BINDINGS = [
        Binding("escape,enter", "app.pop_screen", "Start screen", id="end.close"),
        Binding("a", "analysis", "Analysis", id="end.analysis"),
        Binding("s", "app.sources", "Sources", id="end.sources"),
        Binding("e", "export('html')", "Export report", id="end.export",
                tooltip="Write the full debrief as a report (HTML, ready to print) in your Red Lines folder"),
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
        yield Static(Content(f"Debrief · {play.ending_title(self.state)} · score {self.score.total:g}"), id="topbar")
        with VerticalScroll(id="debrief"):
            yield Markdown(self.text, id="debrief-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief").focus()
        self.compare()

    @work(thread=True, exclusive=True)
    def compare(self) -> None:
        from sim.analysis import nash_point
        from sim.present.report.story import retell
        from sim.analysis.blocks import TooTangled

        from sim.present.robustness_view import solidity, solidity_markdown

        story = retell(self.state)["story"]  # replays the game: off the UI thread
        scenario = effective_scenario(self.state)
        try:
            nash = nash_point(scenario)
        except TooTangled:  # the debrief goes without the Nash comparison rather than crash the app
            nash = None
        self.post_message(self.Ready(debrief_markdown(self.state, self.score, nash, story)))
        try:
            found = solidity_markdown(scenario, solidity(scenario, nash is not None))
        except TooTangled:  # nor without the whole debrief when the trades cannot be searched
            return
        self.post_message(self.Ready(debrief_markdown(self.state, self.score, nash, story, found)))

    def on_end_screen_ready(self, message: Ready) -> None:
        self.text = message.markdown
        self.query_one("#debrief-text", Markdown).update(self.text)

    def palette_commands(self):
        return [
            ("Debrief: export report (HTML)", "One self-contained page, ready to print", lambda: self.action_export("html")),
            ("Debrief: export report (Markdown)", "The same report as text", lambda: self.action_export("md")),
            ("Debrief: export report (JSON)", "The same report as data, for grading scripts", lambda: self.action_export("json")),
        ]

    def action_export(self, fmt: str) -> None:
        self.notify("Writing the report…", timeout=3)
        self.export(fmt)

    @work(thread=True, group="export")
    def export(self, fmt: str) -> None:
        from sim import catalog
        from sim.loading.problems import ScenarioError
        from sim.present.report.output import REPORTS_DIR, export_report

        try:
            path = export_report(self.state, fmt, catalog.data_dir() / REPORTS_DIR)
        except ScenarioError as error:
            self.app.call_from_thread(self.notify, str(error.problems[0]), title="Not written", severity="error",
                                      timeout=10, markup=False)
            return
        self.app.call_from_thread(self.notify, f"Report written to {path}", title="Report", timeout=10, markup=False)

    def action_analysis(self) -> None:
        self.post_message(OpenAnalysis(effective_scenario(self.state), self.state.draft, game=self.state))

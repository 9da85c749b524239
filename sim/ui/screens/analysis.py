"""Is there a deal at all, which is best, how close is the draft to one, and what blocks it.

The analysis runs in a worker thread after the screen is drawn (it can take most of a second on the
default scenario); the screen stays responsive and fills in when it is done.
"""

from __future__ import annotations

from itertools import islice
from typing import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, Static

from sim import catalog
from sim.analysis import Analysis, Suggestion
from sim.engine import assess
from sim.model import Proposal, Scenario
from sim.model.plain import option_label
from sim.present import plot
from sim.present.robustness_view import Solidity, asks_rows, robustness_rows, solidity, trades_summary
from sim.record import frozen
from sim.ui.widgets.charts import BlockingChart, FrontierPlot

TOP_BLOCKERS = 8
ANALYSIS_SECONDS = 60  # the shipped scenarios take about a second; a huge one says it gave up
MAX_PLOTTED = 4000


@frozen
class Findings:
    analysis: Analysis
    closest: Suggestion | None
    named: tuple[tuple[str, str, Proposal], ...]  # (letter, label, proposal) drawn on the plot
    solidity: Solidity | None = None  # robustness, and the trades when no deal exists


class AnalysisScreen(Screen):
    BINDINGS = [
        Binding("u", "adopt", "Adopt closest", id="analysis.adopt", tooltip="Make the closest acceptable proposal the draft"),
        Binding("x", "axis(0)", "X axis", id="analysis.x_axis"),
        Binding("y", "axis(1)", "Y axis", id="analysis.y_axis"),
        Binding("escape", "app.pop_screen", "Back", id="analysis.back"),
    ]

    class Done(Message):
        def __init__(self, findings: Findings) -> None:
            self.findings = findings
            super().__init__()

    class Failed(Message):
        """The analysis could not run within its bounds (red lines too tangled)."""

        def __init__(self, reason: str) -> None:
            self.reason = reason
            super().__init__()

    def __init__(self, scenario: Scenario, draft: Proposal, adopt: Callable[[Proposal], None] | None, hidden: bool = False) -> None:
        super().__init__()
        self.scenario = scenario
        self.draft = draft
        self.adopt = adopt  # None: the difficulty (or the screen it came from) does not allow adopting
        self.hidden = hidden
        self.findings: Findings | None = None
        parties = [p.id for p in scenario.principals] or [p.id for p in scenario.parties]
        self.axes = [parties[0], parties[1 % len(parties)]]

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Analysis · {self.scenario.title}"), id="topbar")
        with VerticalScroll(id="analysis"):
            if self.hidden:
                yield Static(
                    "Above the easy level the analysis stays closed while you play: it would tell you what the "
                    "parties have not said. It is in the debrief at the end, and in the sandbox.",
                    id="headline",
                )
            else:
                yield LoadingIndicator(id="working")
                yield Static(id="headline")
                yield Static(id="closest", classes="section")
                yield Static(id="points", classes="section")
                chart = BlockingChart(id="blocking", classes="section")
                chart.border_title = "What blocks a deal: the room each relaxation would open"
                yield chart
                yield Static(id="trades", classes="section")
                asks = BlockingChart(id="asks", classes="section")
                asks.border_title = "What the best trade asks of each party (dropping a hard line counts two)"
                yield asks
                solid = BlockingChart(id="solidity", classes="section")
                solid.border_title = "How solid: % of calibrations of the scenario's numbers"
                yield solid
                frontier = FrontierPlot(id="frontier", classes="section")
                frontier.border_title = "Utilities: deals on the frontier, walk-away lines, named proposals"
                yield frontier
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Adopting is not offered where it cannot be done (a locked analysis, the debrief's)."""
        if action == "adopt" and (self.adopt is None or self.hidden):
            return False
        if action == "axis" and self.hidden:
            return False
        return True

    def on_mount(self) -> None:
        if not self.hidden:
            self.compute()

    @work(thread=True, exclusive=True)
    def compute(self) -> None:
        from sim.analysis import analyze, closest_acceptable
        from sim.analysis.blocks import TooTangled
        from sim.analysis.budget import time_limit

        try:
            with time_limit(ANALYSIS_SECONDS):  # set here: a worker thread does not inherit the context
                analysis = analyze(self.scenario)
                closest = closest_acceptable(self.scenario, self.draft)
        except TooTangled as error:
            self.post_message(self.Failed(str(error)))
            return
        named = [("D", "your draft", self.draft)]
        if analysis.nash is not None:
            named.append(("N", "Nash point", analysis.nash.proposal))
        for number, preset in enumerate(catalog.presets(self.scenario), start=1):
            named.append((str(number), preset.title or f"preset {number}", preset))
        found = solidity(self.scenario, analysis.deal_exists)
        self.post_message(self.Done(Findings(analysis, closest, tuple(named), found)))

    def on_analysis_screen_failed(self, message: Failed) -> None:
        self.query_one("#working").display = False
        self.query_one("#headline", Static).update(Content(
            f"The analysis cannot run on this scenario: {message.reason}. The game itself plays on."))

    def on_analysis_screen_done(self, message: Done) -> None:
        self.findings = message.findings
        self.query_one("#working").display = False
        self.show_findings()

    def show_findings(self) -> None:
        findings = self.findings
        analysis = findings.analysis
        self.query_one("#headline", Static).update(self._headline(analysis))
        self.query_one("#closest", Static).update(self._closest(findings.closest))
        points = self.query_one("#points", Static)
        points.update(self._points(analysis))
        points.display = analysis.nash is not None
        rows = [(self._relaxation_label(r), r.zopa_size_if_relaxed, r.deal_if_relaxed) for r in analysis.blocking[:TOP_BLOCKERS]]
        chart = self.query_one(BlockingChart)
        if rows and any(size for _, size, _ in rows):
            chart.show(rows)
            chart.display = True
        else:
            chart.display = False
        self.show_solidity(findings.solidity)
        self.show_plot()

    def show_solidity(self, found: Solidity | None) -> None:
        words = trades_summary(self.scenario, found.trades) if found else []
        trades = self.query_one("#trades", Static)
        trades.update(Content.assemble(*(part for k, line in enumerate(words) for part in (
            ("\n• " if k else "", ""), (line, "bold" if k == 0 else "")))))
        trades.display = bool(words)
        for chart_id, rows in (("#asks", asks_rows(self.scenario, found.trades) if found else []),
                               ("#solidity", robustness_rows(found.robust) if found else [])):
            chart = self.query_one(chart_id, BlockingChart)
            chart.display = bool(rows)
            if rows:
                chart.show(rows)

    def _headline(self, analysis: Analysis) -> Content:
        estimate = "" if analysis.exact else " (estimated)"
        if analysis.deal_exists:
            return Content.assemble(
                ("A deal exists. ", "bold $success"),
                f"{analysis.zopa_size:,}{estimate} of the {analysis.space_size:,} possible proposals are accepted by every "
                f"principal; {analysis.frontier_size} of them are Pareto-optimal.",
            )
        parts: list = [("No deal exists under these red lines. ", "bold $error"),
                       f"None of the {analysis.space_size:,} possible proposals is accepted by every principal."]
        for obstacle in analysis.obstacles:
            parts += ["\n• ", obstacle.message]
        if not any(r.zopa_size_if_relaxed for r in analysis.blocking):
            parts.append("\nNo single red line dropped, nor one walk-away level lowered a step, would open a deal: "
                         "more than one thing has to move.")
        return Content.assemble(*parts)

    def _closest(self, closest: Suggestion | None) -> Content:
        if closest is None:
            return Content.assemble(("Closest acceptable proposal: ", "bold"), "none: no proposal near or far is accepted by every principal.")
        if not closest.changes:
            return Content.assemble(("Your draft is already acceptable to every principal.", "bold $success"))
        lines: list = [(f"Closest acceptable proposal: {closest.distance} change{'s' if closest.distance != 1 else ''} to your draft", "bold")]
        for change in closest.changes:
            issue = self.scenario.issue(change.issue)
            before = option_label(self.scenario, change.issue, change.before)
            after = option_label(self.scenario, change.issue, change.after)
            lines += ["\n  ", (issue.title, "bold"), ": ", (before, "strike $foreground 60%"), " → ", (after, "$accent")]
        lines.append(("\n  u adopts it" if self.adopt else "\n  (adopting it is not open from here)", "$foreground 60%"))
        return Content.assemble(*lines)

    def _points(self, analysis: Analysis) -> Content:
        parts: list = []
        for name, point in (("Nash point (the most gain for all, multiplied)", analysis.nash),
                            ("Egalitarian point (the best for the worst off)", analysis.egalitarian)):
            if point is None:
                continue
            utilities = ", ".join(f"{self.scenario.party(p).name} {u:.0f}" for p, u in point.utilities.items())
            parts += [(name, "bold"), f": {utilities}\n"]
        return Content.assemble(*parts)

    def _relaxation_label(self, relaxation) -> str:
        party = self.scenario.party(relaxation.party)
        if relaxation.red_line is None:
            return f"{party.name}: {relaxation.relaxed}"
        statement = party.red_line(relaxation.red_line).statement
        return f"{party.name}: drop “{statement}”"

    def show_plot(self) -> None:
        if self.findings is None:
            return
        x, y = self.axes
        analysis = self.findings.analysis
        # The frontier can be long and its points are made as they are read: a plot needs a few thousand at most.
        points = [(p.utilities[x], p.utilities[y]) for p in islice(analysis.frontier, MAX_PLOTTED)]
        marks = []
        for letter, label, proposal in self.findings.named:
            result = assess(self.scenario, proposal)
            marks.append(plot.Mark(letter, result.party(x).utility, result.party(y).utility, label))
        lines = (self.scenario.party(x).walk_away, self.scenario.party(y).walk_away)
        self.query_one(FrontierPlot).show(points, marks, lines, (self.scenario.party(x).name, self.scenario.party(y).name))

    def action_axis(self, which: int) -> None:
        ids = list(self.scenario.party_ids)
        self.axes[which] = ids[(ids.index(self.axes[which]) + 1) % len(ids)]
        self.show_plot()

    def action_adopt(self) -> None:
        if self.adopt is None or self.findings is None or self.findings.closest is None:
            self.notify("Nothing to adopt here.", severity="warning")
            return
        self.adopt(self.findings.closest.proposal)
        self.app.pop_screen()

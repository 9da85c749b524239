"""Two proposals side by side: which terms differ, and how each party answers each one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.content import Content

from sim.engine import assess
from sim.model import Proposal, Scenario
from sim.ui.screens.proposal_picker import ProposalPicker
from sim.ui.widgets.proposal_column import ProposalColumn


class CompareScreen(Screen[Proposal | None]):
    """Left and right proposals; dismisses with the one the player adopts as the draft, or None."""

    BINDINGS = [
        Binding("a", "choose('left')", "Left…", id="compare.left", tooltip="Choose the proposal on the left"),
        Binding("b", "choose('right')", "Right…", id="compare.right", tooltip="Choose the proposal on the right"),
        Binding("x", "swap", "Swap", id="compare.swap"),
        Binding("u", "adopt", "Use right as draft", id="compare.adopt"),
        Binding("escape", "dismiss(None)", "Back", id="compare.back"),
    ]

    def __init__(self, scenario: Scenario, left: Proposal, right: Proposal, choices: list[tuple[str, Proposal]]) -> None:
        super().__init__()
        self.scenario = scenario
        self.left = left
        self.right = right
        self.choices = choices

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Compare · {self.scenario.title}"), id="topbar")
        with VerticalScroll(id="compare-scroll"):
            with Horizontal(id="compare"):
                yield ProposalColumn(self.scenario, id="left", classes="column")
                yield ProposalColumn(self.scenario, id="right", classes="column")
        yield Footer()

    def on_mount(self) -> None:
        self.show_both()

    def show_both(self) -> None:
        self.query_one("#left", ProposalColumn).show(self.left, assess(self.scenario, self.left), self.right)
        self.query_one("#right", ProposalColumn).show(self.right, assess(self.scenario, self.right), self.left)

    def action_choose(self, side: str) -> None:
        def chosen(proposal: Proposal | None) -> None:
            if proposal is not None:
                setattr(self, side, proposal)
                self.show_both()

        self.app.push_screen(ProposalPicker(f"Show on the {side}", self.choices), chosen)

    def action_swap(self) -> None:
        self.left, self.right = self.right, self.left
        self.show_both()

    def action_adopt(self) -> None:
        self.dismiss(self.right)

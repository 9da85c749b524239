"""The sandbox, for analysts and teachers: no clock, nobody answering back; edit a proposal freely,
load the scenario's presets, compare two proposals, and watch every party's verdict live."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static
from textual.content import Content

from sim import catalog
from sim.model import Proposal
from sim.ui.messages import OpenAnalysis
from sim.ui.screens.draft_screen import DraftScreen
from sim.ui.screens.proposal_picker import ProposalPicker


class SandboxScreen(DraftScreen):
    """Free editing of one draft against the scenario's red lines."""

    BINDINGS = [
        Binding("p", "presets", "Presets", id="sandbox.presets", tooltip="Load one of the scenario's preset proposals"),
        Binding("c", "compare", "Compare", id="sandbox.compare", tooltip="Compare the draft with another proposal"),
        Binding("n", "new_draft", "Clear", id="sandbox.clear", tooltip="Start again from an empty draft"),
        Binding("a", "analysis", "Analysis", id="sandbox.analysis", tooltip="Is there a deal? What blocks it?"),
        Binding("escape", "app.pop_screen", "Back", id="sandbox.back"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Sandbox · {self.scenario.title}"), id="topbar")
        yield from self.compose_desk()
        yield Footer()

    def __init__(self, scenario, draft: Proposal | None = None, **kwargs) -> None:
        from sim.loading.drafts import kept_sandbox_draft

        kept, self.kept_problem = kept_sandbox_draft(catalog.data_dir(), scenario) if draft is None else (None, None)
        super().__init__(scenario, draft if draft is not None else kept, **kwargs)

    def on_mount(self) -> None:
        self.query_one("#draft").focus()
        if self.kept_problem:
            self.notify(self.kept_problem, severity="warning", timeout=8)

    def set_draft(self, draft: Proposal, editing: bool = False) -> None:
        """Show the draft and keep it, so the sandbox opens on it next time."""
        from sim.loading.drafts import keep_sandbox_draft

        super().set_draft(draft, editing)
        problem = keep_sandbox_draft(catalog.data_dir(), self.scenario, draft)
        if problem and problem != self.kept_problem:
            self.kept_problem = problem
            self.notify(problem, severity="error", timeout=8)

    def choices(self) -> list[tuple[str, Proposal]]:
        """The proposals one can load or compare with: the presets, the current draft, an empty one."""
        presets = [(p.title or Path(p.path).stem, p) for p in catalog.presets(self.scenario)]
        return [*presets, (f"Current draft: {self.draft.title}", self.draft), ("Empty draft", self.empty())]

    def empty(self) -> Proposal:
        return Proposal(self.scenario.id, title="Untitled draft")

    def action_presets(self) -> None:
        self.app.push_screen(ProposalPicker("Load a proposal", self.choices()), self._load)

    def _load(self, proposal: Proposal | None) -> None:
        if proposal is not None:
            self.set_draft(proposal)

    def action_analysis(self) -> None:
        self.post_message(OpenAnalysis(self.scenario, self.draft, adopt=self.adopt_proposal))

    def adopt_proposal(self, proposal: Proposal) -> None:
        self.set_draft(proposal)

    def action_new_draft(self) -> None:
        self.set_draft(self.empty())

    def action_compare(self) -> None:
        from sim.ui.screens.compare import CompareScreen

        others = [c for c in self.choices() if c[1] is not self.draft]
        other = others[0][1] if others else self.empty()
        self.app.push_screen(CompareScreen(self.scenario, self.draft, other, self.choices()), self._load)

    def palette_commands(self) -> list[tuple[str, str, object]]:
        return [
            ("Sandbox: load a preset", "Replace the draft with one of the scenario's proposals", self.action_presets),
            ("Sandbox: compare proposals", "Two proposals side by side, with every party's verdict", self.action_compare),
            ("Sandbox: clear the draft", "Start again from an empty draft", self.action_new_draft),
            ("Sandbox: save the draft as TOML", "Write it where `redlines evaluate` can read it", self.action_export),
        ]

    def action_export(self) -> None:
        from sim.loading.drafts import ExportError, export_proposal

        try:
            path = export_proposal(self.draft, catalog.data_dir() / "proposals")
        except ExportError as error:
            self.notify(str(error), title="Draft not saved", severity="error", timeout=10)
            return
        self.notify(f"Saved to {path}", title="Draft saved")

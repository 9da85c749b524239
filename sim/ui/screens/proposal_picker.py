"""Choose a proposal: a preset of the scenario, the current draft, or an empty one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sim.model import Proposal


class ProposalPicker(ModalScreen[Proposal | None]):
    """A list of named proposals; enter picks one, escape picks none."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="proposals.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, Proposal]]) -> None:
        super().__init__()
        self.heading = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="proposals", classes="dialog"):
            yield Label(Content.styled(self.heading, "bold"))
            yield OptionList(*[self._option(i, name, p) for i, (name, p) in enumerate(self.choices)])

    @staticmethod
    def _option(index: int, name: str, proposal: Proposal) -> Option:
        detail = " ".join(proposal.description.split()) if proposal.description else f"{len(proposal.terms)} terms set"
        return Option(Content.assemble((name, "bold"), "\n", (detail, "$foreground 60%")), id=str(index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[int(event.option.id)][1])

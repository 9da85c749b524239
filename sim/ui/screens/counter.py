"""A party's counter-proposal as a diff against the draft, adopted term by term."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList
from textual.widgets.selection_list import Selection

from sim.ui.game_text import TermChange


class CounterScreen(ModalScreen[list[str] | None]):
    """Space ticks a change, enter (or the button) adopts the ticked ones; dismisses with their issues."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="counter.cancel"),
        Binding("a", "all", "Tick all", id="counter.all"),
        Binding("enter", "adopt", "Adopt ticked", id="counter.adopt", priority=True),
    ]

    def __init__(self, party_name: str, changes: list[TermChange], locked: frozenset[str]) -> None:
        super().__init__()
        self.party_name = party_name
        self.changes = changes
        self.locked = locked

    def compose(self) -> ComposeResult:
        with Vertical(id="counter", classes="dialog"):
            yield Label(Content.assemble((f"{self.party_name}'s counter-proposal", "bold"),
                                         f": {len(self.changes)} change{'s' if len(self.changes) != 1 else ''} to your draft"))
            yield SelectionList[str](*[self._selection(change) for change in self.changes], id="changes")
            with Horizontal(id="counter-buttons"):
                yield Button("Adopt ticked", id="adopt", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _selection(self, change: TermChange) -> Selection:
        prompt = Content.assemble(
            (change.title, "bold"), "\n", (change.before, "strike $foreground 60%"), " → ", (change.after, "$accent")
        )
        return Selection(prompt, change.issue, False, disabled=change.issue in self.locked)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_all(self) -> None:
        self.query_one(SelectionList).select_all()

    def action_adopt(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "adopt":
            self.action_adopt()
        else:
            self.dismiss(None)

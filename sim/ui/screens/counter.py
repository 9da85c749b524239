"""A party's counter-proposal as a diff against the draft, adopted term by term."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList
from textual.widgets.option_list import Option

from sim.model.plain import possessive, sentence
from sim.present.play import TermChange


class CounterScreen(ModalScreen[list[str] | None]):
    """Space (or a click) ticks a change; enter or the button adopts the ticked ones.

    Dismisses with the issues to adopt, or None.
    """

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="counter.cancel"),
        Binding("space", "toggle", "Tick", id="counter.tick"),
        Binding("a", "all", "Tick all", id="counter.all"),
        Binding("enter", "adopt", "Adopt ticked", id="counter.adopt", priority=True),
    ]

    def __init__(self, party_name: str, changes: list[TermChange], locked: frozenset[str]) -> None:
        super().__init__()
        self.party_name = party_name
        self.changes = changes
        self.locked = locked
        self.ticked: set[str] = set()

    def compose(self) -> ComposeResult:
        with Vertical(id="counter", classes="dialog"):
            count = len(self.changes)
            yield Label(Content.assemble((f"{sentence(possessive(self.party_name))} counter-proposal", "bold"),
                                         f": {count} change{'s' if count != 1 else ''} to your draft. Space ticks, enter adopts."))
            yield OptionList(*[self._option(change) for change in self.changes], id="changes")
            with Horizontal(id="counter-buttons"):
                yield Button("Adopt ticked", id="adopt", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _option(self, change: TermChange) -> Option:
        box = "[✓] " if change.issue in self.ticked else "[ ] "
        prompt = Content.assemble(
            (box, "bold $accent"), (change.title, "bold"), "\n    ",
            (change.before, "strike $foreground 60%"), " → ", (change.after, "$accent"),
        )
        return Option(prompt, id=change.issue, disabled=change.issue in self.locked)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def _redraw(self) -> None:
        options = self.query_one(OptionList)
        for index, change in enumerate(self.changes):
            options.replace_option_prompt_at_index(index, self._option(change).prompt)

    def action_toggle(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        issue = self.changes[options.highlighted].issue
        if issue not in self.locked:
            self.ticked ^= {issue}
            self._redraw()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click ticks too
        self.action_toggle()

    def action_all(self) -> None:
        self.ticked = {c.issue for c in self.changes if c.issue not in self.locked}
        self._redraw()

    def action_adopt(self) -> None:
        self.dismiss([c.issue for c in self.changes if c.issue in self.ticked])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "adopt":
            self.action_adopt()
        else:
            self.dismiss(None)

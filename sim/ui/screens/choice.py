"""A short menu over the table: where to travel, whom to consult, which lever to pull, which preset."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from sim.present.play import Choice


class ChoiceScreen(ModalScreen[str | None]):
    """Dismisses with the chosen value, or None on escape."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="choice.cancel")]

    def __init__(self, title: str, choices: list[Choice], note: str = "") -> None:
        super().__init__()
        self.heading = title
        self.choices = choices
        self.note = note  # a line under the title that holds for every choice

    def compose(self) -> ComposeResult:
        with Vertical(id="choice", classes="dialog"):
            yield Label(Content.styled(self.heading, "bold"))
            if self.note:
                yield Static(Content(self.note), classes="dim", id="choice-note")
            yield OptionList(*[self._option(c) for c in self.choices], id="choice-options")

    @staticmethod
    def _option(choice: Choice) -> Option:
        prompt = Content.assemble((choice.label, "bold"))
        if choice.detail:
            prompt = Content.assemble(prompt, "\n", (choice.detail, "$foreground 60%"))
        return Option(prompt, id=choice.value, disabled=choice.disabled)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        first = next((i for i, c in enumerate(self.choices) if not c.disabled), None)
        options.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

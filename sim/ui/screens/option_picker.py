"""Every option of one issue, with what each would do to the parties' verdicts, to choose from."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from sim.engine import Verdict
from sim.model import Proposal, Scenario
from sim.model.plain import reflowed
from sim.present import cards
from sim.present.play import short_name
from sim.record import frozen

OPEN_ID = "__open__"  # the option-list id standing for "leave the issue open"


@frozen
class Picked:
    """The picker's answer: the option chosen (None: leave open)."""

    option_id: str | None


class OptionPicker(ModalScreen[Picked | None]):
    """Choose an option for ``issue_id``; each line says who would accept the draft with it."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="picker.cancel")]

    def __init__(
        self, scenario: Scenario, draft: Proposal, issue_id: str, judge: Callable[[Proposal], list[Verdict | None]]
    ) -> None:
        super().__init__()
        self.scenario = scenario
        self.draft = draft
        self.issue = scenario.issue(issue_id)
        self.judge = judge  # each party's verdict on a draft, as far as the player may know it

    def compose(self) -> ComposeResult:
        with Vertical(id="picker", classes="dialog"):
            yield Label(Content.from_markup("[b]$title[/b]", title=self.issue.title), id="picker-title")
            if self.issue.description:
                yield Static(Content(reflowed(self.scenario, self.issue.description)), classes="dim")  # Static: it wraps
            yield Static(self._legend(), id="picker-legend")
            yield OptionList(*self._options(), id="picker-options")

    def _legend(self) -> Content:
        """What the marks before each option mean: one per party, in this order, and each mark."""
        names = ", ".join(short_name(party.name) for party in self.scenario.parties)
        marks = [(cards.VERDICT_MARK[v], cards.VERDICT_WORD[v], cards.VERDICT_STYLE[v]) for v in Verdict]
        marks.append((cards.UNKNOWN_MARK, cards.UNKNOWN_WORD, cards.UNKNOWN_STYLE))
        parts: list = [("Marks, one per party: ", "$foreground 60%"), (names, "bold"), "\n"]
        for mark, word, style in marks:
            parts += [(mark, f"bold ${style}"), (f" {word}   ", "$foreground 60%")]
        return Content.assemble(*parts)

    def _options(self) -> list[Option]:
        options = []
        current = self.draft.option(self.issue.id)
        for option_id, label in cards.option_choices(self.scenario, self.issue.id):
            verdicts = self.judge(self.draft.with_term(self.issue.id, option_id))
            marks = Content.assemble(
                *[
                    (cards.VERDICT_MARK.get(v, cards.UNKNOWN_MARK), f"bold ${cards.verdict_style(v)}")
                    for v in verdicts
                ]
            )
            chosen = "● " if option_id == current else "  "
            description = self.issue.option(option_id).description if option_id else ""
            if option_id and self.issue.option(option_id).mediator:
                # No party or plan proposed it: the parties' values for it are the author's guess.
                description = (description + " " if description else "") + "(the mediator's idea: no party has said)"
            prompt = Content.assemble(chosen, marks, "  ", (label, "bold"))
            if description:
                prompt = Content.assemble(prompt, "\n", " " * (4 + len(verdicts)), (description, "$foreground 60%"))
            options.append(Option(prompt, id=option_id or OPEN_ID))
        return options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        current = self.draft.option(self.issue.id) or OPEN_ID
        options.highlighted = options.get_option_index(current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id
        self.dismiss(Picked(None if chosen == OPEN_ID else chosen))

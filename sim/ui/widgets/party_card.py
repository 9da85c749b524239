"""One party's answer to the draft: its verdict, its utility against its walk-away level, and the red
lines the draft crosses. The screen owns the assessment; the card only draws it and asks for details."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from sim.engine import PartyAssessment
from sim.ui import present

METER_STYLE = {"empty": "$foreground 30%", "mark": "bold $foreground"}


class PartyCard(Widget, can_focus=True):
    """A card per party; enter or a click asks the screen to explain the verdict with its sources."""

    BINDINGS = [
        Binding("enter", "explain", "Why?", id="card.explain", tooltip="The red lines crossed, with their sources"),
    ]

    class Explain(Message):
        """The player wants the reasons and sources behind a party's verdict."""

        def __init__(self, party_id: str) -> None:
            self.party_id = party_id
            super().__init__()

    def __init__(self, result: PartyAssessment, status: str = "", **kwargs) -> None:
        super().__init__(id=f"card-{result.party.id}", **kwargs)
        self.result = result
        self.status = status  # the game's standing with this party (trust, patience); empty in the sandbox
        self.border_title = result.party.name
        self._set_subtitle()

    def show(self, result: PartyAssessment, status: str | None = None) -> None:
        """Redraw for a new assessment (and standing); cheap, so the screen calls it on every change."""
        self.result = result
        if status is not None:
            self.status = status
        self._set_subtitle()
        self.set_class(result.verdict.value == "reject", "-reject")
        self.set_class(result.verdict.value == "accept", "-accept")
        self.refresh(layout=True)

    def _set_subtitle(self) -> None:
        role = "principal" if self.result.party.principal else "stakeholder"
        self.border_subtitle = f"{role} · {self.status}" if self.status else role

    def render(self) -> Content:
        result = self.result
        width = max(10, self.content_size.width)
        style = f"bold ${present.VERDICT_STYLE[result.verdict]}"
        verdict = present.verdict_label(result.verdict)
        numbers = present.utility_line(result)
        gap = max(1, width - len(verdict) - len(numbers))
        parts: list = [(verdict, style), " " * gap, (numbers, "$foreground 80%"), "\n"]
        fill_style = f"${present.VERDICT_STYLE[result.verdict]}"
        for cell in present.meter(result.utility, result.walk_away, width):
            parts.append((cell.text, METER_STYLE.get(cell.kind, fill_style)))
        for violation in result.violations:
            parts += ["\n", (f"✗ {violation.statement}", "$error")]
        for violation in result.penalties:
            parts += ["\n", (f"! {violation.statement} (−{violation.penalty:g})", "$warning")]
        return Content.assemble(*parts)

    def action_explain(self) -> None:
        self.post_message(self.Explain(self.result.party.id))

    def on_click(self) -> None:
        self.action_explain()

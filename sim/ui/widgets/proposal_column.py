"""One side of a comparison: a proposal's terms (those that differ from the other side stand out)
and every party's verdict on it."""

from __future__ import annotations

import textwrap

from textual.content import Content
from textual.widget import Widget

from sim.engine import Assessment
from sim.model import Proposal, Scenario
from sim.present import cards


class ProposalColumn(Widget):
    """A read-only column; the compare screen gives it the proposal, its assessment and the other side."""

    def __init__(self, scenario: Scenario, **kwargs) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.proposal: Proposal | None = None
        self.assessment: Assessment | None = None
        self.other: Proposal | None = None

    def show(self, proposal: Proposal, assessment: Assessment, other: Proposal) -> None:
        self.proposal, self.assessment, self.other = proposal, assessment, other
        self.border_title = Content(proposal.title or "Untitled")
        self.border_subtitle = "deal" if assessment.deal else "no deal"
        self.refresh(layout=True)

    def render(self) -> Content:
        if self.proposal is None or self.assessment is None or self.other is None:
            return Content("")
        parts: list = []
        width = max(8, self.content_size.width - 2)  # the label's indent
        for issue in self.scenario.issues:
            differs = self.proposal.option(issue.id) != self.other.option(issue.id)
            label = cards.term_label(self.scenario, self.proposal, issue.id)
            other = cards.term_label(self.scenario, self.other, issue.id)
            # Both columns have the same width: pad to the taller label so the rows stay side by side.
            mine, theirs = textwrap.wrap(label, width) or [""], textwrap.wrap(other, width) or [""]
            lines = mine + [""] * (len(theirs) - len(mine))
            parts += [(issue.title, "$foreground 60%")]
            for line in lines:
                parts += ["\n  ", (line, "bold $accent reverse" if differs and line else "")]
            parts.append("\n")
        parts.append(("\nVerdicts", "bold"))
        for result in self.assessment.parties:
            style = f"${cards.verdict_style(result.verdict)}"
            parts += ["\n", (f"{cards.VERDICT_MARK[result.verdict]} {result.party.name}", style)]
            parts.append((f"  {cards.utility_line(result)}", "$foreground 70%"))
        return Content.assemble(*parts)

"""How the engine's answers are put into words and shapes on screen, free of Textual so it is easy to test.

Widgets turn these plain strings and style names into styled text; nothing here draws.
"""

from __future__ import annotations

from attrs import frozen

from sim.engine import Assessment, PartyAssessment, Verdict, Violation
from sim.engine.report import describe_triggers, option_label
from sim.model import Proposal, Scenario
from sim.model.scenario import Citation

# Never colour alone: each verdict has a mark and a word too (colour-blind players, projectors).
VERDICT_MARK = {Verdict.ACCEPT: "✓", Verdict.BASIS: "~", Verdict.REJECT: "✗"}
VERDICT_WORD = {Verdict.ACCEPT: "accepts", Verdict.BASIS: "open to talks", Verdict.REJECT: "rejects"}
# Theme variables (``$success`` …) so both themes colour verdicts their own way.
VERDICT_STYLE = {Verdict.ACCEPT: "success", Verdict.BASIS: "warning", Verdict.REJECT: "error"}

FILLED, EMPTY, MARKER = "█", "░", "┃"


@frozen
class MeterCell:
    """A run of the utility meter: its characters and what they stand for (fill, empty, walk-away)."""

    text: str
    kind: str  # "fill", "empty" or "mark"


def meter(utility: float, walk_away: float, width: int) -> tuple[MeterCell, ...]:
    """A bar of ``width`` cells filled up to ``utility`` (0–100) with a marker at the walk-away level."""
    width = max(width, 3)
    mark = min(width - 1, round(walk_away / 100 * (width - 1)))
    filled = min(width, round(utility / 100 * width))
    cells = []
    for position in range(width):
        if position == mark:
            cells.append(MeterCell(MARKER, "mark"))
        else:
            cells.append(MeterCell(FILLED if position < filled else EMPTY, "fill" if position < filled else "empty"))
    return _merge(cells)


def _merge(cells: list[MeterCell]) -> tuple[MeterCell, ...]:
    merged: list[MeterCell] = []
    for cell in cells:
        if merged and merged[-1].kind == cell.kind:
            merged[-1] = MeterCell(merged[-1].text + cell.text, cell.kind)
        else:
            merged.append(cell)
    return tuple(merged)


def verdict_label(verdict: Verdict) -> str:
    return f"{VERDICT_MARK[verdict]} {VERDICT_WORD[verdict]}"


def utility_line(result: PartyAssessment) -> str:
    """``58.0 · needs 45`` (how much the draft gives the party, and what it needs)."""
    return f"{result.utility:.0f} · needs {result.walk_away:.0f}"


def deal_line(scenario: Scenario, assessment: Assessment) -> str:
    if assessment.deal:
        return "Deal: every principal accepts this draft."
    names = ", ".join(scenario.party(party_id).name for party_id in assessment.blockers)
    return f"No deal yet: {names} {'does' if len(assessment.blockers) == 1 else 'do'} not accept."


def crossed_issues(assessment: Assessment) -> dict[str, tuple[str, ...]]:
    """For each issue, the parties whose red lines the draft crosses through it (hard ones only)."""
    crossed: dict[str, list[str]] = {}
    for result in assessment.parties:
        for violation in result.violations:
            for issue_id, _ in violation.triggers:
                names = crossed.setdefault(issue_id, [])
                if result.party.name not in names:
                    names.append(result.party.name)
    return {issue: tuple(names) for issue, names in crossed.items()}


def term_label(scenario: Scenario, proposal: Proposal, issue_id: str) -> str:
    return option_label(scenario, issue_id, proposal.option(issue_id))


def because(scenario: Scenario, violation: Violation) -> str:
    return describe_triggers(scenario, violation)


def source_heading(scenario: Scenario, citation: Citation) -> str:
    """``Title — Outlet, 2025-11-20``: enough to find the document."""
    source = scenario.source(citation.source)
    outlet = f" — {source.outlet}" if source.outlet else ""
    return f"{source.title}{outlet}, {source.date.isoformat()}"


def option_choices(scenario: Scenario, issue_id: str) -> tuple[tuple[str | None, str], ...]:
    """Every choice an issue offers, in the scenario's order, then leaving it open."""
    issue = scenario.issue(issue_id)
    return tuple((option.id, option.label) for option in issue.options) + ((None, "open (not settled)"),)


def cycle_option(scenario: Scenario, issue_id: str, current: str | None, step: int) -> str | None:
    """The choice ``step`` places after ``current``, wrapping around through "open"."""
    choices = [choice for choice, _ in option_choices(scenario, issue_id)]
    return choices[(choices.index(current) + step) % len(choices)]

"""How the engine's answers are put into words and shapes on screen, free of Textual so it is easy to test.

Widgets turn these plain strings and style names into styled text; nothing here draws.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from attrs import evolve

from sim.engine import Assessment, PartyAssessment, Verdict
from sim.model import Proposal, Scenario
from sim.model.plain import option_label, party_names, source_name
from sim.model.scenario import Citation, Party
from sim.record import frozen

UNKNOWN_MARK, UNKNOWN_WORD, UNKNOWN_STYLE = "?", "not known yet", "foreground 60%"

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
    """A bar of ``width`` cells filled up to ``utility`` (0–100) with a marker at the walk-away level,
    as runs of cells of one kind (built run by run: every card draws one at every change of the draft)."""
    width = max(width, 3)
    mark = min(width - 1, round(walk_away / 100 * (width - 1)))
    filled = min(width, round(utility / 100 * width))

    def kind(position: int) -> str:
        return "mark" if position == mark else "fill" if position < filled else "empty"

    # The kind only changes at these positions: one run per stretch between two of them.
    edges = sorted({0, width, *(min(max(edge, 0), width) for edge in (mark, mark + 1, filled))})
    runs: list[MeterCell] = []
    for begin, stop in zip(edges, edges[1:]):
        text = {"mark": MARKER, "fill": FILLED, "empty": EMPTY}[kind(begin)] * (stop - begin)
        if runs and runs[-1].kind == kind(begin):
            runs[-1] = MeterCell(runs[-1].text + text, kind(begin))
        else:
            runs.append(MeterCell(text, kind(begin)))
    return tuple(runs)


@frozen
class Crossed:
    """A red line the draft crosses, as a card lists it."""

    statement: str
    hard: bool
    penalty: float = 0.0


@frozen
class CardData:
    """What a party's card shows: all of it in the sandbox, what the difficulty allows in a game."""

    party_id: str
    name: str
    principal: bool
    verdict: Verdict | None  # None: the player cannot know yet
    utility: float | None
    walk_away: float | None
    crossed: tuple[Crossed, ...]
    status: str = ""  # the mediator's standing with the party (trust, patience), or that it walked out
    note: str = ""  # a line under the reasons: a counter-proposal waiting, what it said last


def party_card(party: Party, verdict: Verdict | None, utility: float | None, walk_away: float | None,
               crossed: tuple[Crossed, ...], status: str = "", note: str = "") -> CardData:
    """The one place a card reads the party itself, for the sandbox and the game alike: what anyone
    may know of it (a new public field of ``Party`` is shown by adding it here and to ``CardData``).
    What depends on the player's knowledge comes in as arguments (see ``sim.game.view``)."""
    return CardData(party.id, party.name, party.principal, verdict, utility, walk_away, crossed, status, note)


def card_from_assessment(result: PartyAssessment) -> CardData:
    crossed = tuple(Crossed(v.statement, True) for v in result.violations) + tuple(
        Crossed(v.statement, False, v.penalty) for v in result.penalties
    )
    return party_card(result.party, result.verdict, result.utility, result.walk_away, crossed)


def guessed_terms(scenario: Scenario, proposal: Proposal) -> tuple[str, ...]:
    """The labels of the draft's terms that are the mediator's options (``mediator = true``): no
    party or plan proposed them, so every party's value for them is the scenario's guess."""
    found = []
    for issue_id, option_id in proposal.terms.items():
        option = scenario.issue(issue_id).option(option_id)
        if option.mediator:
            found.append(option.label)
    return tuple(found)


def guess_note(scenario: Scenario, proposal: Proposal) -> str:
    """The card's line for the guessed terms; empty when the draft has none."""
    found = guessed_terms(scenario, proposal)
    return f"no party has said: its value for {'; '.join(found)} is a guess" if found else ""


def with_guesses(scenario: Scenario, proposal: Proposal, found: list[CardData]) -> list[CardData]:
    """Cards that show a value (a utility) say where that value rests on a guess, as the option
    picker does: a term of the mediator's own that no party has spoken to."""
    note = guess_note(scenario, proposal)
    if not note:
        return found
    return [card if card.utility is None else evolve(card, note=f"{card.note} · {note}" if card.note else note)
            for card in found]


def verdict_label(verdict: Verdict | None) -> str:
    if verdict is None:
        return f"{UNKNOWN_MARK} {UNKNOWN_WORD}"
    return f"{VERDICT_MARK[verdict]} {VERDICT_WORD[verdict]}"


def verdict_style(verdict: Verdict | None) -> str:
    """The theme variable (without ``$``) that colours a verdict."""
    return UNKNOWN_STYLE if verdict is None else VERDICT_STYLE[verdict]


def utility_line(result: PartyAssessment | CardData) -> str:
    """``58 · needs 45`` (how much the draft gives the party, and what it needs); ``?`` where unknown."""
    utility = "?" if result.utility is None else f"{result.utility:.0f}"
    walk_away = "?" if result.walk_away is None else f"{result.walk_away:.0f}"
    return f"{utility} · needs {walk_away}"


def deal_line(scenario: Scenario, assessment: Assessment) -> str:
    if assessment.deal:
        return "Deal: every principal accepts this draft."
    names = party_names(scenario, assessment.blockers, last=", ")
    return f"No deal yet: {names} {'does' if len(assessment.blockers) == 1 else 'do'} not accept."


def crossed_issues(crossings: Iterable[tuple[str, Iterable[str]]]) -> dict[str, tuple[str, ...]]:
    """For each issue, the parties whose hard red lines the draft crosses through it, from
    (party name, issues the crossed line reads) pairs: all of them in the sandbox, the known ones in a game."""
    crossed: dict[str, list[str]] = {}
    for name, issues in crossings:
        for issue_id in issues:
            names = crossed.setdefault(issue_id, [])
            if name not in names:
                names.append(name)
    return {issue: tuple(names) for issue, names in crossed.items()}


def assessment_crossings(assessment: Assessment) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(party name, issues) for each hard red line the assessed draft crosses."""
    for result in assessment.parties:
        for violation in result.violations:
            yield result.party.name, tuple(issue for issue, _ in violation.triggers)


def term_label(scenario: Scenario, proposal: Proposal, issue_id: str) -> str:
    return option_label(scenario, issue_id, proposal.option(issue_id))


def source_heading(scenario: Scenario, citation: Citation) -> str:
    """``Title — Outlet, 2025-11-20``: enough to find the document."""
    source = scenario.source(citation.source)
    return f"{source_name(source, ' — ')}, {source.date.isoformat()}"


def option_choices(scenario: Scenario, issue_id: str) -> tuple[tuple[str | None, str], ...]:
    """Every choice an issue offers, in the scenario's order, then leaving it open."""
    issue = scenario.issue(issue_id)
    return tuple((option.id, option.label) for option in issue.options) + ((None, "open (not settled)"),)


def cycle_option(scenario: Scenario, issue_id: str, current: str | None, step: int) -> str | None:
    """The choice ``step`` places after ``current``, wrapping around through "open"."""
    choices = [choice for choice, _ in option_choices(scenario, issue_id)]
    return choices[(choices.index(current) + step) % len(choices)]

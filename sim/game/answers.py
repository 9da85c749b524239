"""A party's answer to a tabled draft: its verdict, its reasons with their sources, and what it
would sign instead (its counter-proposal, from the analysis, never crossing its own hard red lines)."""

from __future__ import annotations

from attrs import evolve

from sim.engine import PartyAssessment, Verdict, Violation, assess
from sim.game.counter import CounterProposal, counter_proposal
from sim.game.effective import effective_scenario
from sim.game.feed import say
from sim.game.gap import party_distance
from sim.game.mood import adjust
from sim.game.state import Difficulty, FeedKind, GameState, Reaction
from sim.model import Scenario
from sim.model.plain import mid_sentence, terms_text
from sim.record import frozen

# How a party takes a draft. Patience is lost to drafts that cross its red lines (more for each, and
# more again when the mediator repeats a draft it has already turned down); trust is lost when the
# draft crosses a red line it has already told the mediator about.
REJECT_PATIENCE = -3.0
PER_VIOLATION_PATIENCE = -2.0
REPEAT_PATIENCE = -4.0
KNOWN_LINE_TRUST = -2.0
BASIS_PATIENCE, BASIS_TRUST = -1.0, 1.0
ACCEPT_PATIENCE, ACCEPT_TRUST = 3.0, 3.0
# Patience moves with what the mediator does with the draft: each issue a new draft comes closer to
# what the party could sign (than the last draft it heard) settles it; each issue further wears it.
MOVED_PATIENCE, MOVED_CAP = 2.0, 6.0


def mood_move(verdict: Verdict, violations: int, known: bool, repeated: bool) -> tuple[float, float]:
    """(trust, patience) moved by an answer of ``verdict`` to a draft crossing ``violations`` of the
    party's hard lines (``known``: one the mediator knew of; ``repeated``: tabled again after a no)."""
    if verdict is Verdict.REJECT:
        patience = REJECT_PATIENCE + PER_VIOLATION_PATIENCE * violations + (REPEAT_PATIENCE if repeated else 0)
        return (KNOWN_LINE_TRUST if known else 0.0), patience
    if verdict is Verdict.BASIS:
        return BASIS_TRUST, BASIS_PATIENCE + (REPEAT_PATIENCE if repeated else 0)
    return ACCEPT_TRUST, ACCEPT_PATIENCE


@frozen
class Answer:
    party: str
    verdict: Verdict
    assessment: PartyAssessment  # against the scenario as it stands today
    counter: CounterProposal | None  # None when it accepts, or sees nothing near the draft it could sign


def _known(state: GameState, party_id: str, red_line_id: str) -> bool:
    """Whether the mediator knew of the red line: below the hardest level, red lines are public."""
    return state.game.difficulty is not Difficulty.HARD or f"red_line:{red_line_id}" in state.party(party_id).revealed


def _clause(scenario: Scenario, violation: Violation) -> str:
    return f"{violation.statement.rstrip('.')} ({terms_text(scenario, violation.triggers)})"


def _describe(scenario: Scenario, answer: Answer) -> str:
    name = mid_sentence(scenario.party(answer.party).name)
    result = answer.assessment
    words = {Verdict.ACCEPT: "accepts the draft: it would sign it",
             Verdict.BASIS: "calls the draft a basis for talks, but not enough to sign",
             Verdict.REJECT: "rejects the draft"}
    parts = [f"{name} {words[answer.verdict]}."]
    for violation in result.violations:
        parts.append(f"It crosses a red line: {_clause(scenario, violation)}.")
    for violation in result.penalties:
        parts.append(f"It objects: {_clause(scenario, violation)}.")
    if answer.counter is not None:
        changes = terms_text(scenario, ((issue, answer.counter.proposal.option(issue)) for issue in answer.counter.changes))
        parts.append(f"It would sign with these changes: {changes}.")
    elif answer.verdict is not Verdict.ACCEPT:
        parts.append("It sees nothing close to this draft that it could sign.")
    return " ".join(parts)


def table(state: GameState, party_id: str) -> tuple[GameState, Answer]:
    scenario = effective_scenario(state)
    result = assess(scenario, state.draft).party(party_id)
    before = state.party(party_id)
    counter = None if result.verdict is Verdict.ACCEPT else counter_proposal(state, scenario, party_id, state.draft)
    answer = Answer(party_id, result.verdict, result, counter)

    repeated = before.heard is not None and before.heard.terms == state.draft.terms and before.verdict is not Verdict.ACCEPT
    known = any(_known(state, party_id, v.id) for v in result.violations)
    trust, patience = mood_move(result.verdict, len(result.violations), known, repeated)
    if before.heard is not None and not repeated:
        moved = (party_distance(scenario, before.heard, party_id, state.locked)
                 - party_distance(scenario, state.draft, party_id, state.locked))
        patience += max(-MOVED_CAP, min(MOVED_CAP, MOVED_PATIENCE * moved))
    learnt = tuple(f"red_line:{v.id}" for v in (*result.violations, *result.penalties))
    revealed = before.revealed + tuple(fact for fact in dict.fromkeys(learnt) if fact not in before.revealed)
    state = state.with_party(
        evolve(before, heard=state.draft, verdict=result.verdict, counter=counter.proposal if counter else None,
               last_met=state.day, revealed=revealed)
    )
    state = adjust(state, party_id, trust=trust, patience=patience)
    after = state.party(party_id)
    reaction = Reaction(round(after.trust - before.trust, 2), round(after.patience - before.patience, 2),
                        len(result.violations), known, repeated)
    state = state.with_party(evolve(after, reaction=reaction))
    cited = tuple(dict.fromkeys(c for v in (*result.violations, *result.penalties) for c in v.citations))
    state = say(state, FeedKind.ANSWER, _describe(scenario, answer), party=party_id, citations=cited)
    return state, answer

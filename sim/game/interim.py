"""Interim agreements: signing part of the draft (a prisoner exchange, the nuclear plant,
shipping) while the hard issues stay open.

Most red lines *require* something (a party that insists on territory fails any text that leaves
territory open), so "no red line forbids it" cannot mean "no red line is crossed". For each
principal, the signed terms (those of earlier interim agreements with the new ones) are an
acceptable interim agreement when:

1. they cross none of its hard red lines as far as they go: every hard red line either holds
   already or still depends on the issues left open (three-valued evaluation);
2. they can still be completed into a full agreement that meets all its hard red lines together
   (a satisfiability search over the open issues); and
3. it gains from the new terms: its value for them is at least its value for leaving them open,
   counting the penalty of any soft red line they settle against it.

Every principal must be at the table and find it acceptable. Signed terms are locked in the draft.

When the scenario declares kinds of agreement, the signed terms must first be a text of some kind
(`sim.engine.kinds`), and a party never signs one that crosses any of its hard lines for that kind,
judged on the text as it stands (an issue left open is open). Checks 1-3 then run on its lines for
the fullest kind, the agreement the interim one must still leave room for.
"""

from __future__ import annotations

from sim.engine.compiled import Leaf, compiled, holds_partially
from sim.engine.kinds import kind_of, kind_phrase
from sim.engine.satisfiable import Undecided, satisfying_choices
from sim.model import FrozenMap, Proposal, Scenario
from sim.model.resolve import resolve


def new_terms(draft_terms: FrozenMap[str, str], locked: FrozenMap[str, str]) -> FrozenMap[str, str]:
    return FrozenMap({k: v for k, v in draft_terms.items() if k not in locked})


def objection(scenario: Scenario, party_id: str, terms: FrozenMap[str, str], new: FrozenMap[str, str]) -> str:
    """Why ``party_id`` would not sign ``terms`` as an interim agreement; empty when it would."""
    if scenario.kinds and not scenario.kind:
        why = _kind_objection(scenario, party_id, terms)
        if why:
            return why
    scenario = resolve(scenario)
    space = compiled(scenario)
    position = {issue: i for i, issue in enumerate(space.issue_ids)}
    assigned = {position[issue]: scenario.issue(issue).position(option) for issue, option in terms.items()}
    party = space.parties[scenario.party_ids.index(party_id)]
    hard = [line for line in party.red_lines if line.hard]
    for line in hard:
        if holds_partially(line.rule, assigned) is False:
            return f"it crosses a red line: {line.red_line.statement.rstrip('.')}"
    pinned = [Leaf(issue, frozenset({choice})) for issue, choice in assigned.items()]
    try:  # steps only, no clock: a game must replay exactly
        if satisfying_choices([*(line.rule for line in hard), *pinned], space.sizes, seconds=None) is None:
            return "it would leave no way to meet all its red lines on the issues still open"
    except Undecided:
        return "it cannot tell whether it could still meet all its red lines on the issues still open"
    gain = 0
    for issue, option in new.items():
        i = position[issue]
        table = party.tables[i]
        gain += table[assigned[i]] - table[space.sizes[i] - 1]
    locked_only = {i: c for i, c in assigned.items() if space.issue_ids[i] not in new}
    for line in party.red_lines:
        if not line.hard and holds_partially(line.rule, assigned) is False and holds_partially(line.rule, locked_only) is not False:
            gain -= line.penalty
    if gain < 0:
        return "it would be worse off than leaving these issues open"
    return ""


def _kind_objection(scenario: Scenario, party_id: str, terms: FrozenMap[str, str]) -> str:
    fit = kind_of(scenario, Proposal(scenario.id, terms))
    if not fit.fits:
        return f"it is no {kind_phrase(fit.kind.title)}: {fit.problems[0]}"
    own = resolve(scenario, fit.kind.id)
    space = compiled(own)
    index = space.index(Proposal(own.id, terms))
    party = space.parties[own.party_ids.index(party_id)]
    for line in party.red_lines:
        if line.hard and not line.test(index):
            return f"it crosses a red line for {kind_phrase(fit.kind.title, True)}: {line.red_line.statement.rstrip('.')}"
    return ""


def objections(scenario: Scenario, principals: tuple[str, ...], terms: FrozenMap[str, str],
               new: FrozenMap[str, str]) -> dict[str, str]:
    """Each principal that would not sign, with its reason."""
    found = {p: objection(scenario, p, terms, new) for p in principals}
    return {p: why for p, why in found.items() if why}

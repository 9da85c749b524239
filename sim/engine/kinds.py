"""What kind of agreement a text is: the kind it states, or the fullest kind it fits, and why a
text that fits no kind (or not its stated kind) can never be a deal.

A kind says which issues a text of that kind must settle and which it leaves alone (see
scenarios/FORMAT.md). A text is judged by the red lines and walk-aways of its kind only
(`sim.model.resolve`), so a line about the end state does not count against a prisoner exchange.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from sim.model import Proposal, Scenario
from sim.model.scenario import AgreementKind, RedLine
from sim.record import frozen


@frozen
class KindFit:
    kind: AgreementKind  # the kind the text is judged as
    inferred: bool  # the text does not say its kind: the engine chose it
    problems: tuple[str, ...] = ()  # why the text is not of that kind; empty when it is

    @property
    def fits(self) -> bool:
        return not self.problems


def misfits(scenario: Scenario, kind: AgreementKind, terms: Mapping[str, str]) -> tuple[str, ...]:
    """Each required issue left open and each left-alone issue settled, in words."""
    found = [f"it leaves {scenario.issue(i).title} open, which {_a(kind)} must settle"
             for i in kind.settles if i not in terms]
    found += [f"it settles {scenario.issue(i).title}, which {_a(kind)} leaves alone"
              for i in kind.leaves if i in terms]
    return tuple(found)


def kind_phrase(title: str, article: bool = False) -> str:
    """A kind's title inside a sentence: ``A comprehensive agreement`` → ``comprehensive agreement``
    (or ``a comprehensive agreement`` with ``article``); an author's own article is never doubled."""
    words = title.split()
    if len(words) > 1 and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    phrase = " ".join(words)
    if phrase[1:2].islower():
        phrase = phrase[0].lower() + phrase[1:]
    if not article:
        return phrase
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def _a(kind: AgreementKind) -> str:
    return kind_phrase(kind.title, True)


def kind_of(scenario: Scenario, proposal: Proposal) -> KindFit:
    """The kind ``proposal`` is judged as. A scenario resolved for one kind judges every text as
    that kind; otherwise a stated kind is taken at its word, and an unstated one is the fullest
    kind the text fits, or, when it fits none, the fullest kind of all: every line a settlement
    counts then counts, so a draft still being written is never judged more leniently than the
    agreement it may become."""
    terms = proposal.terms
    if scenario.kind:
        kind = scenario.agreement_kind(scenario.kind)
        problems = misfits(scenario, kind, terms)
        if proposal.kind and proposal.kind != kind.id:
            problems = (f"it says it is {_a(scenario.agreement_kind(proposal.kind))}, "
                        f"not {_a(kind)}",) + problems if proposal.kind in scenario.kind_ids else problems
        return KindFit(kind, not proposal.kind, problems)
    if proposal.kind in scenario.kind_ids:
        kind = scenario.agreement_kind(proposal.kind)
        return KindFit(kind, False, misfits(scenario, kind, terms))
    for kind in reversed(scenario.agreement_kinds):
        if not misfits(scenario, kind, terms):
            return KindFit(kind, True)
    fullest = scenario.fullest_kind
    return KindFit(fullest, True, misfits(scenario, fullest, terms))


def kind_slots(scenario: Scenario, kind: AgreementKind) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(positions of the issues a kind settles, positions of those it leaves), for index tests."""
    ids = scenario.issue_ids
    return tuple(ids.index(i) for i in kind.settles), tuple(ids.index(i) for i in kind.leaves)


def index_fits(scenario: Scenario, kind: AgreementKind, index: Sequence[int]) -> bool:
    """``misfits`` on an index (the fast path): settled issues are never open, left ones always."""
    settles, leaves = kind_slots(scenario, kind)
    issues = scenario.issues
    return all(index[i] != len(issues[i].options) for i in settles) and all(
        index[i] == len(issues[i].options) for i in leaves)


def at_stake(line: RedLine, terms: Mapping[str, str], kind_id: str, crossed: bool) -> bool:
    """Whether a draft of kind ``kind_id`` puts a line to the test: it counts for that kind and the
    draft crosses it or settles an issue it reads. A line whose issues are all left open is "not at
    stake", never "respected"."""
    return crossed or (line.applies(kind_id) and any(issue in terms for issue in line.issues))

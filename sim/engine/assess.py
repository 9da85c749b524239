"""The verdict of every party on a proposal, and why.

``assess`` is pure: the same scenario and proposal always give an equal ``Assessment``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sim.engine.compiled import FULL, SCALE, CompiledScenario, compiled, net_utility
from sim.engine.fast import packed_sum
from sim.engine.kinds import KindFit, kind_of
from sim.engine.packed import MASK, PackedParty
from sim.model import Proposal, Scenario
from sim.model.resolve import resolve
from sim.model.scenario import Citation, Party, RedLine
from sim.record import frozen


class Verdict(StrEnum):
    ACCEPT = "accept"  # no hard red line crossed, utility at or above the walk-away level
    BASIS = "basis"  # no hard red line crossed, but not enough yet: open to talks
    REJECT = "reject"  # a hard red line crossed


@frozen
class Violation:
    """A red line the proposal crosses, and the terms that cross it."""

    red_line: RedLine
    # (issue id, option id) for each issue the rule reads; option None when the issue is open
    triggers: tuple[tuple[str, str | None], ...]
    penalty: float  # utility points lost (0 for a hard red line: it vetoes instead)

    @property
    def id(self) -> str:
        return self.red_line.id

    @property
    def statement(self) -> str:
        return self.red_line.statement

    @property
    def hard(self) -> bool:
        return self.red_line.hard

    @property
    def citations(self) -> tuple[Citation, ...]:
        return self.red_line.citations


@frozen
class PartyAssessment:
    party: Party
    utility: float  # 0–100, after soft penalties
    base_utility: float  # 0–100, before soft penalties
    walk_away: float
    verdict: Verdict
    violations: tuple[Violation, ...]  # hard red lines crossed
    penalties: tuple[Violation, ...]  # soft red lines crossed

    @property
    def id(self) -> str:
        return self.party.id

    @property
    def margin(self) -> float:
        """Utility above the walk-away level (negative when short of it)."""
        return self.utility - self.walk_away


@frozen
class Assessment:
    proposal: Proposal
    parties: tuple[PartyAssessment, ...]
    deal: bool  # every principal accepts, and the text is a text of its kind
    blockers: tuple[str, ...]  # ids of the principals that do not accept
    kind: KindFit | None = None  # the kind of agreement it was judged as
    as_of: dt.date | None = None  # the date whose positions judged it

    def party(self, party_id: str) -> PartyAssessment:
        for result in self.parties:
            if result.party.id == party_id:
                return result
        raise KeyError(party_id)


def verdict_of(utility: int, vetoed: bool, walk_away: int) -> Verdict:
    if vetoed:
        return Verdict.REJECT
    return Verdict.ACCEPT if utility >= walk_away else Verdict.BASIS


def _assess_party(
    scenario: CompiledScenario, party: Party, packed: PackedParty, shift: int, total: int, proposal: Proposal
) -> PartyAssessment:
    base = min(FULL, total >> shift & MASK)
    hard: list[Violation] = []
    soft: list[Violation] = []
    penalty = 0
    if total & packed.all_bits:  # build explanations only for the red lines actually crossed
        issue_ids, terms = scenario.issue_ids, proposal.terms
        for bit, line in packed.lines:
            if not total >> bit & 1:
                continue
            triggers = tuple((issue_ids[i], terms.get(issue_ids[i])) for i in line.scope)
            if line.hard:
                hard.append(Violation(line.red_line, triggers, 0.0))
            else:
                penalty += line.penalty
                soft.append(Violation(line.red_line, triggers, line.penalty / SCALE))
    utility = net_utility(base, penalty)
    return PartyAssessment(
        party=party,
        utility=utility / SCALE,
        base_utility=base / SCALE,
        walk_away=packed.walk_away / SCALE,
        verdict=verdict_of(utility, bool(hard), packed.walk_away),
        violations=tuple(hard),
        penalties=tuple(soft),
    )


def assess(scenario: Scenario, proposal: Proposal) -> Assessment:
    """Every party's verdict on ``proposal``, with the red lines it crosses and their sources.

    The positions are those of the scenario's date, and the red lines and walk-aways those of the
    proposal's kind (`sim.engine.kinds`); a text not of its kind is never a deal."""
    fit = kind_of(scenario, proposal)
    scenario = resolve(scenario, fit.kind.id)
    table = compiled(scenario)
    total = packed_sum(table.packed, table.index(proposal))
    results = tuple(
        _assess_party(table, party, packed, shift, total, proposal)
        for party, packed, (shift, *_) in zip(scenario.parties, table.packed.parties, table.packed.specs)
    )
    blockers = tuple(r.party.id for r in results if r.party.principal and r.verdict is not Verdict.ACCEPT)
    return Assessment(proposal=proposal, parties=results, deal=not blockers and fit.fits, blockers=blockers,
                      kind=fit, as_of=scenario.as_of)

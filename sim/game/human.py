"""What a person answered for a party, and how it counts (see sim.game.seats for the moves).

Kept apart from the moves so that the meetings, which decide who signs, can read it without
importing the game's step.
"""

from __future__ import annotations

import datetime as dt

from attrs import evolve

from sim.engine import Assessment, Verdict
from sim.game.state import GameState
from sim.model import FrozenMap
from sim.record import frozen


@frozen
class HumanAnswer:
    """A person's answer for a party to the draft tabled to it, beside the engine's reading."""

    party: str
    day: dt.date
    draft: FrozenMap[str, str]  # the terms answered
    verdict: Verdict
    engine_verdict: Verdict
    counter: FrozenMap[str, str] | None = None
    at: int = 0  # the number of mediator actions in the log when it was given

    @property
    def departed(self) -> bool:
        """True when the person answered otherwise than the engine would have."""
        return self.verdict is not self.engine_verdict


def awaiting(state: GameState, party_id: str) -> bool:
    """Whether the party has had a draft tabled to it since it last answered in person."""
    tabled = [i for i, entry in enumerate(state.log) if entry.line == f"table {party_id}"]
    if not tabled:
        return False
    answers = [a.at for a in state.human_answers if a.party == party_id]
    return not answers or answers[-1] <= tabled[-1]


def human_verdicts(state: GameState, result: Assessment) -> Assessment:
    """The assessment with each party's in-person answer to this very draft in place of the
    engine's verdict: what counts when a meeting decides who signs."""
    latest = {a.party: a for a in state.human_answers}
    changed = {p: a.verdict for p, a in latest.items() if a.draft == result.proposal.terms}
    if not changed:
        return result
    parties = tuple(evolve(r, verdict=changed.get(r.id, r.verdict)) for r in result.parties)
    blockers = tuple(r.id for r in parties if r.party.principal and r.verdict is not Verdict.ACCEPT)
    # A draft that was no deal with nobody blocking it fails for another reason (e.g. it fits no kind
    # of agreement): no answer in person makes it one.
    deal = not blockers and (result.deal or bool(result.blockers))
    return evolve(result, parties=parties, deal=deal, blockers=blockers)


def unanswered(state: GameState, seated: tuple[str, ...]) -> tuple[str, ...]:
    """The seated principals that have not answered the current draft in person: a meeting must
    wait for them (the engine does not sign for a person)."""
    latest = {a.party: a for a in state.human_answers}
    return tuple(p for p in state.game.principals
                 if p in seated and (p not in latest or latest[p].draft != state.draft.terms))

"""The engine in the mediator's seat, when no student took it: a plain, predictable shuttle.

It exists so that students in the parties' seats have talks to answer even at a table without a
mediator. One move at a time, by a fixed order of concerns: wait for a party answering in person;
take in a principal's counter-proposal to the current draft; table the draft to each principal that
has not heard it (travelling where it is); once every principal has answered it, sign it where they
all meet if they accept, coax back whoever walked out, and otherwise wait a day. It never reads a
party's priorities: only what the parties said at the table.
"""

from __future__ import annotations

from sim.engine import Verdict, assess
from sim.game.effective import effective_scenario
from sim.game.human import awaiting, human_verdicts
from sim.game.meetings import check_convene
from sim.game.state import GameState

ENGINE = "engine"


def _go_to(state: GameState, party_id: str) -> str | None:
    if party_id in state.setup.venue(state.venue).parties:
        return None
    return f"travel {state.setup.venues_for(party_id)[0].id}"


def next_move(state: GameState, in_person: tuple[str, ...]) -> str | None:
    """The stand-in mediator's next line, or None while it waits for a person's answer."""
    if state.over:
        return None
    if any(awaiting(state, p) for p in in_person):
        return None
    terms = state.draft.terms
    principals = state.game.principals
    for p in principals:
        party = state.party(p)
        if party.present and party.heard is not None and party.heard.terms == terms \
                and party.verdict is not Verdict.ACCEPT and party.counter is not None and party.counter.terms != terms:
            return f"adopt {p}"
    for p in principals:
        party = state.party(p)
        if not party.present:
            return _go_to(state, p) or f"consult {p}"
        if party.heard is None or party.heard.terms != terms:
            return _go_to(state, p) or f"table {p}"
    if human_verdicts(state, assess(effective_scenario(state), state.draft)).deal:
        try:
            check_convene(state)
            return "convene"
        except ValueError:
            hosts = [v.id for v in state.setup.venues if v.convenes(principals)]
            return f"travel {hosts[0]}" if hosts and hosts[0] != state.venue else "summit"
    return "wait"

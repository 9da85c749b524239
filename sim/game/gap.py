"""How many issues apart a draft leaves the sides: the issues the draft leaves open, plus, for
each principal, the fewest issues that would have to change for it to accept the draft (its
distance to its own closest acceptable proposal). A count of issues, always: the analysis's "gap"
is something else (utility points short of a walk-away level), and keeps that name.

It shrinks only as a draft settles issues in ways each side can sign, on the hard issues as much
as the soft ones: leaving the hard issues open never narrows it. The score rewards narrowing it,
but only for drafts every principal has actually heard; an interim agreement signs what every
principal heard, so it counts at once, and since the score keeps the fewest issues apart ever
reached, signing never sets it back.
"""

from __future__ import annotations

from typing import Mapping

from attrs import evolve

from sim.engine import Verdict, assess
from sim.engine.kinds import kind_of
from sim.game.analysis_adapter import closest_for_party
from sim.game.effective import effective_scenario
from sim.game.state import GameState
from sim.model import Proposal, Scenario
from sim.model.resolve import resolve


def party_distance(scenario: Scenario, draft: Proposal, party_id: str, fixed: Mapping[str, str]) -> int:
    """Judged as the engine judges the draft: by the lines and walk-away of the draft's own kind. A
    party the engine has accepting is 0 issues from accepting, even when the text is of no kind yet
    (what it leaves open is counted once, by ``issues_apart``, as unsettled)."""
    if assess(scenario, draft).party(party_id).verdict is Verdict.ACCEPT:
        return 0
    own = resolve(scenario, kind_of(scenario, draft).kind.id) if scenario.kinds and not scenario.kind else scenario
    found = closest_for_party(own, draft, party_id, own.party(party_id).walk_away, fixed)
    return sum(found.option(i) != draft.option(i) for i in scenario.issue_ids) if found is not None else len(scenario.issues)


def issues_apart(state: GameState, draft: Proposal | None = None) -> int:
    scenario = effective_scenario(state)
    draft = state.draft if draft is None else draft
    fixed = state.locked
    unsettled = len(scenario.issues) - len(draft.terms)
    return unsettled + sum(party_distance(scenario, draft, p, fixed) for p in state.game.principals)


def note_progress(state: GameState) -> GameState:
    """Keeps the fewest issues apart once every principal has heard the current draft."""
    heard_by_all = all(
        state.party(p).heard is not None and state.party(p).heard.terms == state.draft.terms
        for p in state.game.principals
    )
    if not heard_by_all:
        return state
    return evolve(state, best_apart=min(state.best_apart, issues_apart(state)))

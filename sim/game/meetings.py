"""Joint meetings and leaders' summits: where signatures happen.

A joint meeting (``convene``) needs every principal at the table and a venue where they will all
come (one marked ``joint_meetings``, or one that hosts them all). There they sign the draft if every principal accepts it (a deal, which ends the game); else
they sign its new terms as an interim agreement if none of them objects (see sim.game.interim);
else the meeting helps only if the gaps are already small, and sets the talks back otherwise.

A leaders' summit can be called from anywhere, but it only signs a deal: called early, it fails
publicly and costs every principal's trust and patience.

Nobody signs anything a mediator it distrusts has brokered (trust below SIGNING_TRUST).
"""

from __future__ import annotations

from attrs import evolve

from sim.engine import Assessment, Verdict, assess
from sim.game.actions import ActionError
from sim.game.clock import end
from sim.game.effective import effective_scenario
from sim.game.feed import say
from sim.game.gap import party_distance
from sim.engine.kinds import kind_of, kind_phrase
from sim.game.human import human_verdicts
from sim.game.interim import new_terms, objections
from sim.game.mood import adjust
from sim.game.state import Agreement, FeedKind, GameState, Status
from sim.model.plain import mid_sentence, party_names, sentence

NEAR = 2  # a joint meeting helps when no principal is more than this many issues from accepting
SIGNING_TRUST = 30.0  # a principal signs nothing brokered by a mediator it trusts less than this
INTERIM_TRUST, INTERIM_PATIENCE = 3.0, 6.0
NARROWING_TRUST, NARROWING_PATIENCE = 2.0, 4.0
FAILED_TRUST, FAILED_PATIENCE = -3.0, -6.0
FAILED_SUMMIT_TRUST, FAILED_SUMMIT_PATIENCE = -10.0, -15.0


def _absent_principals(state: GameState) -> list[str]:
    return [p for p in state.game.principals if not state.party(p).present]


def _hear(state: GameState, result: Assessment, parties: tuple[str, ...]) -> GameState:
    for party_id in parties:
        verdict = result.party(party_id).verdict
        state = state.with_party(evolve(state.party(party_id), heard=state.draft, verdict=verdict, counter=None,
                                        last_met=state.day))
    return state


def _sign_deal(state: GameState, result: Assessment, where: str) -> GameState:
    signatories = tuple(r.id for r in result.parties if r.verdict is Verdict.ACCEPT and state.party(r.id).present)
    kind = result.kind.kind.id if result.kind is not None else ""
    agreement = Agreement(state.day, False, state.draft.terms, signatories, kind)
    state = evolve(state, agreements=state.agreements + (agreement,))
    names = party_names(state.scenario, signatories, last=", ")
    state = say(state, FeedKind.SIGNING, f"{where}: {names} sign the agreement.")
    return end(state, Status.DEAL, "A deal: every principal has signed the draft.")


def _for_all(state: GameState, trust: float, patience: float) -> GameState:
    for party_id in state.game.principals:
        state = adjust(state, party_id, trust=trust, patience=patience)
    return state


def check_convene(state: GameState) -> None:
    venue = state.setup.venue(state.venue)
    principals = state.game.principals
    if not venue.convenes(principals):
        hosts = [v.id for v in state.setup.venues if v.convenes(principals)]
        names = party_names(state.scenario, [p for p in principals if p not in venue.parties], last=", ")
        fix = f"travel to {' or '.join(hosts)} first" if hosts else "use `summit` instead: no venue hosts every principal"
        raise ActionError(f"{names} will not meet at {mid_sentence(venue.name)}", fix)
    absent = _absent_principals(state)
    if absent:
        names = party_names(state.scenario, absent, last=", ")
        raise ActionError(f"{names} walked out and will not come to a joint meeting",
                          "consult it at its own venue to coax it back, or wait for events")


def _distrustful(state: GameState) -> list[str]:
    return [p for p in state.game.principals if state.party(p).trust < SIGNING_TRUST]


def _refuse_to_sign(state: GameState, where: str, wary: list[str]) -> GameState:
    names = party_names(state.scenario, wary, last=", ")
    return say(state, FeedKind.MEETING, f"{where}: {names} will sign nothing you broker until it trusts you more "
               "(consult it in private first).")


def _interim_words(scenario, kind_id: str) -> str:
    """"an interim humanitarian agreement": the kind's own title, said to be interim when it does not say so."""
    words = kind_phrase(scenario.agreement_kind(kind_id).title)
    return kind_phrase(words if "interim" in words.lower() else f"interim {words}", True)


def ends_fighting(result: Assessment) -> bool:
    """A deal of this kind ends the game; one of a narrower kind is an interim agreement."""
    return result.kind is None or result.kind.kind.ends_fighting


def convene(state: GameState) -> GameState:
    check_convene(state)
    scenario = effective_scenario(state)
    result = human_verdicts(state, assess(scenario, state.draft))  # a person's answer counts
    state = _hear(state, result, state.game.principals)
    venue = mid_sentence(state.setup.venue(state.venue).name)
    wary = _distrustful(state)
    if wary:
        return _for_all(_refuse_to_sign(state, f"Joint meeting at {venue}", wary), FAILED_TRUST, FAILED_PATIENCE)
    if result.deal and ends_fighting(result):
        return _sign_deal(state, result, f"Joint meeting at {venue}")
    locked = state.locked
    new = new_terms(state.draft.terms, locked)
    # A deal of a kind that does not end the fighting (a prisoner exchange) is signed as an interim
    # agreement: every principal accepts it, and the game goes on. And a principal that accepts the
    # whole draft signs any part of it: saying it "will not sign even part of it" while it is
    # "0 issues from accepting" would contradict the engine.
    willing = {p for p in state.game.principals if result.party(p).verdict is Verdict.ACCEPT}
    refusals = {} if result.deal else objections(scenario, state.game.principals, state.draft.terms, new) if new else {}
    refusals = {p: why for p, why in refusals.items() if p not in willing}
    if new and not refusals:
        # The kind the engine judged the signed text as (the whole draft: earlier terms with the new).
        kind = (result.kind or kind_of(scenario, state.draft)).kind.id
        agreement = Agreement(state.day, True, new, state.game.principals, kind)
        state = evolve(state, agreements=state.agreements + (agreement,))
        settled = "; ".join(f"{scenario.issue(i).title}" for i in new)
        state = say(state, FeedKind.SIGNING, f"Joint meeting at {venue}: {_interim_words(scenario, kind)} is signed on {settled}.")
        return _for_all(state, INTERIM_TRUST, INTERIM_PATIENCE)
    fixed = locked
    distances = {p: party_distance(scenario, state.draft, p, fixed) for p in state.game.principals}
    apart = "; ".join(f"{mid_sentence(scenario.party(p).name)} is {d} issue{'s' if d != 1 else ''} from accepting"
                      for p, d in distances.items())
    refused = "".join(f" {sentence(mid_sentence(scenario.party(p).name))} will not sign even part of it: {w}." for p, w in refusals.items())
    if max(distances.values()) <= NEAR:
        state = say(state, FeedKind.MEETING,
                    f"Joint meeting at {venue}: no signature yet, but the sides are close ({apart}).{refused}")
        return _for_all(state, NARROWING_TRUST, NARROWING_PATIENCE)
    state = say(state, FeedKind.MEETING, f"Joint meeting at {venue} goes nowhere ({apart}).{refused}")
    return _for_all(state, FAILED_TRUST, FAILED_PATIENCE)


def summit(state: GameState) -> GameState:
    absent = _absent_principals(state)
    if absent:
        names = party_names(state.scenario, absent, last=", ")
        raise ActionError(f"{names} walked out and will not come to a summit", "coax it back first")
    result = human_verdicts(state, assess(effective_scenario(state), state.draft))
    state = _hear(state, result, state.game.principals)
    wary = _distrustful(state)
    if wary:
        state = _refuse_to_sign(state, "Leaders' summit", wary)
        return _for_all(state, FAILED_SUMMIT_TRUST, FAILED_SUMMIT_PATIENCE)
    if result.deal and ends_fighting(result):
        return _sign_deal(state, result, "Leaders' summit")
    if result.deal:
        what = kind_phrase(result.kind.kind.title, True)
        return say(state, FeedKind.MEETING, f"The leaders will not hold a summit for {what}: sign it at a joint meeting.")
    if not result.blockers:  # every principal would sign, but the text is no agreement of its kind
        fit = result.kind
        why = f"it is no {kind_phrase(fit.kind.title)}: {fit.problems[0]}" if fit and fit.problems else "it is no agreement"
        state = say(state, FeedKind.MEETING, f"The leaders' summit fails in public: every side would sign, but {why}.")
        return _for_all(state, FAILED_SUMMIT_TRUST, FAILED_SUMMIT_PATIENCE)
    names = party_names(state.scenario, result.blockers, last=", ")
    state = say(state, FeedKind.MEETING, f"The leaders' summit fails in public: {names} will not sign this draft.")
    return _for_all(state, FAILED_SUMMIT_TRUST, FAILED_SUMMIT_PATIENCE)

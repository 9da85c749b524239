"""The game's one entry point for a move: ``step(state, action) -> (state, outcome)``.

``step`` is pure: it never mutates, never does I/O, and given equal states and actions returns
equal results. A wrong move raises :class:`ActionError` with what is wrong and how to fix it, and
leaves the state it was given untouched.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterable, Mapping

from attrs import evolve

from sim.game.actions import (
    Action,
    ActionError,
    Adopt,
    Consult,
    Convene,
    LoadDraft,
    SetTerm,
    Summit,
    Table,
    Travel,
    UseLever,
    Wait,
)
from sim.game.clock import advance
from sim.game.consult import consult
from sim.game.events import run_events
from sim.game.feed import say
from sim.game.gap import issues_apart, note_progress
from sim.game.levers import check_lever, use_lever
from sim.game.meetings import check_convene, convene, summit
from sim.game.mood import check_walkouts
from sim.game.setup import GameSetup
from sim.game.state import (
    Difficulty,
    FeedItem,
    FeedKind,
    Game,
    GameState,
    LogEntry,
    PartyState,
)
from sim.loading.problems import suggest
from sim.model import FrozenMap, Proposal, Scenario
from sim.model.plain import mid_sentence
from sim.record import frozen

if TYPE_CHECKING:  # the answers (and counter-proposals) load with the first meeting, not the first frame
    from sim.game.answers import Answer

MEDIATOR_DRAFT = "Mediator's draft"


@frozen
class Outcome:
    """What one action did: the days it took, what it added to the feed, and a party's answer."""

    action: Action
    days: int
    feed: tuple[FeedItem, ...]
    answer: Answer | None = None


def new_game(
    scenario: Scenario,
    setup: GameSetup,
    presets: Mapping[str, Proposal] | None = None,
    difficulty: Difficulty = Difficulty.NORMAL,
    seed: int = 0,
) -> GameState:
    """The state on the first morning: the opening draft, every party at the table, and the
    events of the first day."""
    presets = FrozenMap(presets or {})
    game = Game(scenario, setup, presets, difficulty, seed)
    draft = presets[setup.draft] if setup.draft else Proposal(scenario.id, title=MEDIATOR_DRAFT)
    parties = tuple(
        PartyState(p.id, trust=setup.temperament(p.id).trust, patience=setup.temperament(p.id).patience,
                   last_met=setup.start)
        for p in scenario.parties
    )
    state = GameState(game=game, day=setup.start, venue=setup.start_venue, draft=draft, parties=parties)
    venue = mid_sentence(setup.venue(setup.start_venue).name)
    state = say(state, FeedKind.MOVE, f"You open the talks at {venue}. The deadline is {setup.deadline}.")
    state = check_walkouts(run_events(state))
    opening = issues_apart(state)
    return evolve(state, start_apart=opening, best_apart=opening)


def _party_here(state: GameState, party_id: str, verb: str, walked_out_ok: bool = False) -> None:
    if party_id not in state.scenario.party_ids:
        raise ActionError(f"no party `{party_id}` in this scenario", suggest(party_id, state.scenario.party_ids))
    venue = state.setup.venue(state.venue)
    name = mid_sentence(state.scenario.party(party_id).name)
    if party_id not in venue.parties:
        where = " or ".join(v.id for v in state.setup.venues_for(party_id))
        raise ActionError(f"{name} is not at {mid_sentence(venue.name)}", f"travel to {where} first, then {verb} {party_id}")
    if not walked_out_ok and not state.party(party_id).present:
        raise ActionError(f"{name} has walked out of the talks", f"consult {party_id} to coax it back")


def _check_term(state: GameState, issue_id: str, option_id: str | None) -> None:
    if issue_id not in state.scenario.issue_ids:
        raise ActionError(f"no issue `{issue_id}` in this scenario", suggest(issue_id, state.scenario.issue_ids))
    options = state.scenario.issue(issue_id).option_ids
    if option_id is not None and option_id not in options:
        raise ActionError(f"issue `{issue_id}` has no option `{option_id}`", suggest(option_id, options))
    if issue_id in state.locked and state.locked[issue_id] != option_id:
        raise ActionError(f"`{issue_id}` was signed in an interim agreement", "it stays as signed")


def _revised(state: GameState, terms: Mapping[str, str], title: str = MEDIATOR_DRAFT) -> GameState:
    terms = {**terms, **state.locked}  # signed terms stay whatever the revision
    return evolve(state, draft=Proposal(state.scenario.id, FrozenMap(terms), title=title))


def _revise(state: GameState, action: SetTerm | LoadDraft | Adopt) -> GameState:
    if isinstance(action, SetTerm):
        _check_term(state, action.issue, action.option)
        return _revised(state, state.draft.with_term(action.issue, action.option).terms)
    if isinstance(action, LoadDraft):
        if action.preset == LoadDraft.EMPTY:
            return _revised(state, {})
        if action.preset not in state.game.presets:
            raise ActionError(f"no preset `{action.preset}`", suggest(action.preset, [*state.game.presets, LoadDraft.EMPTY]))
        preset = state.game.presets[action.preset]
        return _revised(state, preset.terms, preset.title or action.preset)
    if action.party not in state.scenario.party_ids:
        raise ActionError(f"no party `{action.party}` in this scenario", suggest(action.party, state.scenario.party_ids))
    counter = state.party(action.party).counter
    if counter is None:
        raise ActionError(f"{mid_sentence(state.scenario.party(action.party).name)} has no counter-proposal on the table",
                          f"table the draft to {action.party} first")
    if action.issue is None:
        return _revised(state, counter.terms)
    _check_term(state, action.issue, counter.option(action.issue))
    return _revised(state, state.draft.with_term(action.issue, counter.option(action.issue)).terms)


def _act(state: GameState, action: Action) -> tuple[GameState, int, Answer | None]:
    """The action itself, today; returns the new state, the days it takes, and any answer."""
    costs = state.setup.costs
    if isinstance(action, (SetTerm, LoadDraft, Adopt)):
        return _revise(state, action), 0, None
    if isinstance(action, Travel):
        ids = [v.id for v in state.setup.venues]
        if action.venue not in ids:
            raise ActionError(f"no venue `{action.venue}`", suggest(action.venue, ids))
        if action.venue == state.venue:
            raise ActionError(f"you are already at {mid_sentence(state.setup.venue(action.venue).name)}", "table, consult, or travel elsewhere")
        venue = state.setup.venue(action.venue)
        return say(evolve(state, venue=action.venue), FeedKind.MOVE, f"You travel to {mid_sentence(venue.name)}."), venue.travel_days, None
    if isinstance(action, Table):
        _party_here(state, action.party, "table to")
        from sim.game.answers import table

        state, answer = table(state, action.party)
        return state, costs.table, answer
    if isinstance(action, Consult):
        _party_here(state, action.party, "consult", walked_out_ok=True)
        return consult(state, action.party), costs.consult, None
    if isinstance(action, UseLever):
        return use_lever(state, action.lever), costs.lever, None
    if isinstance(action, Convene):
        return convene(state), costs.convene, None
    if isinstance(action, Summit):
        return summit(state), costs.summit, None
    if isinstance(action, Wait):
        return say(state, FeedKind.MOVE, f"You wait {action.days} day{'s' if action.days > 1 else ''}."), action.days, None
    raise ActionError(f"not an action: {action!r}")


def step(state: GameState, action: Action) -> tuple[GameState, Outcome]:
    """Takes one action: it happens today, then the clock runs for as long as it takes."""
    if state.over:
        raise ActionError(f"the game is over: {state.ending.rstrip('.')}", "start a new game or load a save")
    before = len(state.feed)
    started = state.day
    logged = evolve(state, log=state.log + (LogEntry(state.day, action.line),))
    after, days, answer = _act(logged, action)
    after = check_walkouts(after)
    if not after.over:
        after = advance(after, days)
    elif days:
        # A move that ends the game (a deal signed at a three-day summit) still takes its days;
        # only the events of those days no longer happen.
        after = evolve(after, day=min(after.day + dt.timedelta(days=days), after.setup.deadline))
    # After the clock, not per action: a lever or a dated change can bring a heard draft closer too.
    after = note_progress(after)
    return after, Outcome(action, (after.day - started).days, after.feed[before:], answer)


def replay(state: GameState, actions: Iterable[Action]) -> GameState:
    for action in actions:
        state, _ = step(state, action)
    return state


def available_actions(state: GameState) -> list[Action]:
    """Every move (not revision) that is legal now: for an action bar, and for tests."""
    if state.over:
        return []
    moves: list[Action] = [Travel(v.id) for v in state.setup.venues if v.id != state.venue]
    venue = state.setup.venue(state.venue)
    for party_id in venue.parties:
        if state.party(party_id).present:
            moves.append(Table(party_id))
        moves.append(Consult(party_id))
    for lever in state.setup.levers:
        try:
            check_lever(state, lever.id)
            moves.append(UseLever(lever.id))
        except ActionError:
            pass
    try:
        check_convene(state)
        moves.append(Convene())
    except ActionError:
        pass
    if all(state.party(p).present for p in state.game.principals):
        moves.append(Summit())
    moves.append(Wait())
    return moves


def revisions(state: GameState) -> list[Action]:
    """Every single-step revision of the draft that is legal now."""
    if state.over:
        return []
    found: list[Action] = []
    for issue in state.scenario.issues:
        if issue.id in state.locked:
            continue
        current = state.draft.option(issue.id)
        found += [SetTerm(issue.id, o) for o in issue.option_ids if o != current]
        if current is not None:
            found.append(SetTerm(issue.id, None))
    found += [LoadDraft(name) for name in state.game.presets]
    found += [Adopt(p.id) for p in state.parties if p.counter is not None]
    return found


def revisions_toward(state: GameState, proposal: Proposal) -> list[SetTerm]:
    """The revisions that turn the draft into ``proposal`` one term at a time (each free and
    logged), leaving the terms signed in an interim agreement as they are."""
    return [SetTerm(issue.id, proposal.option(issue.id)) for issue in state.scenario.issues
            if proposal.option(issue.id) != state.draft.option(issue.id) and issue.id not in state.locked]

"""People in the parties' seats, and a teacher at the side: the moves that are not the mediator's.

At a class table a student may play a party. When the mediator tables a draft to it, the engine
still answers first (its reading: verdict, red lines crossed, counter-proposal), and then the
student answers for the party: ``answer PARTY accept``, ``answer PARTY reject``, or
``answer PARTY counter ISSUE=OPTION ...`` (the whole counter-proposal; issues left out are open).
The student's answer replaces the engine's as the party's answer to that draft, and it is the one
that counts at a joint meeting or a summit (:func:`human_verdicts`). Where it differs from the
engine's verdict the game keeps both (:class:`HumanAnswer`): a teaching point, not an error.
The party's mood (trust, patience) moves as the person's answer implies, not as the engine's
reading: when the draft is tabled the engine's answer moves it first (:class:`Reaction` records how
far), and the person's answer takes that move back and makes its own, by the same rules
(:func:`sim.game.answers.mood_move`): a person who accepts gains the party's trust and patience as an
engine acceptance would, one who rejects loses patience for each hard line the draft crosses (the
engine's reading of which lines those are), and a counter-proposal counts as "a basis". A party the
engine's reading drove out of the room stays out: the answer comes too late to keep it.

The teacher's one game move is ``inject EVENT``: one of the scenario's timeline events happens
today, whatever its date or condition.

:func:`play_line` plays any of these lines or a mediator's action, so a class table's log of lines
replays its game exactly, like a script.
"""

from __future__ import annotations

from attrs import evolve

from sim.engine import Verdict, assess
from sim.game.actions import ActionError, parse_action
from sim.game.effective import effective_scenario
from sim.game.events import fire
from sim.game.feed import say
from sim.game.human import HumanAnswer, awaiting
from sim.game.answers import mood_move
from sim.game.mood import adjust, check_walkouts
from sim.game.state import FeedKind, GameState
from sim.game.step import step
from sim.loading.converter import suggest
from sim.model import FrozenMap, Proposal
from sim.model.plain import mid_sentence, possessive

ANSWER_VERB, INJECT_VERB = "answer", "inject"
CHOICES = ("accept", "reject", "counter")
# A counter-proposal is an offer to go on talking: the party's verdict on the draft is "basis".
CHOICE_VERDICT = {"accept": Verdict.ACCEPT, "reject": Verdict.REJECT, "counter": Verdict.BASIS}


def answer_line(party: str, choice: str, counter: dict[str, str] | None = None) -> str:
    """The log line of an answer; ``counter`` (issue -> option) only with ``counter``."""
    terms = " ".join(f"{issue}={option}" for issue, option in sorted((counter or {}).items()))
    return f"{ANSWER_VERB} {party} {choice}" + (f" {terms}" if terms else "")


def answer(state: GameState, party_id: str, choice: str, counter: dict[str, str] | None = None) -> GameState:
    """The party's own answer to the last draft tabled to it."""
    scenario = state.scenario
    if party_id not in scenario.party_ids:
        raise ActionError(f"no party `{party_id}` in this scenario", suggest(party_id, scenario.party_ids))
    if choice not in CHOICES:
        raise ActionError(f"unknown answer `{choice}`", suggest(choice, CHOICES))
    if state.over:
        raise ActionError(f"the game is over: {state.ending}", "nothing more can be answered")
    if not awaiting(state, party_id):
        raise ActionError(f"no draft is waiting for {possessive(mid_sentence(scenario.party(party_id).name))} answer",
                          "wait until the mediator tables one")
    heard = state.party(party_id).heard
    assert heard is not None  # tabled drafts are always heard
    proposal = None
    if choice == "counter":
        proposal = _counter(state, counter or {})
        if proposal.terms == heard.terms:
            raise ActionError("the counter-proposal is the draft itself", "change at least one term, or accept")
    elif counter:
        raise ActionError(f"`{choice}` takes no terms", "terms go with `counter` only")
    engine = assess(effective_scenario(state), heard).party(party_id).verdict
    given = HumanAnswer(party_id, state.day, heard.terms, CHOICE_VERDICT[choice], engine,
                        proposal.terms if proposal else None, at=len(state.log))
    party = evolve(state.party(party_id), verdict=given.verdict, counter=proposal)
    state = evolve(state.with_party(party), human_answers=state.human_answers + (given,))
    state = _mood_as_answered(state, party_id, given.verdict)
    return check_walkouts(say(state, FeedKind.ANSWER, _describe(state, given), party=party_id))


def _mood_as_answered(state: GameState, party_id: str, verdict: Verdict) -> GameState:
    """The engine's mood move for this draft taken back, and the person's answer's made instead."""
    reaction = state.party(party_id).reaction
    if reaction is None or not state.party(party_id).present:
        return state
    trust, patience = mood_move(verdict, reaction.violations, reaction.known, reaction.repeated)
    state = adjust(state, party_id, trust=trust - reaction.trust, patience=patience - reaction.patience)
    return state.with_party(evolve(state.party(party_id), reaction=None))


def _counter(state: GameState, terms: dict[str, str]) -> Proposal:
    scenario = state.scenario
    for issue, option in terms.items():
        if issue not in scenario.issue_ids:
            raise ActionError(f"no issue `{issue}` in this scenario", suggest(issue, scenario.issue_ids))
        options = scenario.issue(issue).option_ids
        if option not in options:
            raise ActionError(f"issue `{issue}` has no option `{option}`", suggest(option, options))
    for issue, option in state.locked.items():
        if terms.get(issue) != option:
            raise ActionError(f"`{issue}` was signed in an interim agreement", "keep it as signed")
    return Proposal(scenario.id, FrozenMap(terms), title="Counter-proposal")


def _describe(state: GameState, given: HumanAnswer) -> str:
    scenario = state.scenario
    name = scenario.party(given.party).name
    words = {Verdict.ACCEPT: "accepts the draft", Verdict.REJECT: "rejects the draft",
             Verdict.BASIS: "answers the draft with a counter-proposal"}
    text = f"{name} (played in person) {words[given.verdict]}."
    if given.counter is not None:
        changed = [i for i in scenario.issue_ids if given.counter.get(i) != given.draft.get(i)]
        text += " It asks for: " + "; ".join(
            f"{scenario.issue(i).title}: {_label(state, i, given.counter.get(i))}" for i in changed) + "."
    if given.departed:
        text += f" The engine's reading was: {given.engine_verdict.value}."
    return text


def _label(state: GameState, issue: str, option: str | None) -> str:
    if option is None:
        return "left open"
    return next(o.label for o in state.scenario.issue(issue).options if o.id == option)


def inject(state: GameState, event_id: str) -> GameState:
    """The teacher makes one of the scenario's events happen today."""
    events = {e.id: e for e in state.setup.events}
    if event_id not in events:
        raise ActionError(f"no event `{event_id}` in this game", suggest(event_id, events))
    if state.over:
        raise ActionError(f"the game is over: {state.ending}", "nothing more can happen")
    if event_id in state.fired:
        raise ActionError(f"`{event_id}` has already happened at this table", "choose another event")
    return check_walkouts(fire(state, events[event_id]))


def play_line(state: GameState, line: str) -> GameState:
    """Plays one line of a class table's log: a mediator's action, a party's answer, an inject."""
    words = line.split()
    if words and words[0] == ANSWER_VERB:
        if len(words) < 3:
            raise ActionError("`answer` takes a party and a choice", "write `answer PARTY accept|reject|counter ...`")
        terms: dict[str, str] = {}
        for word in words[3:]:
            issue, sep, option = word.partition("=")
            if not sep or not issue or not option:
                raise ActionError(f"`{word}` is not a term", "write ISSUE=OPTION")
            terms[issue] = option
        return answer(state, words[1], words[2], terms)
    if words and words[0] == INJECT_VERB:
        if len(words) != 2:
            raise ActionError("`inject` takes one event", "write `inject EVENT`")
        return inject(state, words[1])
    return step(state, parse_action(line))[0]

"""Private consultations: the mediator learns a party's hidden priorities and walk-away level,
and, issue by issue, what it could live with; builds trust and settles patience (less with each
visit: the first conversations matter most, and repeating them is no way to keep a party at the
table); and may coax a party that walked out back to the table."""

from __future__ import annotations

import random

from attrs import evolve

from sim.game.analysis_adapter import closest_for_party
from sim.game.effective import effective_scenario, red_line_ever
from sim.game.feed import say
from sim.game.mood import adjust, come_back
from sim.game.state import Difficulty, FeedKind, GameState
from sim.model.plain import mid_sentence, option_label

CONSULT_TRUST = 6.0  # trust gained from the first consultation; the n-th gains 6/n
CONSULT_PATIENCE = 6.0  # being heard in private settles a party; the n-th visit settles it 6/n
FACTS_PER_CONSULT = 2  # facts a party shares in one consultation...
GUARDED_TRUST = 30.0  # ...or only one, when it trusts the mediator less than this
COAX_TRUST = 40.0  # a party that walked out comes back for a mediator it trusts this much


def hidden_facts(state: GameState, party_id: str) -> list[str]:
    """What a party can tell in private, most important first: its priorities by weight, its
    walk-away level somewhere among the first few (where, the game's seed decides), and on the
    hardest level its red lines."""
    party = state.scenario.party(party_id)
    by_weight = sorted(party.preferences.items(), key=lambda item: -item[1].weight)
    facts = [f"weight:{issue}" for issue, _ in by_weight]
    place = random.Random(f"{state.game.seed}:facts:{party_id}").randrange(min(3, len(facts)) + 1)
    facts.insert(place, "walk_away")
    if state.game.difficulty is Difficulty.HARD:
        facts += [f"red_line:{line.id}" for line in party.red_lines]
    return facts


def livable_options(state: GameState, party_id: str, issue_id: str) -> list[str]:
    """The options of ``issue_id`` with which ``party_id`` could still accept some complete text,
    the signed terms kept: what the engine says it could live with on that issue."""
    scenario = effective_scenario(state)
    locked = state.locked
    if issue_id in locked:
        return [locked[issue_id]]
    level = scenario.party(party_id).walk_away
    return [option for option in scenario.issue(issue_id).option_ids
            if closest_for_party(scenario, state.draft, party_id, level, {**locked, issue_id: option}) is not None]


def _livable_text(state: GameState, party_id: str, issue_id: str) -> str:
    issue = state.scenario.issue(issue_id)
    livable = livable_options(state, party_id, issue_id)
    if not livable:
        return "nothing on it would let it sign, as things stand"
    if len(livable) == len(issue.option_ids):
        return "it could live with any option there"
    labels = [f"“{option_label(state.scenario, issue_id, o)}”" for o in livable]
    return "it could live with " + (" or ".join(labels) if len(labels) < 3 else ", ".join(labels[:-1]) + " or " + labels[-1])


def describe_fact(state: GameState, party_id: str, fact: str) -> str:
    party = effective_scenario(state).party(party_id)
    if fact == "walk_away":
        return f"it would sign nothing worth less than {party.walk_away:.0f} to it (its walk-away level)"
    kind, _, key = fact.partition(":")
    if kind == "weight":
        total = sum(p.weight for p in party.preferences.values()) or 1
        share = party.preferences[key].weight / total * 100 if key in party.preferences else 0
        return f"{mid_sentence(state.scenario.issue(key).title)} is {share:.0f}% of what it cares about, and {_livable_text(state, party_id, key)}"
    for line in party.red_lines:
        if line.id == key:
            return f"it holds a red line: {line.statement.rstrip('.')}"
    return f"it no longer holds a red line it had: {_former_statement(state, party_id, key)}"


def _former_statement(state: GameState, party_id: str, line_id: str) -> str:
    """The words of a red line it has since dropped (a player never reads a line's id)."""
    line = red_line_ever(state, party_id, line_id)
    return line.statement.rstrip(".") if line is not None else "one it no longer states"


def consult(state: GameState, party_id: str) -> GameState:
    name = mid_sentence(state.scenario.party(party_id).name)
    party = state.party(party_id)
    if not party.present:
        if party.trust >= COAX_TRUST:
            state = come_back(state, party_id, "the mediator came in person")
            return adjust(state, party_id, trust=CONSULT_TRUST / (1 + party.consultations))
        return say(state, FeedKind.MEETING, f"{name} will not see you: it trusts you too little to come back.",
                   party=party_id)
    count = 1 if party.trust < GUARDED_TRUST else FACTS_PER_CONSULT
    unknown = [f for f in hidden_facts(state, party_id) if f not in party.revealed][:count]
    state = state.with_party(
        evolve(party, consultations=party.consultations + 1, last_met=state.day, revealed=party.revealed + tuple(unknown))
    )
    visits = 1 + party.consultations
    state = adjust(state, party_id, trust=CONSULT_TRUST / visits, patience=CONSULT_PATIENCE / visits)
    if unknown:
        told = "; ".join(describe_fact(state, party_id, fact) for fact in unknown)
        text = f"In private, {name} tells you: {told}."
    else:
        text = f"You talk privately with {name}; it has nothing more to tell you, but it values being heard."
    return say(state, FeedKind.MEETING, text, party=party_id)

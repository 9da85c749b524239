"""A played game retold: the story day by day in plain words, and the ledger of concessions.

The game is replayed from its log, one action at a time, so each line of the story sits exactly
where it happened, and each revision of the draft is known with the scenario as it stood that day.
Nothing here prints a script line: actions are told in words, with the scenario's own names.
"""

from __future__ import annotations

import re
from typing import Any

from sim.engine import assess
from sim.model.plain import citation_dict, mid_sentence, option_label, possessive
from sim.game import Adopt, GameState, LoadDraft, SetTerm, Table, new_game, parse_action, step
from sim.game.effective import effective_scenario
from sim.game.state import FeedItem
from sim.model import Proposal, Scenario
from sim.model.scenario import Party

# The one feed line that carries a script command: how to load a plan an event puts on the table.
SCRIPT_HINT = re.compile(r"\s*\(load it with `[^`]*`\)")
POINTS = 0.05  # changes smaller than this (in utility points) are nobody's gain or loss


def terms_list(scenario: Scenario, proposal: Proposal) -> list[dict[str, Any]]:
    """Every issue with the proposal's option for it, in the scenario's order."""
    return [{"issue": issue.id, "title": issue.title, "option": proposal.option(issue.id),
             "label": option_label(scenario, issue.id, proposal.option(issue.id))} for issue in scenario.issues]


def _feed_entry(scenario: Scenario, item: FeedItem) -> dict[str, Any]:
    return {"kind": item.kind.value, "text": SCRIPT_HINT.sub("", item.text), "party": item.party or None,
            "sources": [citation_dict(scenario, c) for c in item.citations]}


def _settled(scenario: Scenario, proposal: Proposal) -> list[dict[str, Any]]:
    return [t for t in terms_list(scenario, proposal) if t["option"] is not None]


def _revision_text(before: GameState, after: GameState, action: SetTerm | LoadDraft | Adopt) -> str:
    scenario = after.scenario
    if isinstance(action, SetTerm):
        issue = scenario.issue(action.issue)
        was = option_label(scenario, issue.id, before.draft.option(issue.id))
        if action.option is None:
            return f"You take {issue.title} out of the draft (before: “{was}”); the issue is left open."
        return f"You revise the draft: {issue.title} becomes “{option_label(scenario, issue.id, action.option)}” (before: “{was}”)."
    if isinstance(action, LoadDraft):
        if action.preset == LoadDraft.EMPTY:
            return "You clear the draft and start from an empty page."
        return f"You put a new draft on the table: {after.draft.title}."
    name = mid_sentence(scenario.party(action.party).name)
    if action.issue is None:
        return f"You take {possessive(name)} counter-proposal into the draft."
    issue = scenario.issue(action.issue)
    return f"You take {possessive(name)} proposal on {issue.title}: {option_label(scenario, issue.id, after.draft.option(issue.id))}."


def issue_points(party: Party, issue_id: str, option: str | None) -> float:
    """What one term adds to a party's utility (before soft penalties), in utility points."""
    preference = party.preferences.get(issue_id)
    if preference is None:
        return 0.0
    total = sum(p.weight for p in party.preferences.values()) or 1.0
    value = preference.open if option is None else preference.values[option]
    return preference.weight / total * value


def _concessions(before: GameState, after: GameState, how: str) -> list[dict[str, Any]]:
    scenario = effective_scenario(after)
    rows = []
    for issue in scenario.issues:
        old, new = before.draft.option(issue.id), after.draft.option(issue.id)
        if old == new:
            continue
        changes = {p.id: round(issue_points(p, issue.id, new) - issue_points(p, issue.id, old), 1) for p in scenario.parties}
        towards = sorted((p for p, d in changes.items() if d >= POINTS), key=lambda p: -changes[p])
        away = sorted((p for p, d in changes.items() if d <= -POINTS), key=lambda p: changes[p])
        rows.append({"day": before.day.isoformat(), "issue": issue.id,
                     "title": issue.title, "before": old, "before_label": option_label(scenario, issue.id, old),
                     "after": new, "after_label": option_label(scenario, issue.id, new), "how": how,
                     "towards": towards, "away_from": away, "changes": changes})
    return rows


def _how(state: GameState, action: SetTerm | LoadDraft | Adopt) -> str:
    if isinstance(action, SetTerm):
        return "your revision"
    if isinstance(action, LoadDraft):
        return "a new draft" if action.preset == LoadDraft.EMPTY else f"the plan: {state.draft.title}"
    return f"{possessive(mid_sentence(state.scenario.party(action.party).name))} counter-proposal"


def retell(final: GameState) -> dict[str, Any]:
    """The story (a list of days, each with its entries) and the concessions, from the game's log."""
    game = final.game
    state = new_game(game.scenario, game.setup, game.presets, game.difficulty, game.seed)
    opening = state.draft
    entries: list[tuple[str, dict[str, Any]]] = [(i.day.isoformat(), _feed_entry(state.scenario, i)) for i in state.feed]
    if opening.terms:
        entries.append((state.day.isoformat(), {"kind": "draft", "text": f"The draft on the table: {opening.title}.",
                                                "party": None, "sources": [], "terms": _settled(state.scenario, opening)}))
    concessions: list[dict[str, Any]] = []
    last_tabled: Proposal | None = None
    for entry in final.log:
        action = parse_action(entry.line)
        before = state
        state, outcome = step(state, action)
        day = before.day.isoformat()
        if isinstance(action, (SetTerm, LoadDraft, Adopt)):
            if state.draft.terms == before.draft.terms and state.draft.title == before.draft.title:
                continue  # a revision that changed nothing is not part of the story
            entries.append((day, {"kind": "draft", "text": _revision_text(before, state, action), "party": None, "sources": []}))
            concessions += _concessions(before, state, _how(state, action))
        elif isinstance(action, Table):
            name = mid_sentence(state.scenario.party(action.party).name)
            tabled: dict[str, Any] = {"kind": "tabled", "party": action.party, "sources": []}
            if last_tabled is not None and last_tabled.terms == before.draft.terms:
                tabled["text"] = f"You table the same draft to {name}."
            elif last_tabled is None:
                tabled["text"] = f"You table the draft to {name}."
                tabled["terms"] = _settled(state.scenario, before.draft)
                tabled["open"] = len(state.scenario.issues) - len(before.draft.terms)
            else:  # only what changed: a long draft is listed once, the first time it is tabled
                tabled["text"] = f"You table the draft to {name}; since the last draft you tabled:"
                tabled["terms"] = [t for t, old in zip(terms_list(state.scenario, before.draft),
                                                       terms_list(state.scenario, last_tabled)) if t["option"] != old["option"]]
            last_tabled = before.draft
            entries.append((day, tabled))
        for item in outcome.feed:
            entries.append((item.day.isoformat(), _feed_entry(state.scenario, item)))
    days: list[dict[str, Any]] = []
    for day, entry in entries:
        if not days or days[-1]["day"] != day:
            days.append({"day": day, "entries": []})
        days[-1]["entries"].append(entry)
    return {"story": days, "concessions": concessions, "opening": opening, "replayed": state}


def balance(final: GameState, opening: Proposal) -> list[dict[str, Any]]:
    """What each party gained or lost between the opening draft and the final one (after penalties)."""
    scenario = effective_scenario(final)
    start, end = assess(scenario, opening), assess(scenario, final.draft)
    return [{"party": p.id, "name": p.name, "role": p.role.value, "opening": round(start.party(p.id).utility, 1),
             "final": round(end.party(p.id).utility, 1), "change": round(end.party(p.id).utility - start.party(p.id).utility, 1),
             "walk_away": round(end.party(p.id).walk_away, 1)} for p in scenario.parties]

"""What each seat may see, as plain data for the pages: the mediator's table, a party's own brief
and the draft tabled to it with the engine's reading, and the teacher's view of every table.

A party's view is built from its own party only: nothing here reads another party's priorities or
walk-away level for a party seat (the mediator sees what the difficulty shows, as in the app).
"""

from __future__ import annotations

from typing import Any

from sim.engine import Verdict, assess
from sim.model.plain import option_label, terms_text
from sim.game import available_actions, views
from sim.game.effective import effective_scenario
from sim.game.human import awaiting
from sim.game.state import FeedKind, GameState
from sim.classroom.room import MEDIATOR, ClassTable, Classroom
from sim.model import Proposal, Scenario

FEED_SHOWN = 30
# What a party's delegation hears of the table: the news and the meetings, and its own answers.
PUBLIC_FEED = {FeedKind.NEWS, FeedKind.MEETING, FeedKind.SIGNING, FeedKind.END, FeedKind.WALKOUT, FeedKind.RETURN}


def citations(scenario: Scenario, cited) -> list[dict[str, str]]:
    found = []
    for c in cited:
        source = scenario.source(c.source)
        found.append({"title": source.title, "outlet": source.outlet, "date": source.date.isoformat(),
                      "passage": c.passage, "confidence": c.confidence.value})
    return found


def terms(scenario: Scenario, proposal: Proposal | dict | None) -> list[dict[str, Any]]:
    chosen = {} if proposal is None else dict(proposal.terms if isinstance(proposal, Proposal) else proposal)
    return [{"id": i.id, "title": i.title, "option": chosen.get(i.id), "label": option_label(scenario, i.id, chosen.get(i.id)),
             "options": [{"id": o.id, "label": o.label} for o in i.options]} for i in scenario.issues]


def status(table: ClassTable, ended: bool) -> str:
    if table.state.over:
        return table.state.status.value
    return "ended" if ended else ("paused" if table.paused else "playing")


def header(room: Classroom, table: ClassTable) -> dict[str, Any]:
    state = table.state
    seated = room.seated(table.number)
    return {
        "table": table.number, "version": table.version, "day": state.day.isoformat(),
        "deadline": state.setup.deadline.isoformat(), "days_left": state.days_left,
        "status": status(table, room.ended), "ending": state.ending, "over": state.over or room.ended,
        "paused": table.paused, "venue": state.setup.venue(state.venue).name,
        "seats": [{"role": r, "name": room.role_name(r), "taken": r in seated} for r in room.roles],
        "scenario_title": room.scenario.title,
    }


def _feed(state: GameState, keep) -> list[dict[str, str]]:
    items = [i for i in state.feed if keep(i)][-FEED_SHOWN:]
    return [{"day": i.day.isoformat(), "kind": i.kind.value, "text": i.text} for i in reversed(items)]


def mediator(room: Classroom, table: ClassTable) -> dict[str, Any]:
    state = table.state
    scenario = state.scenario
    humans = room.human_parties(table.number)
    cards = []
    for v in views(state):
        cards.append({
            "name": v.name, "role": v.role.value, "present": v.present, "in_person": v.id in humans,
            "awaiting": v.id in humans and awaiting(state, v.id),
            "trust": round(v.trust), "patience": round(v.patience),
            "verdict": v.verdict.value if v.verdict else "unknown",
            "heard_verdict": None if (v.id in humans and awaiting(state, v.id)) or not v.heard_verdict
            else v.heard_verdict.value,
            "red_lines": [{"statement": r.red_line.statement, "hard": r.hard, "crossed": r.crossed} for r in v.red_lines],
            "counter": bool(v.counter), "id": v.id,
        })
    moves = [{"line": a.line, "label": move_label(state, a.line)} for a in available_actions(state)]
    return {
        **header(room, table), "seat": MEDIATOR, "draft": terms(scenario, state.draft), "cards": cards,
        "moves": moves, "presets": [{"id": k, "title": p.title or k} for k, p in state.game.presets.items()],
        "adoptable": [{"id": c["id"], "name": c["name"]} for c in cards if c["counter"]],
        "feed": _feed(state, lambda i: _mediator_hears(state, humans, i)),
    }


def _mediator_hears(state: GameState, humans: tuple[str, ...], item) -> bool:
    """The mediator hears a party played in person from the person, not the engine's reading of it."""
    if item.kind is not FeedKind.ANSWER or item.party not in humans:
        return True
    return item.text.startswith(f"{state.scenario.party(item.party).name} (played in person)")


def brief(state: GameState, party_id: str) -> dict[str, Any]:
    """A party's confidential brief: its own position, priorities, walk-away level and red lines.

    Until the teacher's kit writes briefs, this is the party as the app's easiest level shows it.
    """
    scenario = effective_scenario(state)
    party = scenario.party(party_id)
    total = sum(p.weight for p in party.preferences.values()) or 1
    priorities = sorted(((scenario.issue(i).title, round(p.weight / total * 100)) for i, p in party.preferences.items()),
                        key=lambda t: -t[1])
    return {
        "name": party.name, "role": party.role.value, "position": party.position, "walk_away": round(party.walk_away),
        "priorities": [{"issue": i, "share": s} for i, s in priorities],
        "red_lines": [{"statement": r.statement, "hard": r.hard, "note": r.note,
                       "sources": citations(state.scenario, r.citations)} for r in party.red_lines],
    }


def _reading(state: GameState, party_id: str, proposal: Proposal) -> dict[str, Any]:
    scenario = effective_scenario(state)
    result = assess(scenario, proposal).party(party_id)
    crossed = [{"statement": v.statement, "hard": v.hard, "where": terms_text(state.scenario, v.triggers),
                "sources": citations(state.scenario, v.citations)} for v in (*result.violations, *result.penalties)]
    return {"verdict": result.verdict.value, "utility": round(result.utility), "walk_away": round(result.walk_away),
            "crossed": crossed}


def party(room: Classroom, table: ClassTable, party_id: str) -> dict[str, Any]:
    state = table.state
    mood = state.party(party_id)
    pending = awaiting(state, party_id) and not state.over
    heard = mood.heard
    engine_counter = None
    if pending and heard is not None and mood.counter is not None:
        engine_counter = dict(mood.counter.terms)  # the engine's own counter, before the person answers
    mine = [a for a in state.human_answers if a.party == party_id]
    return {
        **header(room, table), "seat": party_id, "brief": brief(state, party_id),
        "draft": terms(state.scenario, state.draft), "now": _reading(state, party_id, state.draft),
        "pending": pending, "heard": terms(state.scenario, heard) if heard else None,
        "engine": _reading(state, party_id, heard) if heard is not None else None,
        "engine_counter": terms(state.scenario, engine_counter) if engine_counter else None,
        "counter_start": terms(state.scenario, engine_counter or (heard.terms if heard else {})),
        "answers": [{"day": a.day.isoformat(), "verdict": a.verdict.value, "engine": a.engine_verdict.value,
                     "departed": a.departed} for a in reversed(mine)],
        "feed": _feed(state, lambda i: i.kind in PUBLIC_FEED
                      or (i.party == party_id and _mediator_hears(state, (party_id,), i))),
    }


def answer_word(verdict: Verdict | None) -> str:
    return verdict.value if verdict else "not asked yet"


def changed_terms(room: Classroom, state: GameState) -> list[dict[str, str]]:
    """The draft's terms that differ from the class's opening draft: what the table has done."""
    opening = room.opening.draft
    return [{"title": i.title, "label": option_label(state.scenario, i.id, state.draft.option(i.id))}
            for i in state.scenario.issues if state.draft.option(i.id) != opening.option(i.id)]


def move_label(state: GameState, line: str) -> str:
    """A move button's words: ``table russia`` reads "Table the draft to Russia"."""
    verb, _, rest = line.partition(" ")
    scenario = state.scenario
    if verb == "travel":
        return f"Travel to {state.setup.venue(rest).name}"
    if verb in ("table", "consult"):
        name = scenario.party(rest).name
        return f"Table the draft to {name}" if verb == "table" else f"Consult {name} in private"
    if verb == "lever":
        return next((lever.name for lever in state.setup.levers if lever.id == rest), line)
    return {"convene": "Convene a joint meeting", "summit": "Call a leaders' summit", "wait": "Wait a day"}.get(verb, line)


def console(room: Classroom) -> dict[str, Any]:
    tables = []
    for table in room.tables:
        state = table.state
        humans = room.human_parties(table.number)
        seated = room.seated(table.number)
        answers = [{"name": p.name, "verdict": answer_word(state.party(p.id).verdict), "in_person": p.id in humans,
                    "awaiting": p.id in humans and awaiting(state, p.id)} for p in state.scenario.parties]
        fired = set(state.fired)
        tables.append({
            **header(room, table), "changed": changed_terms(room, state), "answers": answers,
            "recent": [{"role": r, "line": line} for _, r, line in reversed(table.recent)],
            "seat_links": [{"role": r, "name": room.role_name(r), "token": t} for r, t in seated.items()],
            "events": [{"id": e.id, "title": e.title} for e in state.setup.events if e.id not in fired],
            "departures": sum(a.departed for a in state.human_answers), "problems": table.problems,
        })
    return {"tables": tables, "ended": room.ended, "scenario_title": room.scenario.title,
            "events": [{"id": e.id, "title": e.title} for e in room.opening.setup.events]}

"""A scenario as a classroom kit, as plain data the templates render: confidential instructions
for each party, the mediator's brief, and the instructor's notes.

Each document says only what its reader may know: a party's instructions hold its own numbers in
words and the others' public positions; the mediator's brief holds public positions only; the
instructor's notes hold everything, including what the engine knows that no student does.
"""

from __future__ import annotations

from typing import Any

from sim.analysis import analyze
from sim.analysis.overview import nash_point
from sim.model.resolve import dated, for_kind
from sim.engine import assess
from sim.game import game_files
from sim.model import Scenario
from sim.model.plain import reflowed
from sim.present.report.build import GENERAL_QUESTIONS
from sim.present.report.compare import plain_words, relaxation_words
from sim.present.pack import classroom
from sim.present.pack.words import priorities, red_line, walk_away_words

ROLES_FIXED = ("mediator", "instructor")
VERDICT_WORDS = {"accept": "you could sign it", "basis": "a basis for talks, not enough to sign",
                 "reject": "you could not sign it"}


def roles(scenario: Scenario) -> tuple[str, ...]:
    return (*scenario.party_ids, *ROLES_FIXED)


def _plans(scenario: Scenario, presets) -> list[dict[str, Any]]:
    return [{"name": name, "title": p.title or name, "description": reflowed(scenario, p.description)} for name, p in presets.items()]


def _public(scenario: Scenario) -> list[dict[str, Any]]:
    return [{"id": p.id, "name": p.name, "role": p.role.value, "position": p.position} for p in scenario.parties]


def party_brief(scenario: Scenario, party_id: str) -> dict[str, Any]:
    setup, presets = game_files(scenario)
    party = scenario.party(party_id)
    others = [{"name": o.name, "role": o.role.value, "position": o.position,
               "red_lines": [line.statement for line in o.red_lines if line.hard]}
              for o in scenario.parties if o.id != party_id]
    plans = []
    for name, preset in presets.items():
        result = assess(scenario, preset).party(party_id)
        plans.append({"title": preset.title or name, "verdict": result.verdict.value,
                      "words": VERDICT_WORDS[result.verdict.value],
                      "because": [v.statement.rstrip(".") for v in result.violations]})
    levers = [{"name": lever.name, "kind": lever.kind.value, "description": reflowed(scenario, lever.description)}
              for lever in setup.levers if lever.party == party_id]
    own_deadline = setup.temperament(party_id).deadline
    return {
        "role": party_id, "kind": "party", "title": f"Confidential instructions: {party.name}",
        "name": party.name, "principal": party.principal, "position": party.position,
        "situation": scenario.teaching.confidential.get(party_id, ""),
        "priorities": priorities(scenario, party),
        "red_lines": [red_line(scenario, line) for line in party.red_lines],
        "walk_away": walk_away_words(party.walk_away),
        "plans": plans, "others": others, "levers": levers,
        "deadline": (own_deadline or setup.deadline).isoformat(),
        "secrets": _secrets(scenario, party),
    }


def _secrets(scenario: Scenario, party) -> list[str]:
    found = ["How far you can go: the least you would sign for (above) is yours alone.",
             "The order of your priorities: let the others guess which issue you would trade."]
    soft = [line.statement for line in party.red_lines if not line.hard]
    if soft:
        found.append("That some of your demands are not absolute: " + "; ".join(s.rstrip(".") for s in soft) + ".")
    found.append("Which of the plans on the table you could live with, until the mediator asks in private.")
    return found


def mediator_brief(scenario: Scenario) -> dict[str, Any]:
    setup, presets = game_files(scenario)
    opening = setup.briefing or scenario.briefing
    return {
        "role": "mediator", "kind": "mediator", "title": "The mediator's brief",
        "summary": scenario.summary, "briefing": opening, "start": setup.start.isoformat(),
        "deadline": setup.deadline.isoformat(), "parties": _public(scenario),
        "issues": [{"title": i.title, "description": reflowed(scenario, i.description), "options": [o.label for o in i.options]}
                   for i in scenario.issues],
        "venues": [{"name": v.name, "parties": [scenario.party(p).name for p in v.parties], "days": v.travel_days,
                    "joint": v.joint_meetings or v.convenes(tuple(p.id for p in scenario.principals))}
                   for v in setup.venues],
        "plans": _plans(scenario, presets),
    }


def _engine_knows(scenario: Scenario) -> dict[str, Any]:
    analysis = analyze(scenario)
    parties = []
    for party in scenario.parties:
        top = sorted(party.preferences.items(), key=lambda item: -item[1].weight)[:3]
        parties.append({
            "name": party.name, "role": party.role.value, "walk_away": party.walk_away,
            "top": [scenario.issue(i).title for i, _ in top],
            "soft": [{"statement": line.statement.rstrip("."), "penalty": line.penalty} for line in party.red_lines if not line.hard],
            "inferred": [line.statement for line in party.red_lines
                         if all(c.confidence.value == "low" for c in line.citations)],
        })
    names = {p.id: p.name for p in scenario.parties}
    return {
        "deal_exists": analysis.deal_exists, "room": analysis.zopa_size, "space": analysis.space_size,
        "nash": None if analysis.nash is None else [
            {"title": scenario.issue(i).title, "label": scenario.issue(i).option(o).label}
            for i, o in analysis.nash.proposal.terms.items()],
        "gap": None if analysis.gap is None else round(analysis.gap, 1),
        "obstacles": [plain_words(scenario, o.message) for o in analysis.obstacles],
        "relaxations": [relaxation_words(scenario, r) for r in analysis.blocking[:4]
                        if r.deal_if_relaxed or r.zopa_size_if_relaxed > 0],
        "parties": parties, "names": names, "kinds": _kinds(scenario),
    }


def _kinds(scenario: Scenario) -> list[dict[str, Any]]:
    """Each kind of agreement the scenario knows, narrowest first, and whether a deal of it exists
    on the scenario's date (its own red lines and walk-aways: `redlines analyze --kind K`)."""
    if not scenario.kinds:
        return []
    on_day = dated(scenario)
    found = []
    for kind in on_day.agreement_kinds:
        found.append({"id": kind.id, "title": kind.title, "ends_fighting": kind.ends_fighting,
                      "settles": [scenario.issue(i).title for i in kind.settles],
                      "deal": nash_point(for_kind(on_day, kind.id)) is not None})
    return found


def instructor_notes(scenario: Scenario) -> dict[str, Any]:
    setup, presets = game_files(scenario)
    teaching = scenario.teaching
    principals = [p.name for p in scenario.principals]
    stakeholders = [p.name for p in scenario.parties if not p.principal]
    return {
        "role": "instructor", "kind": "instructor", "title": "Instructor's notes",
        "summary": scenario.summary, "as_of": scenario.as_of.isoformat(),
        "principals": principals, "stakeholders": stakeholders, "issues": len(scenario.issues),
        "plans": _plans(scenario, presets),
        "engine": _engine_knows(scenario),
        "events": [{"date": e.date.isoformat(), "title": e.title, "conditional": e.when is not None or e.chance < 1,
                    "sourced": bool(e.citations)}
                   for e in setup.events],
        "notes": list(teaching.notes),
        "aftermath": [{"date": a.date.isoformat(), "text": a.text,
                       "sources": [citation_dict_of(scenario, s) for s in a.sources]} for a in teaching.aftermath],
        "questions": [*teaching.questions, *GENERAL_QUESTIONS],
        "rubric": list(teaching.rubric),
        "plan_45": [list(row) for row in classroom.PLAN_45], "plan_90": [list(row) for row in classroom.PLAN_90],
        "team_sizes": classroom.team_sizes(len(principals), len(stakeholders)),
        "levels": list(classroom.LEVELS),
        "rubric_before": [list(row) for row in classroom.RUBRIC_BEFORE],
        "rubric_after": [list(row) for row in classroom.RUBRIC_AFTER],
    }


def citation_dict_of(scenario: Scenario, source_id: str) -> dict[str, Any]:
    source = scenario.source(source_id)
    return {"title": source.title, "outlet": source.outlet, "date": source.date.isoformat()}


def build_pack(scenario: Scenario, role: str | None = None) -> list[dict[str, Any]]:
    """The documents for ``role`` (a party id, ``mediator`` or ``instructor``), or all of them."""
    wanted = roles(scenario) if role is None else (role,)
    documents = []
    for name in wanted:
        if name == "mediator":
            documents.append(mediator_brief(scenario))
        elif name == "instructor":
            documents.append(instructor_notes(scenario))
        else:
            documents.append(party_brief(scenario, name))
    for document in documents:
        document["scenario"] = {"id": scenario.id, "title": scenario.title, "as_of": scenario.as_of.isoformat()}
    return documents

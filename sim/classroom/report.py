"""The class report: each table's game (its end, its score, its log, where people departed from the
engine) and the comparison of every table's final draft with the Nash point and the real plans."""

from __future__ import annotations

from typing import Any

from sim.analysis import nash_point
from sim.engine import assess
from sim.model.plain import option_label
from sim.game import score
from sim.present.game_report import score_dict
from sim.classroom.room import MEDIATOR, Classroom
from sim.model import Proposal, Scenario

# The chart: one column per party, utilities 0-100 from the bottom up.
CHART_W, CHART_H, PAD, TOP = 640, 300, 40, 20


def _utilities(scenario: Scenario, proposal: Proposal) -> dict[str, float]:
    result = assess(scenario, proposal)
    return {r.id: round(r.utility, 1) for r in result.parties}


def _table(room: Classroom, table) -> dict[str, Any]:
    state = table.state
    scenario = state.scenario
    points = score(state)
    return {
        "table": table.number,
        "status": state.status.value,
        "ending": state.ending,
        "day": state.day.isoformat(),
        "draft": {i.id: state.draft.option(i.id) for i in scenario.issues},
        "draft_labels": {i.id: option_label(scenario, i.id, state.draft.option(i.id)) for i in scenario.issues},
        "utilities": _utilities(scenario, state.draft),
        "agreements": [{"day": a.day.isoformat(), "kind": "interim" if a.interim else "deal", "terms": dict(a.terms),
                        "signatories": list(a.signatories)} for a in state.agreements],
        "score": score_dict(points),
        "seats": {r: ("in person" if r in room.seated(table.number) else "nobody" if r == MEDIATOR else "engine")
                  for r in room.roles},
        "departures": [{"party": a.party, "day": a.day.isoformat(), "answered": a.verdict.value,
                        "engine": a.engine_verdict.value} for a in state.human_answers if a.departed],
        "answers_in_person": len(state.human_answers),
        "moves": table.lines,
        "log": [{"seat": who, "line": line} for who, line in table.history],
        "problems": list(table.problems),
    }


def _chart(scenario: Scenario, tables: list[dict], nash: dict | None, plans: list[dict]) -> dict[str, Any]:
    parties = list(scenario.parties)
    step = (CHART_W - 2 * PAD) / max(1, len(parties))

    def y(value: float) -> float:
        return round(TOP + (CHART_H - TOP - PAD) * (1 - value / 100), 1)

    columns = []
    for k, party in enumerate(parties):
        x = PAD + step * (k + 0.5)
        # Tables spread over the left of the column, the Nash point in its middle, the plans on its right.
        marks = [{"x": round(x - step * (0.38 - 0.3 * n / max(1, len(tables) - 1)), 1),
                  "y": y(t["utilities"][party.id]), "label": f"table {t['table']}: {t['utilities'][party.id]}",
                  "kind": "table"} for n, t in enumerate(tables)]
        if nash:
            marks.append({"x": round(x, 1), "y": y(nash["utilities"][party.id]),
                          "label": f"Nash point: {nash['utilities'][party.id]}", "kind": "nash"})
        for n, plan in enumerate(plans):
            marks.append({"x": round(x + step * (0.1 + 0.28 * n / max(1, len(plans) - 1)), 1), "y": y(plan["utilities"][party.id]),
                          "label": f"{plan['title']}: {plan['utilities'][party.id]}", "kind": "plan"})
        columns.append({"name": party.name, "x": round(x, 1), "walk_away": y(party.walk_away), "marks": marks,
                        "left": round(x - step * 0.4, 1), "right": round(x + step * 0.4, 1)})
    ticks = [{"value": v, "y": y(v)} for v in (0, 25, 50, 75, 100)]
    return {"width": CHART_W, "height": CHART_H, "columns": columns, "ticks": ticks, "pad": PAD, "bottom": y(0)}


def class_report(room: Classroom) -> dict[str, Any]:
    scenario = room.scenario
    tables = [_table(room, t) for t in room.tables]
    found = nash_point(scenario)
    nash = None if found is None else {
        "terms": dict(found.proposal.terms), "utilities": {p: round(u, 1) for p, u in found.utilities.items()},
        "labels": {i.id: option_label(scenario, i.id, found.proposal.option(i.id)) for i in scenario.issues}}
    plans = [{"name": name, "title": p.title or name, "terms": dict(p.terms), "utilities": _utilities(scenario, p),
              "labels": {i.id: option_label(scenario, i.id, p.option(i.id)) for i in scenario.issues}}
             for name, p in room.opening.game.presets.items()]
    return {
        "class": room.record.id,
        "scenario": scenario.id,
        "title": scenario.title,
        "ended": room.ended,
        "issues": [{"id": i.id, "title": i.title} for i in scenario.issues],
        "parties": [{"id": p.id, "name": p.name, "role": p.role.value, "walk_away": p.walk_away} for p in scenario.parties],
        "tables": tables,
        "nash": nash,
        "plans": plans,
        "chart": _chart(scenario, tables, nash, plans),
    }

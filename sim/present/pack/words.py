"""Numbers a student should not see, said in words: how much an issue matters, how much of what a
party wants it needs, how it ranks an issue's options."""

from __future__ import annotations

from typing import Any

from sim.model.plain import citation_dict, with_source_titles
from sim.model import Scenario
from sim.model.scenario import Party, RedLine


def importance(weight: float, top: float) -> str:
    share = weight / top if top else 0.0
    if share >= 0.8:
        return "matters most"
    if share >= 0.5:
        return "matters a great deal"
    if share >= 0.25:
        return "matters"
    return "matters little"


def walk_away_words(level: float) -> str:
    if level >= 75:
        return "You need nearly everything you want: you can give way only at the margins."
    if level >= 60:
        return "You need clearly more than half of what you want: concede on small things, hold on the big ones."
    if level >= 45:
        return "You can settle for about half of what you want, if the other half is worth it."
    if level >= 30:
        return "You can accept a good deal less than half of what you want, for an agreement that holds."
    return "You can accept very little, as long as the agreement ends the fighting and crosses none of your red lines."


def _labels(scenario: Scenario, issue_id: str, option_ids: list[str]) -> str:
    issue = scenario.issue(issue_id)
    return ", ".join(issue.option(o).label for o in option_ids)


def priorities(scenario: Scenario, party: Party) -> list[dict[str, Any]]:
    """The issues the party cares about, the most important first, each in words."""
    top = max((p.weight for p in party.preferences.values()), default=0.0)
    found = []
    for issue_id, preference in sorted(party.preferences.items(), key=lambda item: -item[1].weight):
        if preference.weight <= 0:
            continue
        values = preference.values
        best = [o for o, v in values.items() if v == max(values.values())]
        worst = [o for o, v in values.items() if v == min(values.values()) and o not in best]
        middle = [o for o, v in values.items() if o not in best and o not in worst and v >= 50]
        high = max(values.values())
        leaving_open = ("leaving it open suits you" if preference.open >= high * 0.8 else
                        "leaving it open is bearable" if preference.open >= 40 else "leaving it open does you no good")
        found.append({"issue": issue_id, "title": scenario.issue(issue_id).title,
                      "importance": importance(preference.weight, top),
                      "best": _labels(scenario, issue_id, best), "bearable": _labels(scenario, issue_id, middle),
                      "worst": _labels(scenario, issue_id, worst), "open": leaving_open})
    return found


def red_line(scenario: Scenario, line: RedLine) -> dict[str, Any]:
    dislike = ("You dislike this strongly" if line.penalty >= 20 else "You dislike this" if line.penalty >= 10
               else "You would rather avoid this")
    return {"statement": line.statement, "hard": line.hard, "penalty": line.penalty, "note": with_source_titles(scenario, line.note), "dislike": dislike,
            "sources": [citation_dict(scenario, c) for c in line.citations],
            "inferred": all(c.confidence.value == "low" for c in line.citations)}

"""Analysis results as plain data: the JSON of `redlines analyze --json` and `redlines suggest --json`."""

from __future__ import annotations

from typing import Any, Sequence

from sim.analysis.results import Analysis, Obstacle, Point, Relaxation, Suggestion
from sim.model import Scenario


def _number(value: float) -> float:
    return round(value, 4)


def point_dict(point: Point | None) -> dict[str, Any] | None:
    if point is None:
        return None
    return {
        "terms": dict(point.proposal.terms),
        "utilities": {party: _number(u) for party, u in point.utilities.items()},
        "nash_product": _number(point.nash_product),
    }


def relaxation_dict(relaxation: Relaxation) -> dict[str, Any]:
    return {
        "red_line": relaxation.red_line,
        "party": relaxation.party,
        "zopa_size_if_relaxed": relaxation.zopa_size_if_relaxed,
        "deal_if_relaxed": relaxation.deal_if_relaxed,
        "relaxed": relaxation.relaxed,
        "hard": relaxation.hard,
        "gap_if_relaxed": None if relaxation.gap_if_relaxed is None else _number(relaxation.gap_if_relaxed),
        "exact": relaxation.exact,
    }


def obstacle_dict(obstacle: Obstacle) -> dict[str, Any]:
    return {"parties": list(obstacle.parties), "message": obstacle.message}


def analysis_dict(scenario: Scenario, analysis: Analysis, title: str = "") -> dict[str, Any]:
    """The keys that matter most come first: zopa_size, nash, frontier_size, blocking."""
    return {
        "zopa_size": analysis.zopa_size,
        "nash": point_dict(analysis.nash),
        "frontier_size": analysis.frontier_size,
        "blocking": [relaxation_dict(r) for r in analysis.blocking],
        "deal_exists": analysis.deal_exists,
        "exact": analysis.exact,
        "zopa_error": _number(analysis.zopa_error),
        "space_size": analysis.space_size,
        "egalitarian": point_dict(analysis.egalitarian),
        "obstacles": [obstacle_dict(o) for o in analysis.obstacles],
        "gap": None if analysis.gap is None else _number(analysis.gap),
        "best_effort": point_dict(analysis.best_effort),
        "scenario": scenario.id,
        "what_if": title,
        "principals": [p.id for p in scenario.principals],
        "walk_away": {p.id: p.walk_away for p in scenario.parties},
        "frontier": [point_dict(p) for p in analysis.frontier],
        "kind": kind_dict(scenario),
        "as_of": scenario.as_of.isoformat(),
    }


def kind_dict(scenario: Scenario, inferred: bool = False, problems=()) -> dict[str, Any]:
    """The kind of agreement a scenario was resolved for (the analysis is always about one)."""
    kind = scenario.agreement_kind(scenario.kind) if scenario.kind else scenario.fullest_kind
    return {"id": kind.id, "title": kind.title, "settles": list(kind.settles), "leaves": list(kind.leaves),
            "ends_fighting": kind.ends_fighting, "inferred": inferred, "problems": list(problems)}


def suggestion_dict(
    scenario: Scenario,
    draft_terms: dict,
    parties: Sequence[str],
    suggestion: Suggestion | None,
    obstacles: Sequence[Obstacle] = (),
) -> dict[str, Any]:
    found = None
    if suggestion is not None:
        found = {
            "terms": dict(suggestion.proposal.terms),
            "changes": [{"issue": c.issue, "before": c.before, "after": c.after} for c in suggestion.changes],
            "distance": suggestion.distance,
            "utilities": {party: _number(u) for party, u in suggestion.utilities.items()},
            "nash_product": _number(suggestion.nash_product),
        }
    return {
        "scenario": scenario.id,
        "draft": draft_terms,
        "parties": list(parties),
        "suggestion": found,
        "why_none": [obstacle_dict(o) for o in obstacles],
        "kind": kind_dict(scenario),
        "as_of": scenario.as_of.isoformat(),
    }

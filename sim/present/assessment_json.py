"""Assessments as plain data: the JSON of `redlines evaluate --json`."""

from __future__ import annotations

from typing import Any

from sim.engine.assess import Assessment, PartyAssessment, Violation
from sim.model import Scenario
from sim.model.plain import citation_dict, proposal_dict


def violation_dict(scenario: Scenario, violation: Violation) -> dict[str, Any]:
    return {
        "id": violation.id,
        "statement": violation.statement,
        "hard": violation.hard,
        "penalty": violation.penalty,
        "triggers": {issue: option for issue, option in violation.triggers},
        "note": violation.red_line.note,
        "sources": [citation_dict(scenario, c) for c in violation.citations],
    }


def party_dict(scenario: Scenario, result: PartyAssessment) -> dict[str, Any]:
    return {
        "id": result.party.id,
        "name": result.party.name,
        "role": result.party.role.value,
        "verdict": result.verdict.value,
        "utility": round(result.utility, 4),
        "base_utility": round(result.base_utility, 4),
        "walk_away": result.walk_away,
        "violations": [violation_dict(scenario, v) for v in result.violations],
        "penalties": [violation_dict(scenario, v) for v in result.penalties],
    }


def assessment_dict(scenario: Scenario, assessment: Assessment) -> dict[str, Any]:
    return {
        "scenario": scenario.id,
        "proposal": proposal_dict(assessment.proposal),
        "deal": assessment.deal,
        "blockers": list(assessment.blockers),
        "parties": [party_dict(scenario, r) for r in assessment.parties],
        "kind": kind_fit_dict(assessment),
        "as_of": assessment.as_of.isoformat() if assessment.as_of else scenario.as_of.isoformat(),
    }


def kind_fit_dict(assessment: Assessment) -> dict[str, Any] | None:
    """The kind the proposal was judged as, whether the engine inferred it, and why the text is
    not of that kind (empty when it is)."""
    fit = assessment.kind
    if fit is None:
        return None
    return {"id": fit.kind.id, "title": fit.kind.title, "settles": list(fit.kind.settles),
            "leaves": list(fit.kind.leaves), "ends_fighting": fit.kind.ends_fighting,
            "inferred": fit.inferred, "problems": list(fit.problems)}

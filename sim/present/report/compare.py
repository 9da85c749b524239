"""The final draft (and each signed agreement) against the best available: the Nash point, the
Pareto frontier and the scenario's own plans; and what blocked a deal.

Everything is judged against the scenario as it stood at the end of the game (events and levers
included), so the report agrees with the verdicts the player last heard.
"""

from __future__ import annotations

import re
from typing import Any

from sim.analysis import Analysis, analyze
from sim.analysis.relaxing import STEP
from sim.engine import Assessment, assess
from sim.model.plain import citation_dict, terms_text
from sim.engine.kinds import kind_of, kind_phrase
from sim.game import Agreement, GameState
from sim.game.effective import effective_scenario
from sim.model import Proposal, Scenario
from sim.present.report.story import terms_list

FRONTIER_IN_TABLE = 5  # the best frontier points a table lists (the chart draws them all)
FRONTIER_IN_CHART = 400  # enough to show its shape; more only thickens the line
BLOCKERS_LISTED = 6


def agreement_kind(state: GameState, agreement: Agreement) -> dict[str, Any]:
    """The kind of a signed agreement as the engine judged it: its id, its title and the words a
    report uses ("interim humanitarian agreement"). One signed while the fighting goes on is
    called interim even when its kind's title does not say so. An agreement from a state without
    the kind recorded is judged again, on every term signed up to it."""
    scenario = effective_scenario(state)
    if agreement.kind in scenario.kind_ids:
        kind = scenario.agreement_kind(agreement.kind)
    else:
        signed: dict[str, str] = {}
        for earlier in state.agreements[: state.agreements.index(agreement) + 1]:
            signed.update(earlier.terms)
        kind = kind_of(scenario, Proposal(scenario.id, signed)).kind
    words = kind_phrase(kind.title)
    if agreement.interim and "interim" not in words.lower():
        words = f"interim {words}"
    return {"id": kind.id, "title": kind.title, "words": words}


def _column(scenario: Scenario, key: str, title: str, proposal: Proposal, what: str) -> dict[str, Any]:
    result = assess(scenario, proposal)
    return {
        "key": key, "title": title, "what": what, "terms": terms_list(scenario, proposal),
        "deal": result.deal,
        "parties": [{"party": r.party.id, "name": r.party.name, "role": r.party.role.value, "verdict": r.verdict.value,
                     "utility": round(r.utility, 1), "walk_away": round(r.walk_away, 1)} for r in result.parties],
    }


def columns(state: GameState, analysis: Analysis) -> list[dict[str, Any]]:
    """The proposals compared, in reading order: the final draft, each agreement, the best
    available point, the scenario's plans."""
    scenario = effective_scenario(state)
    found = [_column(scenario, "final", "Your final draft", state.draft, "final")]
    for number, agreement in enumerate(state.agreements, start=1):
        kind = agreement_kind(state, agreement)
        words = kind["words"]
        proposal = Proposal(scenario.id, agreement.terms, title=f"{words[:1].upper()}{words[1:]} of {agreement.day:%d %b %Y}")
        column = _column(scenario, f"agreement{number}", proposal.title, proposal, "agreement")
        column["kind"] = words
        column["kind_id"] = kind["id"]
        found.append(column)
    if analysis.nash is not None:
        found.append(_column(scenario, "nash", "Nash point (best deal available)", analysis.nash.proposal, "nash"))
    elif analysis.best_effort is not None:
        found.append(_column(scenario, "closest", "Closest to a deal (none exists)", analysis.best_effort.proposal, "closest"))
    for name, preset in state.game.presets.items():
        found.append(_column(scenario, f"plan:{name}", preset.title or name, preset, "plan"))
    return found


def frontier(analysis: Analysis, scenario: Scenario) -> list[dict[str, Any]]:
    principals = [p.id for p in scenario.principals]
    points = analysis.frontier[:FRONTIER_IN_CHART]
    return [{"terms": dict(p.proposal.terms), "utilities": {k: round(p.utilities[k], 1) for k in principals},
             "nash_product": round(p.nash_product, 2)} for p in points]


def _violation(scenario: Scenario, violation) -> dict[str, Any]:
    return {"statement": violation.statement, "hard": violation.hard, "penalty": violation.penalty,
            "where": terms_text(scenario, violation.triggers), "note": violation.red_line.note,
            "sources": [citation_dict(scenario, c) for c in violation.citations]}


def plain_words(scenario: Scenario, message: str) -> str:
    """An analysis message with each `red_line_id` replaced by the red line's own statement: a
    report quotes what the party said, never an identifier."""
    statements = {line.id: line.statement.rstrip(".") for party in scenario.parties for line in party.red_lines}
    return re.sub(r"`([^`]+)`", lambda m: f"“{statements[m.group(1)]}”" if m.group(1) in statements else m.group(1), message)


def relaxation_words(scenario: Scenario, relaxation) -> str:
    name = scenario.party(relaxation.party).name
    if relaxation.red_line is not None:
        line = scenario.party(relaxation.party).red_line(relaxation.red_line)
        kind = "hard" if line.hard else "soft"
        return f"{name} drops its {kind} red line: {line.statement.rstrip('.')}"
    level = scenario.party(relaxation.party).walk_away
    return f"{name} settles for less (its walk-away level from {level:g} to {max(0.0, level - STEP):g})"


def blocked(state: GameState, analysis: Analysis) -> dict[str, Any]:
    """Why the final draft is not (or is) a deal, and what, relaxed, would open the most room."""
    scenario = effective_scenario(state)
    result: Assessment = assess(scenario, state.draft)
    parties = []
    for r in result.parties:
        if not r.party.principal:
            continue
        parties.append({"party": r.party.id, "name": r.party.name, "verdict": r.verdict.value,
                        "utility": round(r.utility, 1), "walk_away": round(r.walk_away, 1),
                        "short": round(max(0.0, r.walk_away - r.utility), 1),
                        "violations": [_violation(scenario, v) for v in r.violations],
                        "penalties": [_violation(scenario, v) for v in r.penalties]})
    relaxations = [{"party": r.party, "words": relaxation_words(scenario, r), "hard": r.hard,
                    "deal_if_relaxed": r.deal_if_relaxed, "room_if_relaxed": r.zopa_size_if_relaxed}
                   for r in analysis.blocking[:BLOCKERS_LISTED] if r.zopa_size_if_relaxed > 0 or r.deal_if_relaxed]
    return {"deal": result.deal, "deal_exists": analysis.deal_exists, "room": analysis.zopa_size,
            "space": analysis.space_size, "gap": None if analysis.gap is None else round(analysis.gap, 1),
            "parties": parties, "obstacles": [plain_words(scenario, o.message) for o in analysis.obstacles], "relaxations": relaxations}


def compare(state: GameState) -> dict[str, Any]:
    scenario = effective_scenario(state)
    analysis = analyze(scenario)
    cols = columns(state, analysis)
    front = frontier(analysis, scenario)
    return {"columns": cols, "frontier": front, "frontier_size": analysis.frontier_size, "exact": analysis.exact,
            "nash": None if analysis.nash is None else dict(analysis.nash.proposal.terms),
            "blocked": blocked(state, analysis)}

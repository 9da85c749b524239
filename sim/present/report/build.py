"""A played game as one plain-data report: the JSON report itself, and what both documents render.

The shape is documented in README ("The JSON report") and kept stable for grading scripts: keys are
only ever added, and ``version`` changes when one changes meaning.
"""

from __future__ import annotations

from typing import Any

from sim.game import GameState, score
from sim.present.game_report import score_dict
from sim.present.report.compare import agreement_kind, compare
from sim.present.report.story import balance, retell, terms_list

FORMAT = "redlines-report"
VERSION = 1

# Asked of every game, after the scenario's own questions.
GENERAL_QUESTIONS = (
    "Which red line shaped the outcome most, and was it stated by the party itself or inferred by others?",
    "Where did you concede, and to whom? Would you make the same concessions again?",
    "How far was your final draft from the best deal available (or from the closest to one), and why?",
    "What did a party's counter-proposal tell you that its public position did not?",
)


def questions(state: GameState) -> list[str]:
    return [*state.scenario.teaching.questions, *GENERAL_QUESTIONS]


def build_report(state: GameState) -> dict[str, Any]:
    scenario = state.scenario
    told = retell(state)
    result = score(state)
    return {
        "format": FORMAT,
        "version": VERSION,
        "scenario": {"id": scenario.id, "title": scenario.title, "as_of": scenario.as_of.isoformat()},
        "game": {"difficulty": state.game.difficulty.value, "seed": state.game.seed,
                 "start": state.setup.start.isoformat(), "deadline": state.setup.deadline.isoformat(),
                 "day": state.day.isoformat(), "days_used": state.days_used, "status": state.status.value,
                 "ending": state.ending, "actions": len(state.log)},
        "parties": [{"id": p.id, "name": p.name, "role": p.role.value} for p in scenario.parties],
        "story": told["story"],
        "concessions": told["concessions"],
        "balance": balance(state, told["opening"]),
        "final_draft": {"title": state.draft.title, "terms": terms_list(scenario, state.draft)},
        "agreements": [{"day": a.day.isoformat(), **_kind(state, a),
                        "terms": [t for t in terms_list(scenario, _proposal(state, a)) if t["option"] is not None],
                        "signatories": list(a.signatories)} for a in state.agreements],
        "comparison": compare(state),
        "score": score_dict(result),
        "questions": questions(state),
    }


def _kind(state: GameState, agreement) -> dict[str, Any]:
    """``kind``: the kind in words; ``kind_id``: the scenario's id for it; ``interim``: signed while
    the game went on (the fighting does not end)."""
    kind = agreement_kind(state, agreement)
    return {"kind": kind["words"], "kind_id": kind["id"], "kind_title": kind["title"], "interim": agreement.interim}


def _proposal(state: GameState, agreement):
    from sim.model import Proposal

    return Proposal(state.scenario.id, agreement.terms)

"""A game as plain data: the snapshot inside a save (a replay is checked against it), also printed by
`redlines play --json`. The save format, so it lives with the game."""

from __future__ import annotations

from typing import Any

from sim.game.state import Agreement, FeedItem, GameState, PartyState
from sim.model import Proposal, Scenario
from sim.model.plain import citation_dict, proposal_dict


def _proposal(proposal: Proposal | None) -> dict[str, Any] | None:
    return None if proposal is None else proposal_dict(proposal)


def _party(party: PartyState) -> dict[str, Any]:
    return {
        "id": party.id,
        "trust": party.trust,
        "patience": party.patience,
        "pressure": party.pressure,
        "present": party.present,
        "out_since": party.out_since.isoformat() if party.out_since else None,
        "last_met": party.last_met.isoformat() if party.last_met else None,
        "consultations": party.consultations,
        "revealed": list(party.revealed),
        "heard": _proposal(party.heard),
        "verdict": party.verdict.value if party.verdict else None,
        "counter": _proposal(party.counter),
    }


def _agreement(agreement: Agreement) -> dict[str, Any]:
    return {
        "day": agreement.day.isoformat(),
        "kind": "interim" if agreement.interim else "deal",
        "terms": dict(agreement.terms),
        "signatories": list(agreement.signatories),
    }


def feed_dict(scenario: Scenario, item: FeedItem) -> dict[str, Any]:
    return {
        "day": item.day.isoformat(),
        "kind": item.kind.value,
        "text": item.text,
        "party": item.party or None,
        "event": item.event or None,
        "sources": [citation_dict(scenario, c) for c in item.citations],
    }


def state_dict(state: GameState) -> dict[str, Any]:
    """Everything that changes during a game (what does not change is named, not copied)."""
    return {
        "scenario": state.scenario.id,
        "difficulty": state.game.difficulty.value,
        "seed": state.game.seed,
        "day": state.day.isoformat(),
        "deadline": state.setup.deadline.isoformat(),
        "status": state.status.value,
        "ending": state.ending,
        "venue": state.venue,
        "draft": _proposal(state.draft),
        "parties": [_party(p) for p in state.parties],
        "agreements": [_agreement(a) for a in state.agreements],
        "fired": list(state.fired),
        "lever_uses": dict(state.lever_uses),
        "tabled_presets": list(state.tabled_presets),
        "draws": state.draws,
        "start_gap": state.start_gap,
        "best_gap": state.best_gap,
        "log": [{"day": entry.day.isoformat(), "action": entry.line} for entry in state.log],
        "feed": [feed_dict(state.scenario, item) for item in state.feed],
    }

"""Trades in words a mediator reads: "Ukraine would have to accept X, while Russia would have to Y"."""

from __future__ import annotations

from sim.analysis.trades import SOFTEN_PENALTY, STEP, Move, Trade
from sim.model.plain import option_label
from sim.model import Scenario


def _points(value: float) -> str:
    return f"{value:g}" if abs(value - round(value, 1)) < 1e-9 else f"{value:.1f}"


def _terms(scenario: Scenario, trade: Trade, issues: tuple[str, ...]) -> str:
    proposal = trade.deal.proposal
    return "; ".join(f"{scenario.issue(i).title}: {option_label(scenario, i, proposal.option(i))}" for i in issues)


def move_words(scenario: Scenario, trade: Trade, move: Move, step: float = STEP,
               soften_penalty: float = SOFTEN_PENALTY) -> str:
    party = scenario.party(move.party)
    if move.action == "walk_away":
        lowered = max(0.0, party.walk_away - step * move.steps)
        return (f"settle for {trade.deal.utilities[party.id]:.1f} points, below its walk-away level of "
                f"{_points(party.walk_away)} (lowered to {_points(lowered)})")
    line = party.red_line(move.red_line)
    terms = _terms(scenario, trade, line.issues)
    if move.action == "soften":
        return (f"accept {terms} at a cost (\u201c{line.statement}\u201d becomes a {soften_penalty:g}-point "
                "penalty, not a veto)")
    return f"accept {terms} (giving up \u201c{line.statement}\u201d)"


def trade_words(scenario: Scenario, trade: Trade) -> str:
    """One sentence per trade, party by party in the order of its moves."""
    by_party: dict[str, list[str]] = {}
    for move in trade.moves:
        by_party.setdefault(move.party, []).append(move_words(scenario, trade, move))
    clauses = [f"{scenario.party(p).name} would have to " + " and ".join(words) for p, words in by_party.items()]
    return ", while ".join(clauses) + "."


def move_summary(scenario: Scenario, move: Move, step: float = STEP) -> str:
    """A move in a few words, for tables and charts: "drop `x`", "soften `x`", "walk-away 72 -> 62"."""
    if move.action == "walk_away":
        wa = scenario.party(move.party).walk_away
        return f"walk-away {_points(wa)} -> {_points(max(0.0, wa - step * move.steps))}"
    return f"{move.action} `{move.red_line}`"

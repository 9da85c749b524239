"""Robustness and trades for the app: the figures the analysis screen and the debrief show.

Computed in the screens' worker threads with fewer calibrations than the command line (a screen
should answer in about a second); the words come from `sim.present.trade_words`.
"""

from __future__ import annotations

from attrs import evolve

from sim.analysis.robust_analysis import AnalysisRobustness, analysis_robustness
from sim.analysis.robustness import verdict_robustness
from sim.present.trade_words import move_summary, trade_words
from sim.analysis.trades import MAX_MOVES, Trades, find_trades
from sim.model import Proposal, Scenario
from sim.present import cards as present, plot
from sim.present.markdown import escape as _escape
from sim.record import frozen

SAMPLES = 40  # calibrations in the app; `redlines analyze --robust` takes 200
SHOWN = 3  # trades shown


@frozen
class Solidity:
    trades: Trades | None  # None when a deal exists
    robust: AnalysisRobustness


def solidity(scenario: Scenario, deal_exists: bool) -> Solidity:
    trades = None if deal_exists else find_trades(scenario)
    return Solidity(trades, analysis_robustness(scenario, samples=SAMPLES))


def robustness_rows(found: AnalysisRobustness) -> list[tuple[str, int, bool]]:
    """(label, percent, whether it is a deal share) for a bar chart."""
    rows = []
    for variant in found.variants:
        rows.append((f"deal exists, {variant.name}", round(100 * variant.deal_share), variant.deal_share > 0))
        if variant.deal:
            rows.append((f"same Nash text, {variant.name}", round(100 * variant.nash_same), True))
    return rows


def trades_summary(scenario: Scenario, trades: Trades | None) -> list[str]:
    if trades is None or trades.deal_exists:
        return []
    if trades.size is None:
        return [f"No set of up to {MAX_MOVES} moves (dropping or softening a red line, lowering a walk-away level a "
                "step) opens a deal" + ("." if trades.complete else "; the search was cut short.")]
    out = [f"The smallest trades that open a deal ({trades.size} move{'s' if trades.size != 1 else ''} each):"]
    for trade in trades.trades[:SHOWN]:
        out.append(trade_words(scenario, trade))
    return out


def asks_rows(scenario: Scenario, trades: Trades | None) -> list[tuple[str, int, bool]]:
    """What the best trade asks of each party, for a bar chart (dropping a hard line counts two)."""
    if trades is None or not trades.trades:
        return []
    best = trades.trades[0]
    return [(f"{scenario.party(p).name}: " + ", ".join(move_summary(scenario, m) for m in best.moves if m.party == p),
             ask, True) for p, ask in best.asks.items()]


def solidity_markdown(scenario: Scenario, found: Solidity) -> str:
    lines = [f"Across {found.robust.samples} calibrations of the scenario's numbers within their ranges:", ""]
    chart = []
    for label, percent, _ in robustness_rows(found.robust):
        chart.append(f"{label[:44]:<44} {percent:>3}% {plot.bar(percent, 100, 20, False)}")
    lines.append("```\n" + "\n".join(chart) + "\n```")
    words = trades_summary(scenario, found.trades)
    if words:
        lines.append("")
        lines.append(_escape(words[0]))
        lines += [f"- {_escape(w)}" for w in words[1:]]
    return "\n".join(lines)


CARD_SAMPLES = 200  # calibrations behind a card's "fragile" note: a few milliseconds per draft


def with_fragility(scenario: Scenario, draft: Proposal, cards: list[present.CardData]) -> list[present.CardData]:
    """Cards whose verdict does not survive the scenario's uncertainty say so, and how often it holds."""
    found = {p.party: p for p in verdict_robustness(scenario, draft, samples=CARD_SAMPLES).parties}
    out = []
    for card in cards:
        robust = found.get(card.party_id)
        if robust is not None and robust.fragile and not card.note:
            card = evolve(card, note=f"fragile: this verdict holds in {100 * robust.holds:.0f}% of calibrations")
        out.append(card)
    return out

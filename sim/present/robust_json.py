"""Robustness and trades as plain data: the JSON of `evaluate --robust` and `analyze --robust`, and
the ``trades`` key of `analyze --json` (documented in the README)."""

from __future__ import annotations

from typing import Any

from sim.present.analysis_json import point_dict
from sim.analysis.robust_analysis import AnalysisRobustness
from sim.analysis.robustness import VerdictRobustness
from sim.present.trade_words import trade_words
from sim.analysis.trades import Trades
from sim.model import Scenario


def _n(value: float) -> float:
    return round(value, 4)


def verdict_robustness_dict(scenario: Scenario, found: VerdictRobustness) -> dict[str, Any]:
    return {
        "scenario": scenario.id,
        "proposal": {"title": found.proposal.title, "terms": dict(found.proposal.terms)},
        "samples": found.samples,
        "seed": found.seed,
        "deal": found.deal,
        "deal_share": _n(found.deal_share),
        "deal_without_low": found.deal_without_low,
        "deal_without_medium": found.deal_without_medium,
        "parties": [
            {
                "id": p.party,
                "verdict": p.verdict.value,
                "holds": _n(p.holds),
                "fragile": p.fragile,
                "verdicts": dict(p.verdicts),
                "margin": {"p5": _n(p.margin[0]), "median": _n(p.margin[1]), "p95": _n(p.margin[2])},
                "sensitive": [
                    {"number": s.number, "low": _n(s.low), "high": _n(s.high), "margin_low": _n(s.margin_low),
                     "margin_high": _n(s.margin_high), "flips": s.flips}
                    for s in p.sensitive
                ],
                "without_low": p.without_low.value,
                "without_medium": p.without_medium.value,
            }
            for p in found.parties
        ],
    }


def analysis_robustness_dict(scenario: Scenario, found: AnalysisRobustness) -> dict[str, Any]:
    return {
        "scenario": scenario.id,
        "samples": found.samples,
        "seed": found.seed,
        "variants": [
            {
                "name": v.name,
                "deal": v.deal,
                "nash": None if v.nash is None else dict(v.nash),
                "deal_share": _n(v.deal_share),
                "nash_same": _n(v.nash_same),
                "nash_modes": [{"terms": dict(m.terms), "count": m.count} for m in v.modes],
                "utility_spread": {party: {"p5": _n(a), "median": _n(b), "p95": _n(c)}
                                   for party, (a, b, c) in v.spread.items()},
                "exact_checks": v.exact_checks,
            }
            for v in found.variants
        ],
    }


def trades_dict(scenario: Scenario, found: Trades) -> dict[str, Any]:
    return {
        "deal_exists": found.deal_exists,
        "size": found.size,
        "complete": found.complete,
        "checked": found.checked,
        "exact_checks": found.exact_checks,
        "trades": [
            {
                "moves": [{"party": m.party, "action": m.action, "red_line": m.red_line, "steps": m.steps}
                          for m in t.moves],
                "asks": dict(t.asks),
                "confidence": t.confidence,
                "words": trade_words(scenario, t),
                "deal": point_dict(t.deal),
            }
            for t in found.trades
        ],
    }

"""Plain-text rendering of robustness (evaluate/analyze --robust) and of trades (analyze)."""

from __future__ import annotations

from sim.analysis.robust_analysis import AnalysisRobustness
from sim.analysis.robustness import VerdictRobustness
from sim.present.trade_words import move_summary, trade_words
from sim.analysis.trades import MAX_MOVES, Trades
from sim.present.analysis_text import _terms
from sim.present.text import table, wrap
from sim.model import Proposal, Scenario

BAR = 20  # characters of a full bar


def bar(share: float) -> str:
    filled = round(max(0.0, min(1.0, share)) * BAR)
    return "#" * filled + "." * (BAR - filled)


def _number(scenario: Scenario, number: str) -> str:
    kind, _, issue = number.partition(":")
    if kind == "walk_away":
        return "walk-away level"
    return f"{'weight' if kind == 'weight' else 'value'} of {scenario.issue(issue).title}"


def render_verdict_robustness(scenario: Scenario, found: VerdictRobustness) -> str:
    out = [f"Robustness of: {found.proposal.title or '(untitled)'}    scenario: {scenario.id}",
           f"{found.samples:,} calibrations within the scenario's ranges (seed {found.seed}).", ""]
    rows = [["Party", "Verdict", "Holds", "", "Margin p5 / median / p95", "No low", "No low/medium"]]
    for p in found.parties:
        name = scenario.party(p.party).name
        rows.append([name, p.verdict.value, f"{100 * p.holds:.1f}%", bar(p.holds),
                     " / ".join(f"{m:+.1f}" for m in p.margin), p.without_low.value, p.without_medium.value])
    out.append(table(rows, right={2}))
    out.append("")
    deal = "yes" if found.deal else "no"
    out.append(wrap(f"Deal as written: {deal}; in {100 * found.deal_share:.1f}% of calibrations. With every "
                    f"low-confidence red line set aside: {'yes' if found.deal_without_low else 'no'}; with "
                    f"medium ones set aside too: {'yes' if found.deal_without_medium else 'no'}.", ""))
    for p in found.parties:
        name = scenario.party(p.party).name
        if not p.sensitive:
            if scenario.party(p.party).red_lines and p.verdict.value == "reject":
                out.append(wrap(f"{name}: a hard red line decides the verdict; no calibration moves it.", ""))
            continue
        out.append(f"{name}{' (FRAGILE)' if p.fragile else ''}: most sensitive to")
        for s in p.sensitive:
            flip = "  <- alone flips the verdict" if s.flips else ""
            out.append(wrap(f"{_number(scenario, s.number)} {s.low:.4g}..{s.high:.4g}: margin "
                            f"{s.margin_low:+.1f} .. {s.margin_high:+.1f}{flip}", "  "))
    return "\n".join(out)


def render_analysis_robustness(scenario: Scenario, found: AnalysisRobustness) -> str:
    out = ["", f"Robustness: {found.samples:,} calibrations within the scenario's ranges (seed {found.seed})"]
    for v in found.variants:
        out.append(f"- {v.name}: a deal exists in {100 * v.deal_share:.1f}% {bar(v.deal_share)}")
        if v.deal:
            out.append(f"  the Nash point stays the same text in {100 * v.nash_same:.1f}% {bar(v.nash_same)}")
        if v.spread:
            out.append("  utilities at the Nash point (p5 / median / p95): " + "; ".join(
                f"{scenario.party(p).name} {a:.1f} / {b:.1f} / {c:.1f}" for p, (a, b, c) in v.spread.items()))
        if len(v.modes) > 1:
            out.append(f"  {len(v.modes)} most common Nash points: " + ", ".join(str(m.count) for m in v.modes)
                       + " calibrations")
    return "\n".join(out)


def render_trades(scenario: Scenario, found: Trades, top: int = 5) -> list[str]:
    if found.deal_exists:
        return []
    out = [""]
    if found.size is None:
        out.append(wrap(f"Trades: no set of up to {MAX_MOVES} moves (dropping or softening a red line, lowering a "
                        "walk-away level a step) opens a deal" + ("." if found.complete else
                        "; the search was cut short, so one may exist."), ""))
        return out
    count = len(found.trades)
    out.append(wrap(f"Trades: {count} smallest set{'s' if count != 1 else ''} of {found.size} move"
                    f"{'s' if found.size != 1 else ''} that open a deal, the least asked first"
                    + ("" if found.complete else " (search cut short: others may exist)") + ":", ""))
    for rank, trade in enumerate(found.trades[:top], 1):
        moves = "; ".join(f"{scenario.party(m.party).name}: {move_summary(scenario, m)}" for m in trade.moves)
        out.append(wrap(f"{rank}. {moves}", "  ").replace("  ", "", 1))
        out.append(wrap(trade_words(scenario, trade), "     "))
        out.append("     The deal it opens:")
        out += _terms(scenario, trade.deal.proposal, "       ")
    if count > top:
        out.append(f"({count - top} more with --json)")
    return out


def proposal_title(proposal: Proposal) -> str:
    return proposal.title or "(untitled)"

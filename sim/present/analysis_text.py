"""Plain-text rendering of analyses and suggestions."""

from __future__ import annotations

import textwrap
from typing import Mapping, Sequence

from sim.analysis.results import Analysis, Obstacle, Point, Suggestion
from sim.model.plain import option_label, party_names, terms_text
from sim.present.text import table, wrap
from sim.model import Proposal, Scenario


def _terms(scenario: Scenario, proposal: Proposal, indent: str = "  ") -> list[str]:
    lines = [f"{indent}{issue.title}: {option_label(scenario, issue.id, proposal.option(issue.id))}"
             for issue in scenario.issues if proposal.option(issue.id) is not None]
    left_open = [issue.title for issue in scenario.issues if proposal.option(issue.id) is None]
    if left_open:
        lines.append(wrap("left open: " + "; ".join(left_open), indent))
    return lines


def _utility_table(scenario: Scenario, utilities: Mapping[str, float], levels: Mapping[str, float] | None = None) -> str:
    rows = [["Party", "Role", "Utility", "Needs", "Margin"]]
    for party in scenario.parties:
        level = (levels or {}).get(party.id, party.walk_away)
        margin = utilities[party.id] - level
        rows.append([party.name, party.role.value, f"{utilities[party.id]:.1f}", f"{level:.1f}", f"{margin:+.1f}"])
    return "\n".join("  " + line for line in table(rows, right={2, 3, 4}).splitlines())


def _fixed_lines(scenario: Scenario, fixed: Mapping[str, str | None]) -> list[str]:
    return [wrap("Fixed terms: " + terms_text(scenario, fixed.items()), "")] if fixed else []


def _point(scenario: Scenario, heading: str, point: Point) -> list[str]:
    return [heading, *_terms(scenario, point.proposal), "", _utility_table(scenario, point.utilities)]


def _share(part: int, whole: int) -> str:
    share = 100 * part / whole if whole else 0
    return f"{share:.2g}%" if share < 1 else f"{share:.1f}%"


def kind_title(scenario: Scenario) -> str:
    from sim.engine.kinds import kind_phrase

    kind = scenario.agreement_kind(scenario.kind) if scenario.kind else scenario.fullest_kind
    return kind_phrase(kind.title)


def _kind_lines(scenario: Scenario) -> list[str]:
    kind = scenario.agreement_kind(scenario.kind) if scenario.kind else scenario.fullest_kind
    if not scenario.kinds:
        return [f"Positions as of {scenario.as_of}."]
    titles = lambda ids: ", ".join(scenario.issue(i).title for i in ids) or "nothing"  # noqa: E731 - one line
    leaves = f"; it leaves alone {titles(kind.leaves)}" if kind.leaves else ""
    return [wrap(f"Kind of agreement: {kind.title} ({kind.id}); it must settle {titles(kind.settles)}{leaves}. "
                 f"Positions as of {scenario.as_of}.", "")]


def _other_kinds(scenario: Scenario, analysis: Analysis, others: Mapping[str, bool]) -> list[str]:
    """``An interim deal exists; no settlement exists.``: a deal is always a deal of a kind."""
    if not others:
        return []
    from sim.engine.kinds import kind_phrase

    def says(kind_id: str, exists: bool) -> str:
        title = scenario.agreement_kind(kind_id).title
        phrase = kind_phrase(title, True)
        noun = "" if phrase.split()[-1] in ("agreement", "deal", "settlement", "accord") else " deal"
        return f"{phrase}{noun} exists" if exists else f"no {kind_phrase(title)} exists"
    parts = [says(k, e) for k, e in others.items()] + [says(scenario.kind, analysis.deal_exists)]
    text = "; ".join(parts)
    return [wrap(text[0].upper() + text[1:] + ".", "")]


def render_analysis(scenario: Scenario, analysis: Analysis, title: str = "", fixed=None, top: int = 10,
                    others: Mapping[str, bool] | None = None) -> str:
    out = [f"{scenario.title} ({scenario.id})"]
    out += _kind_lines(scenario)
    out += _other_kinds(scenario, analysis, others or {})
    if title:  # flags like --walk-away must not break at their hyphens
        out.append(textwrap.fill(f"What if: {title}", 96, break_on_hyphens=False, break_long_words=False))
    out += _fixed_lines(scenario, fixed or {})
    out.append("")
    out.append(f"Proposals the scenario allows: {analysis.space_size:,} (every issue settled one way or left open)")
    principals = [p.id for p in scenario.principals]
    if analysis.deal_exists:
        about = "" if analysis.exact else f" (estimated, +/- {analysis.zopa_error:,.0f})"
        out.append(f"Zone of possible agreement: {analysis.zopa_size:,} proposals every principal accepts"
                   f"{about}, {_share(analysis.zopa_size, analysis.space_size)} of them.")
        out.append("")
        out += _point(scenario, "Nash bargaining point (the largest product of the principals' gains over their "
                      "walk-away levels):", analysis.nash)
        out.append("")
        if analysis.egalitarian.proposal.terms == analysis.nash.proposal.terms:
            out.append("Egalitarian point (the largest smallest gain): the same proposal.")
        else:
            out += _point(scenario, "Egalitarian point (the largest smallest gain):", analysis.egalitarian)
        estimate = "" if analysis.exact else " (estimated from a sample)"
        out.append(f"Pareto frontier: {analysis.frontier_size:,} deals{estimate} that no other deal beats for "
                   "every principal.")
    else:
        what = "deal" if not scenario.kinds else kind_title(scenario)
        out.append(wrap(f"No {what}: no proposal of this kind is accepted by {party_names(scenario, principals)} "
                        "together." if scenario.kinds else
                        f"No deal: no proposal is accepted by {party_names(scenario, principals)} together.", ""))
        if analysis.obstacles:
            out.append("Why:")
            out += [wrap(f"- {o.message}", "  ").replace("  - ", "- ", 1) for o in analysis.obstacles]
        if analysis.best_effort is not None:
            out.append("")
            out += _point(scenario, wrap(
                f"Closest to a deal: within every principal's hard red lines, the best proposal still leaves "
                f"the least satisfied principal {analysis.gap:.1f} points short of its walk-away level:", ""),
                analysis.best_effort)
    out.append("")
    out += _blocking(scenario, analysis, top)
    return "\n".join(out)


def _blocking(scenario: Scenario, analysis: Analysis, top: int) -> list[str]:
    relaxations = analysis.blocking[:top]
    if not relaxations:
        return ["What blocks a deal: nothing to relax (no principal has red lines or a walk-away level above 0)."]
    opening = any(r.deal_if_relaxed for r in analysis.blocking)
    if analysis.deal_exists:
        out = ["What limits the zone: one relaxation at a time, the most room first"]
    elif opening:
        out = ["What blocks a deal: one relaxation at a time; those that open a deal first"]
    else:
        out = [wrap("What blocks a deal: no single relaxation opens one; ranked by how far each closes the gap", "")]
    rows = [["#", "Party", "Relaxation", "ZOPA if relaxed", "Change" if analysis.deal_exists else "Gap if relaxed"]]
    for rank, r in enumerate(relaxations, 1):
        if analysis.deal_exists:
            last = f"{r.zopa_size_if_relaxed - analysis.zopa_size:+,}"
        else:
            if r.gap_if_relaxed is None:
                last = "none (hard lines clash)"
            elif analysis.gap is not None and abs(r.gap_if_relaxed - analysis.gap) < 1e-9:
                last = f"{r.gap_if_relaxed:.1f} (same)"
            else:
                last = f"{r.gap_if_relaxed:.1f}"
        size = f"{r.zopa_size_if_relaxed:,}" + ("" if r.exact else " (est.)")
        rows.append([str(rank), scenario.party(r.party).name, r.relaxed, size, last])
    out += ["  " + line for line in table(rows, right={0, 3, 4}).splitlines()]
    statements = [r for r in relaxations if r.red_line is not None]
    if statements:
        out.append("")
        out.append("The red lines above:")
        seen = set()
        for r in statements:
            if (r.party, r.red_line) in seen:
                continue
            seen.add((r.party, r.red_line))
            line = scenario.party(r.party).red_line(r.red_line)
            out.append(wrap(f"`{r.red_line}` ({scenario.party(r.party).name}): {line.statement}", "  "))
    if len(analysis.blocking) > top:
        out.append(f"({len(analysis.blocking) - top} more with --top {len(analysis.blocking)}, or all with --json)")
    return out


def render_suggestion(
    scenario: Scenario,
    draft: Proposal,
    parties: Sequence[str],
    levels: Mapping[str, float] | None,
    fixed: Mapping[str, str | None] | None,
    suggestion: Suggestion | None,
    obstacles: Sequence[Obstacle],
) -> str:
    who = party_names(scenario, parties)
    out = [f"Draft: {draft.title or '(untitled)'}    scenario: {scenario.id}"]
    out.append(wrap(f"Looking for the closest proposal acceptable to {who}.", ""))
    if levels:
        out.append(wrap("Asking for: " + "; ".join(f"{scenario.party(p).name} at least {v:g} points"
                                                   for p, v in levels.items()), ""))
    out += _fixed_lines(scenario, fixed or {})
    out.append("")
    if suggestion is None:
        out.append(wrap(f"None exists: no proposal is acceptable to {who}.", ""))
        if obstacles:
            out.append("Why:")
            out += [wrap(f"- {o.message}", "  ").replace("  - ", "- ", 1) for o in obstacles]
        return "\n".join(out)
    if not suggestion.changes:
        out.append(wrap(f"The draft itself is acceptable to {who}: nothing to change.", ""))
    else:
        count = len(suggestion.changes)
        out.append(f"{count} change{'s' if count != 1 else ''}:")
        for change in suggestion.changes:
            title = scenario.issue(change.issue).title
            before = option_label(scenario, change.issue, change.before)
            after = option_label(scenario, change.issue, change.after)
            out.append(wrap(f"{title}: {before} -> {after}", "  "))
        out.append("")
        out.append("The proposal then reads:")
        out += _terms(scenario, suggestion.proposal)
    out.append("")
    out.append(_utility_table(scenario, suggestion.utilities, levels))
    return "\n".join(out)

"""The debrief as Markdown: the outcome, the score's breakdown, the final draft against the Nash point
and the published plans, and the road there. Pure text, so a teacher's tests can read it too."""

from __future__ import annotations

from sim.analysis import Point
from sim.game import GameState, Score
from sim.model import Proposal
from sim.ui import game_text, present
from sim.ui.writing import _escape


def score_markdown(score: Score) -> str:
    rows = ["| part | points | of | why |", "|---|---:|---:|---|"]
    rows += [f"| {p.label} | {p.points:g} | {p.maximum:g} | {_escape(p.detail)} |" for p in score.parts]
    rows.append(f"| **Total** | **{score.total:g}** | {score.maximum:g} | |")
    return "\n".join(rows)


def matches(final: Proposal, other: Proposal, issues: tuple[str, ...]) -> int:
    return sum(final.option(i) == other.option(i) for i in issues)


def comparison_markdown(state: GameState, nash: Point | None) -> str:
    scenario = state.scenario
    final = state.draft
    issues = scenario.issue_ids
    columns = [("Nash point", nash.proposal)] if nash is not None else []
    lines = []
    if nash is None:
        lines.append("No deal exists under the red lines as they stood at the end, so there is no Nash point to compare with.")
    table = ["| issue | your final draft |" + "".join(f" {name} |" for name, _ in columns), "|---|---|" + "---|" * len(columns)]
    for issue in scenario.issues:
        mine = present.term_label(scenario, final, issue.id)
        others = "".join(
            f" {'**' if p.option(issue.id) != final.option(issue.id) else ''}{_escape(present.term_label(scenario, p, issue.id))}"
            f"{'**' if p.option(issue.id) != final.option(issue.id) else ''} |"
            for _, p in columns
        )
        table.append(f"| {_escape(issue.title)} | {_escape(mine)} |{others}")
    lines.append("\n".join(table))
    plans = [f"- **{_escape(p.title or name)}**: the same on {matches(final, p, issues)} of {len(issues)} issues"
             for name, p in state.game.presets.items()]
    if plans:
        lines.append("Against the published plans:\n\n" + "\n".join(plans))
    return "\n\n".join(lines)


def road_markdown(state: GameState) -> str:
    moves = [f"- {entry.day.strftime('%d %b')}: `{entry.line}`" for entry in state.log if not entry.line.startswith(("set ", "open "))]
    revisions = sum(1 for entry in state.log if entry.line.startswith(("set ", "open ")))
    out = ["\n".join(moves) or "No moves."]
    if revisions:
        out.append(f"…and {revisions} revision{'s' if revisions != 1 else ''} of the draft along the way.")
    key = [item for item in state.feed if item.kind.value in ("answer", "signing", "walkout", "return", "end", "news")]
    if key:
        out.append("What happened:\n\n" + "\n".join(
            f"- {item.day.strftime('%d %b')} {game_text.FEED_MARK[item.kind]}: {_escape(item.text)}" for item in key))
    return "\n\n".join(out)


def debrief_markdown(state: GameState, score: Score, nash: Point | None, solidity: str = "") -> str:
    out = [f"# {game_text.ending_title(state)}"]
    if state.ending:
        out.append(_escape(state.ending))
    days = state.days_used
    out.append(f"{days} day{'s' if days != 1 else ''} used; {len(state.agreements)} agreement{'s' if len(state.agreements) != 1 else ''} signed.")
    out.append("## Score\n\n" + score_markdown(score))
    out.append("## Your final draft\n\n" + comparison_markdown(state, nash))
    if solidity:  # robustness and trades, when computed (sim.ui.robust_view)
        out.append("## How solid, and what would open a deal\n\n" + solidity)
    out.append("## The road there\n\n" + road_markdown(state))
    return "\n\n".join(out)

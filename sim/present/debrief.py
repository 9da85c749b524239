"""The debrief as Markdown: the outcome, the score's breakdown, the final draft against the Nash point
and the published plans, and the road there. Pure text, so a teacher's tests can read it too."""

from __future__ import annotations

import datetime as dt

from sim.analysis import Point
from sim.game import GameState, Score
from sim.model import Proposal
from sim.present import cards, play
from sim.present.markdown import escape


def score_markdown(score: Score) -> str:
    rows = ["| part | points | of | why |", "|---|---:|---:|---|"]
    rows += [f"| {p.label} | {p.points:g} | {p.maximum:g} | {escape(p.detail)} |" for p in score.parts]
    rows.append(f"| **Total** | **{score.total:g}** | {score.maximum:g} | |")
    return "\n".join(rows)


def running_score_markdown(state: GameState, score: Score) -> str:
    """The score as it would stand if the talks ended today, with what moves it: during play."""
    from sim.game import issues_apart

    now = issues_apart(state)
    if now < state.best_apart:
        heard = " (this draft counts once every principal has heard it)"
    elif now > state.best_apart:  # e.g. an interim text, which leaves most issues open on purpose
        heard = " (the score keeps the best: a draft that leaves more open never sets it back)"
    else:
        heard = ""
    lines = [
        f"If the talks ended today: **{score.total:g}** of {score.maximum:g}.",
        "",
        f"The draft leaves the sides **{now} issue{'s' if now != 1 else ''} apart** (open issues, plus the fewest "
        f"changes each principal needs to accept it); {state.start_apart} at the start, {state.best_apart} at best{heard}.",
        "",
        score_markdown(score),
        "",
        "An interim agreement on what every principal can sign is progress: it adds to the agreement "
        "points and never sets the progress back. Goodwill (inclusion, trust) counts only as far as the "
        "substance has moved.",
    ]
    return "\n".join(lines)


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
        mine = cards.term_label(scenario, final, issue.id)
        others = "".join(
            f" {'**' if p.option(issue.id) != final.option(issue.id) else ''}{escape(cards.term_label(scenario, p, issue.id))}"
            f"{'**' if p.option(issue.id) != final.option(issue.id) else ''} |"
            for _, p in columns
        )
        table.append(f"| {escape(issue.title)} | {escape(mine)} |{others}")
    lines.append("\n".join(table))
    plans = [f"- **{escape(p.title or name)}**: the same on {matches(final, p, issues)} of {len(issues)} issues"
             for name, p in state.game.presets.items()]
    if plans:
        lines.append("Against the published plans:\n\n" + "\n".join(plans))
    return "\n\n".join(lines)


def road_markdown(story: list[dict] | None) -> str:
    """The game retold in plain words (sim.present.report.story), one line per thing that happened."""
    if story is None:
        return "Retelling the game…"
    marks = {kind.value: mark for kind, mark in play.FEED_MARK.items() if kind.value != "move"}
    marks.update(tabled="TABLED", draft="DRAFT")  # the story's own two kinds: the draft tabled, a revision
    out = []
    for day in story:
        date = dt.date.fromisoformat(day["day"]).strftime("%a %d %b")
        out.append(f"**{date}**\n")
        for entry in day["entries"]:
            mark = marks.get(entry["kind"])
            terms = "; ".join(f"{t['title']}: {t['label']}" for t in entry.get("terms", ()))
            out.append(f"- {mark + ': ' if mark else ''}{escape(entry['text'] + (' ' + terms if terms else ''))}")
        out.append("")
    return "\n".join(out).strip() or "No moves."


def debrief_markdown(state: GameState, score: Score, nash: Point | None, story: list[dict] | None = None,
                     solidity: str = "") -> str:
    out = [f"# {play.ending_title(state)}"]
    if state.ending:
        out.append(escape(state.ending))
    days = state.days_used
    out.append(f"{days} day{'s' if days != 1 else ''} used; {len(state.agreements)} agreement{'s' if len(state.agreements) != 1 else ''} signed.")
    out.append("## Score\n\n" + score_markdown(score))
    out.append("## Your final draft\n\n" + comparison_markdown(state, nash))
    if solidity:  # robustness and trades, when computed (sim.present.robustness_view)
        out.append("## How solid, and what would open a deal\n\n" + solidity)
    out.append("## The road there\n\n" + road_markdown(story))
    return "\n\n".join(out)

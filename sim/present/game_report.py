"""A game as plain text for the terminal: the story so far, where things stand, and the score."""

from __future__ import annotations

from typing import Any

from sim.model.plain import option_label, terms_text
from sim.present.play import FEED_MARK
from sim.present.text import source_line, table, wrap
from sim.game import GameState, Score, views
from sim.game.state import FeedKind



def render_feed(state: GameState) -> list[str]:
    out, day = [], None
    for item in state.feed:
        if item.day != day:
            day = item.day
            out.append(f"\n{day.strftime('%a %d %b %Y')}")
        mark = "" if item.kind is FeedKind.MOVE else FEED_MARK[item.kind]  # the story reads better without
        out.append(wrap(f"{mark + ': ' if mark else ''}{item.text}", "  "))
        for citation in item.citations[:2]:
            out.append(wrap(f"source: {source_line(state.scenario, citation)}", "      "))
        if item.event and not item.citations and item.kind is FeedKind.NEWS:
            note = state.setup.event(item.event).note
            if note:
                out.append(wrap(f"note: {note}", "      "))
    return out


def render_state(state: GameState) -> list[str]:
    scenario = state.scenario
    out = [f"Status: {state.status.value}" + (f" - {state.ending}" if state.ending else "")]
    out.append(f"Day: {state.day} ({state.days_used} days used, deadline {state.setup.deadline}); "
               f"at {state.setup.venue(state.venue).name}; difficulty {state.game.difficulty.value}, seed {state.game.seed}")
    out.append(f"\nDraft: {state.draft.title or '(untitled)'}")
    for issue in scenario.issues:
        signed = "  [signed]" if issue.id in state.locked else ""
        out.append(f"  {issue.title}: {option_label(scenario, issue.id, state.draft.option(issue.id))}{signed}")
    rows = [["Party", "Role", "At table", "Trust", "Patience", "Pressure", "Verdict", "Utility", "Walk-away"]]
    for view in views(state):
        rows.append([
            view.name, view.role.value, "yes" if view.present else "WALKED OUT", f"{view.trust:.0f}",
            f"{view.patience:.0f}", f"{view.pressure:.0f}", view.verdict.value if view.verdict else "?",
            f"{view.utility:.1f}" if view.utility is not None else "?",
            f"{view.walk_away:.1f}" if view.walk_away is not None else "?",
        ])
    out += ["", table(rows, right={3, 4, 5, 7, 8})]
    for agreement in state.agreements:
        kind = "Interim agreement" if agreement.interim else "Deal"
        terms = terms_text(scenario, agreement.terms.items())
        out.append(wrap(f"{kind} signed {agreement.day}: {terms}", ""))
    return out


def render_score(score: Score) -> list[str]:
    rows = [["Score", "Points", "Of", "Why"]]
    rows += [[p.label, f"{p.points:.1f}", f"{p.maximum:.0f}", p.detail] for p in score.parts]
    rows.append(["Total", f"{score.total:.1f}", f"{score.maximum:.0f}", ""])
    return [table(rows, right={1, 2})]


def render_game(state: GameState, score: Score) -> str:
    title = state.scenario.title
    out = [title, "=" * len(title)]
    out += render_feed(state)
    out += ["", "-" * 72]
    out += render_state(state)
    out += [""] + render_score(score)
    return "\n".join(out)


def score_dict(score: Score) -> dict[str, Any]:
    return {
        "total": score.total,
        "maximum": score.maximum,
        "parts": [
            {"key": p.key, "label": p.label, "points": p.points, "maximum": p.maximum, "detail": p.detail}
            for p in score.parts
        ],
    }

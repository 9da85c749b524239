"""The chart of the HTML report: where each compared proposal, the frontier and the walk-away
levels fall, one square panel per pair of principals. Coordinates only: the template draws them,
so every label goes through its escaping, and the picture needs no script."""

from __future__ import annotations

from itertools import combinations
from typing import Any

SIZE, PAD = 220.0, 36.0  # the plot square, and the room around it for the axes
TICKS = (0, 25, 50, 75, 100)
MAX_PANELS = 3  # three principals make three pairs; beyond that the first pairs say enough


def _at(u: float, v: float) -> tuple[float, float]:
    return round(PAD + u / 100 * SIZE, 1), round(PAD + (100 - v) / 100 * SIZE, 1)


def panels(report: dict[str, Any]) -> list[dict[str, Any]]:
    principals = [p for p in report["parties"] if p["role"] == "principal"]
    comparison = report["comparison"]
    found = []
    for a, b in list(combinations(principals, 2))[:MAX_PANELS]:
        def utility(column: dict[str, Any], party: str) -> float:
            return next(p["utility"] for p in column["parties"] if p["party"] == party)

        def walk_away(party: str) -> float:
            return next(p["walk_away"] for p in comparison["columns"][0]["parties"] if p["party"] == party)

        wx, wy = _at(walk_away(a["id"]), walk_away(b["id"]))
        found.append({
            "x": a["name"], "y": b["name"], "size": SIZE, "pad": PAD, "walk_x": wx, "walk_y": wy,
            "frontier": [_at(p["utilities"][a["id"]], p["utilities"][b["id"]]) for p in comparison["frontier"]],
            "marks": _spread([{"number": n, "what": c["what"], "xy": _at(utility(c, a["id"]), utility(c, b["id"]))}
                              for n, c in enumerate(comparison["columns"], start=1)]),
            "ticks": [(t, _at(t, 0)[0], _at(0, t)[1]) for t in TICKS],
        })
    return found


def _spread(marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Marks that would sit on one another are set side by side, so every number stays readable
    (the table beside the chart has the exact values)."""
    placed: list[tuple[float, float]] = []
    for mark in marks:
        x, y = mark["xy"]
        while any(abs(x - px) < 13 and abs(y - py) < 13 for px, py in placed):
            x += 14
        placed.append((x, y))
        mark["xy"] = (round(x, 1), y)
    return marks

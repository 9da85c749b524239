"""Structuring the parts of a party that are more than plain keys: a walk-away given by kind, and
its dated changes (each with its own citations, preferences and red lines), each piece alone so
one mistake does not hide the checks of the rest."""

from __future__ import annotations

from typing import Any, Callable

from attrs import evolve

from sim.loading.converter import describe_value
from sim.loading.problems import KeyPath
from sim.loading.structure import structure_element
from sim.model import FrozenMap
from sim.model.scenario import Change, Citation, Preference

WALK_AWAY_FIX = "write a number like 40, or a table by kind like { default = 40, interim = 10 }"


def split_walk_away(item: dict, at: KeyPath, found: list, need_default: bool = True) -> dict:
    """``walk_away = { default = 55, interim = 10 }`` → ``walk_away = 55`` and the by-kind levels,
    so the model keeps one number for every kind and a map of exceptions."""
    item = dict(item)
    if "walk_away_by_kind" in item:
        found.append((at + ("walk_away_by_kind",), "unknown key `walk_away_by_kind`",
                      "write walk_away = { default = 40, <kind> = 10 } instead"))
        item.pop("walk_away_by_kind")
    raw = item.get("walk_away")
    if not isinstance(raw, dict):
        return item
    by_kind = {k: v for k, v in raw.items() if k != "default"}
    if "default" in raw:
        item["walk_away"] = raw["default"]
    elif not need_default:  # a change may move only some kinds' levels
        item.pop("walk_away")
    else:
        found.append((at + ("walk_away",), "the walk-away table has no `default`",
                      "add `default = <number>`: the level for every kind not listed"))
        item["walk_away"] = 0.0
    item["walk_away_by_kind"] = by_kind
    return item


def structure_preferences(raw: Any, at: KeyPath, found: list, table: str) -> dict[str, Preference]:
    good: dict[str, Preference] = {}
    if not isinstance(raw, dict):
        found.append((at, f"expected a table, found {describe_value(raw)}", f"write [{table}.<issue>] tables"))
        return good
    for issue_id, value in raw.items():
        pref = structure_element(value, Preference, at + (issue_id,), found)
        if pref is not None:
            good[issue_id] = pref
    return good


def structure_change(item: Any, at: KeyPath, found: list, each: Callable, red_line: Callable) -> Change | None:
    """One ``[[parties.changes]]`` table. ``each`` and ``red_line`` are the loader's list and red
    line builders, so a change's lines load exactly as a party's do."""
    if not isinstance(item, dict):
        return structure_element(item, Change, at, found)
    parts = ("citations", "preferences", "red_lines")
    shell = split_walk_away({k: v for k, v in item.items() if k not in parts}, at, found, need_default=False)
    change = structure_element(shell, Change, at, found)
    citations = each(item.get("citations", []), at + ("citations",), "parties.changes.citations",
                     lambda raw, here: structure_element(raw, Citation, here, found), found)
    preferences = structure_preferences(item.get("preferences", {}), at + ("preferences",), found,
                                        "parties.changes.preferences")
    lines = each(item.get("red_lines", []), at + ("red_lines",), "parties.changes.red_lines",
                 lambda raw, here: red_line(raw, here), found)
    if change is None:
        return None
    return evolve(change, citations=tuple(c for _, c in citations), preferences=FrozenMap(preferences),
                  red_lines=tuple(line for _, line in lines))

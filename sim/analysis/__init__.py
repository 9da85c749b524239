"""Analysis of the whole outcome space: is there any deal, which is best, what blocks it, what if.

    analyze(scenario)                          ZOPA size, Pareto frontier, Nash and egalitarian points,
                                               the ranked sensitivity table ("what blocks a deal?")
    closest_acceptable(scenario, draft, ...)   fewest changes to a draft that the parties accept
    why_none(scenario, ...)                    why no acceptable proposal exists, in plain words
    zopa_members / sample_zopa                 list or sample the zone of possible agreement
    nash_point / egalitarian_point             one point, exact at any size, without the frontier
    sensitivity(scenario)                      the ranked relaxations alone
    what_if(scenario, overrides)               a changed scenario; load_overrides(path) reads a file
                                               (format: scenarios/WHAT_IF.md)

Everything works on the engine's fixed-point utilities (`sim.engine.compiled`), so every result
agrees exactly with `sim.engine.assess`. The whole-space methods use numpy; it is imported only
when one of them first runs, so `closest_acceptable` and `why_none`'s callers that never analyse
the whole space start quickly.
"""

from __future__ import annotations

import importlib
from typing import Any

from sim.analysis.results import Analysis, Change, Obstacle, Point, Relaxation, Suggestion

_LAZY = {
    "analyze": "sim.analysis.overview",
    "nash_point": "sim.analysis.overview",
    "egalitarian_point": "sim.analysis.overview",
    "sensitivity": "sim.analysis.relaxing",
    "closest_acceptable": "sim.analysis.suggestion",
    "why_none": "sim.analysis.explain",
    "zopa_members": "sim.analysis.members",
    "sample_zopa": "sim.analysis.members",
    "what_if": "sim.analysis.overrides",
    "Overrides": "sim.analysis.overrides",
    "load_overrides": "sim.analysis.overrides_file",
    "parse_overrides": "sim.analysis.overrides_file",
    "overrides_from_flags": "sim.analysis.overrides_file",
}

__all__ = ["Analysis", "Change", "Obstacle", "Point", "Relaxation", "Suggestion", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sim.analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this hook
    return value

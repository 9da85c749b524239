"""What blocks a deal: how much room each single relaxation would open, ranked.

Every red line of every principal is dropped in turn (hard and soft alike), and every principal's
walk-away level is lowered by one step; each time the zone of possible agreement is counted again.
Blocks that a relaxation does not touch are reused from a shared cache, so the whole table costs
little more than its counts.
"""

from __future__ import annotations

import random
from typing import Callable, Mapping

import numpy as np

from sim.analysis import budget
from sim.analysis.blocks import Decomposition
from sim.analysis.counting import Count, countable, counts_with_minimums
from sim.analysis.problem import build_problem
from sim.analysis.recount import recount
from sim.analysis.results import Relaxation
from sim.analysis.space import best_margin, count_all, decompositions, solve
from sim.engine.compiled import SCALE
from sim.model import Scenario
from sim.model.resolve import resolve

STEP = 5.0  # utility points a walk-away level is lowered by, in the sensitivity table

Progress = Callable[[str, int, int], None]


def _trials(scenario: Scenario, step: float) -> list[tuple[str, str | None, str, bool, dict]]:
    trials = []
    for party in scenario.principals:
        for line in party.red_lines:
            kind = "hard" if line.hard else "soft"
            trials.append((party.id, line.id, f"drop {kind} red line `{line.id}`", line.hard,
                           {"dropped": {(party.id, line.id)}}))
        if party.walk_away > 0:
            lowered = max(0.0, party.walk_away - step)
            trials.append((party.id, None, f"walk-away {party.walk_away:g} -> {lowered:g}", False,
                           {"levels": {party.id: lowered}}))
    return trials


def sensitivity(
    scenario: Scenario,
    *,
    fixed: Mapping[str, str | None] | None = None,
    step: float = STEP,
    progress: Progress | None = None,
    rng: random.Random | None = None,
    cache: dict | None = None,
) -> tuple[Relaxation, ...]:
    """Every single relaxation and the ZOPA it would give, the largest first; when none opens a
    deal, the smallest remaining gap first (ties: scenario order)."""
    scenario = resolve(scenario)  # always about one kind, on one date (sim.model.resolve)
    cache = {} if cache is None else cache
    trials = _trials(scenario, step)
    base = decompositions(build_problem(scenario, fixed=fixed), cache)
    built: dict[int, list[Decomposition]] = {}  # trial position -> its decompositions, built once
    base_count, by_level = _level_counts(scenario, fixed, trials, base, cache, built)
    if base_count is None and len(base) == 1 and countable(base[0]):
        base_count = count_all(base, rng, cache)
    found = []
    for done, (party_id, line_id, words, hard, change) in enumerate(trials):
        budget.check()
        if progress:
            progress("sensitivity", done, len(trials))
        parts = built.get(done)
        if parts is None:
            parts = decompositions(build_problem(scenario, fixed=fixed, **change), cache,
                                   like=base[0] if len(base) == 1 and base[0].feasible else None)
        counted = Count(by_level[done], True) if done in by_level else None
        if counted is None and base_count is not None and len(parts) == 1 and countable(parts[0]):
            size = recount(base[0], base_count.size, parts[0], cache)
            counted = None if size is None else Count(size, True)
        if counted is None:
            counted = count_all(parts, rng or random.Random(done), cache)
        deal = counted.size > 0 if counted.exact else solve(parts) is not None
        size = max(counted.size, 1) if deal else 0
        gap = 0.0 if deal else gap_of(scenario, fixed, cache, **change)
        found.append(Relaxation(party_id, line_id, words, hard, size, deal, counted.exact, gap))
    if progress:
        progress("sensitivity", len(trials), len(trials))
    order = {id(r): k for k, r in enumerate(found)}

    def rank(r: Relaxation) -> tuple:
        gap = r.gap_if_relaxed
        return (-r.zopa_size_if_relaxed, gap is None, gap or 0.0, order[id(r)])

    return tuple(sorted(found, key=rank))


def _level_counts(scenario: Scenario, fixed, trials: list, base: list[Decomposition],
                  cache: dict, built: dict[int, list[Decomposition]]) -> tuple[Count | None, dict[int, int]]:
    """The base count and, per walk-away trial (by position), its exact count: all in one pass over
    the base's tables (`counts_with_minimums`), since lowering a level changes only minimums.
    (None, {}) when the base is not one countable decomposition. Each trial's decompositions go
    into ``built``, for the caller to reuse."""
    if len(base) != 1 or not base[0].feasible or not countable(base[0]):
        return None, {}
    minimums = dict(base[0].problem.constraints)
    if len(minimums) != len(base[0].problem.constraints):
        return None, {}
    variants, positions = [], []
    for position, (_, _, _, _, change) in enumerate(trials):
        if "levels" not in change:
            continue
        parts = built[position] = decompositions(build_problem(scenario, fixed=fixed, **change), cache, like=base[0])
        if len(parts) != 1 or not _same_blocks(parts[0], base[0]):
            continue
        lowered = dict(parts[0].problem.constraints)
        if not lowered.keys() <= minimums.keys() or len(lowered) != len(parts[0].problem.constraints):
            continue
        variants.append({c: lowered.get(c) for c in minimums if lowered.get(c) != minimums[c]})
        positions.append(position)
    counts = counts_with_minimums(base[0], variants, cache)
    if counts is None:
        return None, {}
    return Count(counts[0], True), dict(zip(positions, counts[1:]))


def _same_blocks(a: Decomposition, b: Decomposition) -> bool:
    """The same listed blocks (the cache hands out the same objects), constants and offset."""
    return (a.feasible and b.feasible and len(a.blocks) == len(b.blocks)
            and all(x is y for x, y in zip(a.blocks, b.blocks))
            and a.constants == b.constants and np.array_equal(a.offset, b.offset))


def best_effort(scenario: Scenario, fixed, cache: dict | None = None, **change) -> tuple[float | None, tuple | None]:
    """(gap, index): the points the least satisfied principal lacks at the best proposal within every
    hard red line (0 when a deal exists), and that proposal; (None, None) when none is allowed."""
    found = best_margin(build_problem(scenario, fixed=fixed, binding=False, **change), cache)
    if found is None:
        return None, None
    return max(0, -found[0]) / SCALE, found[1]


def gap_of(scenario: Scenario, fixed, cache: dict | None = None, **change) -> float | None:
    return best_effort(scenario, fixed, cache, **change)[0]

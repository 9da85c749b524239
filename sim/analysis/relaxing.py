"""What blocks a deal: how much room each single relaxation would open, ranked.

Every red line of every principal is dropped in turn (hard and soft alike), and every principal's
walk-away level is lowered by one step; each time the zone of possible agreement is counted again.
Blocks that a relaxation does not touch are reused from a shared cache, so the whole table costs
little more than its counts.
"""

from __future__ import annotations

import random
from typing import Callable, Mapping

from sim.analysis import budget
from sim.analysis.counting import Count, countable
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
    base_count = count_all(base, rng, cache) if len(base) == 1 and countable(base[0]) else None
    found = []
    for done, (party_id, line_id, words, hard, change) in enumerate(trials):
        budget.check()
        if progress:
            progress("sensitivity", done, len(trials))
        problem = build_problem(scenario, fixed=fixed, **change)
        parts = decompositions(problem, cache, like=base[0] if len(base) == 1 and base[0].feasible else None)
        counted = None
        if base_count is not None and len(parts) == 1 and countable(parts[0]):
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


def best_effort(scenario: Scenario, fixed, cache: dict | None = None, **change) -> tuple[float | None, tuple | None]:
    """(gap, index): the points the least satisfied principal lacks at the best proposal within every
    hard red line (0 when a deal exists), and that proposal; (None, None) when none is allowed."""
    found = best_margin(build_problem(scenario, fixed=fixed, binding=False, **change), cache)
    if found is None:
        return None, None
    return max(0, -found[0]) / SCALE, found[1]


def gap_of(scenario: Scenario, fixed, cache: dict | None = None, **change) -> float | None:
    return best_effort(scenario, fixed, cache, **change)[0]

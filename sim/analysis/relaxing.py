"""What blocks a deal: how much room each single relaxation would open, ranked.

Every red line of every principal is dropped in turn (hard and soft alike), and every principal's
walk-away level is lowered by one step; each time the zone of possible agreement is counted again.
Blocks that a relaxation does not touch are reused from a shared cache, so the whole table costs
little more than its counts.
"""

from __future__ import annotations

import random
from typing import Callable, Mapping

from sim.analysis.problem import build_problem
from sim.analysis.results import Relaxation
from sim.analysis.space import count_all, decompositions, solve
from sim.model import Scenario

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
    """Every single relaxation and the ZOPA it would give, the largest first (ties: scenario order)."""
    cache = {} if cache is None else cache
    trials = _trials(scenario, step)
    found = []
    for done, (party_id, line_id, words, hard, change) in enumerate(trials):
        if progress:
            progress("sensitivity", done, len(trials))
        problem = build_problem(scenario, fixed=fixed, **change)
        parts = decompositions(problem, cache)
        counted = count_all(parts, rng or random.Random(done))
        deal = counted.size > 0 if counted.exact else solve(parts) is not None
        size = max(counted.size, 1) if deal else 0
        found.append(Relaxation(party_id, line_id, words, hard, size, deal, counted.exact))
    if progress:
        progress("sensitivity", len(trials), len(trials))
    order = {id(r): k for k, r in enumerate(found)}
    return tuple(sorted(found, key=lambda r: (-r.zopa_size_if_relaxed, order[id(r)])))

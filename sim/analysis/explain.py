"""Why no acceptable proposal exists, in plain words.

First each party alone: can its own hard red lines hold (with any fixed terms), and can any
proposal within them reach its level? Then the smallest groups of parties that accept nothing in
common: either their hard red lines clash outright (the smallest clashing set is named), or for
each member, the most it can get while the others accept, against what it needs.
"""

from __future__ import annotations

import itertools
from typing import Mapping, Sequence

from sim.analysis.problem import build_problem
from sim.analysis.results import Obstacle
from sim.analysis.space import decompositions, solve
from sim.engine.compiled import SCALE
from sim.model import Scenario
from sim.model.resolve import resolve
from sim.model.plain import mid_sentence, party_names, possessive


class _Oracle:
    def __init__(self, scenario: Scenario, levels: Mapping[str, float], fixed: Mapping[str, str | None] | None):
        self.scenario, self.levels, self.fixed = scenario, dict(levels), fixed
        self.cache: dict = {}

    def level(self, party_id: str) -> float:
        return self.levels.get(party_id, self.scenario.party(party_id).walk_away)

    def best(self, group: Sequence[str], free: str | None = None, dropped=(), only_hard: bool = False):
        """The utilities of the best proposal for ``free`` (or the Nash one) that ``group`` accepts."""
        levels = {p: 0.0 if only_hard or p == free else self.level(p) for p in group}
        problem = build_problem(self.scenario, parties=group, levels=levels, fixed=self.fixed, dropped=dropped)
        goal = "nash" if free is None else problem.party_ids.index(free)
        found = solve(decompositions(problem, self.cache), goal)
        if found is None:
            return None
        return dict(zip(problem.party_ids, (u / SCALE for u in found[1])))

    def colliding(self, group: Sequence[str], party: str) -> list[str]:
        """A smallest set of ``party``'s hard red lines that no proposal the rest of ``group``
        accepts can respect (deletion filter; ``party`` itself need not reach its level)."""
        lines = [line.id for line in self.scenario.party(party).red_lines if line.hard]
        needed = list(lines)
        for line in lines:
            trial = [x for x in needed if x != line]
            dropped = [(party, x) for x in lines if x not in trial]
            if self.best(group, free=party, dropped=dropped) is None:
                needed = trial
        return needed

    def clash(self, group: Sequence[str]) -> list[tuple[str, str]]:
        """A smallest set of hard red lines of ``group`` that cannot hold together (deletion filter)."""
        lines = [(p, line.id) for p in group for line in self.scenario.party(p).red_lines if line.hard]
        needed = list(lines)
        for line in lines:
            trial = [x for x in needed if x != line]
            dropped = [x for x in lines if x not in trial]
            if self.best(group, dropped=dropped, only_hard=True) is None:
                needed = trial
        return needed


def _clash_message(scenario: Scenario, lines: list[tuple[str, str]], fixed) -> str:
    parts = [f"{possessive(mid_sentence(scenario.party(p).name))} `{line}` ({scenario.party(p).red_line(line).statement.rstrip('.')})"
             for p, line in lines]
    terms = "" if not fixed else " with the fixed terms"
    if not parts:
        return "the fixed terms leave no allowed proposal"
    return "these red lines cannot all hold at once" + terms + ": " + "; ".join(parts)


def why_none(
    scenario: Scenario,
    *,
    parties: Sequence[str] | None = None,
    min_utility: Mapping[str, float] | None = None,
    fixed: Mapping[str, str | None] | None = None,
) -> tuple[Obstacle, ...]:
    """Why the ``parties`` (default: the principals) accept no proposal in common; () when they do."""
    scenario = resolve(scenario)  # always about one kind, on one date (sim.model.resolve)
    group = list(parties) if parties is not None else [p.id for p in scenario.principals]
    group = [p for p in scenario.party_ids if p in group]  # scenario order, no repeats
    oracle = _Oracle(scenario, min_utility or {}, fixed)
    if oracle.best(group) is not None:
        return ()
    found = []
    for p in group:
        name = scenario.party(p).name
        if oracle.best([p], only_hard=True) is None:
            found.append(Obstacle((p,), f"{name}: " + _clash_message(scenario, oracle.clash([p]), fixed)))
            continue
        best = oracle.best([p], free=p)
        if best[p] < oracle.level(p) - 1e-9:
            within = "its red lines and the fixed terms" if fixed else "its red lines"
            found.append(Obstacle((p,), f"{name} needs {oracle.level(p):.1f} points, but no proposal within "
                                        f"{within} gives it more than {best[p]:.1f}."))
    if found:
        return tuple(found)
    conflicts: list[tuple[str, ...]] = []
    for size in range(2, len(group) + 1):
        for combo in itertools.combinations(group, size):
            if any(set(c) <= set(combo) for c in conflicts):
                continue
            if oracle.best(list(combo)) is None:
                conflicts.append(combo)
        if conflicts:
            break
    for combo in conflicts:
        names = party_names(scenario, combo)
        if oracle.best(list(combo), only_hard=True) is None:
            found.append(Obstacle(combo, f"{names}: " + _clash_message(scenario, oracle.clash(list(combo)), fixed)))
            continue
        shortfalls = []
        for p in combo:
            others = [q for q in combo if q != p]
            best = oracle.best(list(combo), free=p)
            if best is None:
                lines = ", ".join(f"`{line}`" for line in oracle.colliding(list(combo), p))
                shortfalls.append(f"with {party_names(scenario, others)} accepting, every proposal crosses "
                                  f"{possessive(mid_sentence(scenario.party(p).name))} hard red line{'s' if ',' in lines else ''} {lines}"
                                  f"{' (at least one of them)' if ',' in lines else ''}")
                continue
            shortfalls.append(f"with {party_names(scenario, others)} accepting, {scenario.party(p).name} gets at most "
                              f"{best[p]:.1f} of the {oracle.level(p):.1f} points it needs")
        found.append(Obstacle(combo, f"{names} accept no proposal in common: " + "; ".join(shortfalls) + "."))
    return tuple(found)

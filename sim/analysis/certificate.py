"""A quick proof that no deal exists: the bound robustness and trades test thousands of times.

A deal needs every principal ``p`` (whose level ``t_p`` is above 0) to reach ``S_p >= t_p``, where
``S_p`` is its utility before the engine's cap at 100 and floor at 0: base minus penalties, a sum
over issues. So for any weights ``λ >= 0``, a deal ``x`` has ``Σ_p λ_p (S_p(x) - t_p) >= 0``. The
left side's largest value over all proposals splits over groups of tied issues (every red line
lives inside one group), so it costs one small matrix product per group: when it is below 0 for
some ``λ``, no deal exists. When no ``λ`` tried proves it, nothing is claimed, and the caller asks
the exact analysis. The bound never says "no deal" wrongly; it only saves time.

Each red line of a principal can be taken as written, dropped, or softened (a hard line turned
into a penalty), so the same layout answers every combination of relaxations.
"""

from __future__ import annotations

import itertools
from typing import Mapping, Sequence

import numpy as np

from sim.analysis.blocks import BLOCK_LIMIT, TooTangled, rule_mask
from sim.analysis.ties import union_find
from sim.engine.compiled import SCALE, CompiledRedLine, CompiledScenario
from sim.record import frozen

AS_IS, DROPPED, SOFTENED = 0, 1, 2
DIRECTIONS = 192  # weightings λ tried, besides each principal alone and all equally
FOCUS = 8  # weightings tried first (see Bound.focus)
SUBSET_LIMIT = 10  # relaxed hard lines in one group beyond which rows are found by scanning


@frozen
class Group:
    issues: tuple[int, ...]
    grid: np.ndarray  # rows × issues: the choices of every row (combinations allowed by ``domains``)
    crossed: np.ndarray  # rows × lines of the group: the row crosses that line
    lines: tuple[int, ...]  # positions in Layout.lines
    # Rows by the set of hard lines they cross (a bit mask over ``lines``): a relaxation frees only
    # the rows whose crossed hard lines it relaxes, usually a small share of the group.
    patterns: dict
    weighed: np.ndarray  # ``crossed`` as floats (exact), so products run on BLAS


def _patterns(crossed: np.ndarray, hard: list[bool]) -> dict:
    if len(hard) < 63:
        weights = np.array([1 << c if h else 0 for c, h in enumerate(hard)], dtype=np.int64)
        pattern = crossed.astype(np.int64) @ weights
    else:  # more lines than an int64 has bits: Python integers, slower but exact
        pattern = np.array([sum(1 << c for c in np.nonzero(row)[0] if hard[c]) for row in crossed], dtype=object)
    order = np.argsort(pattern, kind="stable")
    keys, starts = np.unique(pattern[order], return_index=True)
    return {int(k): rows.astype(np.int64) for k, rows in zip(keys, np.split(order, starts[1:]))}


@frozen
class Layout:
    """The principals' red lines and the groups of issues they tie, for one compiled scenario."""

    compiled: CompiledScenario
    principals: tuple[int, ...]  # scenario positions
    lines: tuple[CompiledRedLine, ...]
    owner: tuple[int, ...]  # per line: its owner's position among ``principals``
    groups: tuple[Group, ...]
    directions: np.ndarray  # K × principals, each row summing to 1


def _directions(count: int) -> np.ndarray:
    rng = np.random.default_rng(0)  # fixed: the bound must give the same answer every run
    rows = [np.eye(count), np.full((1, count), 1 / count)] if count else [np.zeros((1, 0))]
    if count > 1:
        rows.append(rng.dirichlet(np.ones(count), DIRECTIONS))
        rows.append(rng.dirichlet(np.full(count, 0.3), DIRECTIONS // 2))  # near the edges too
    return np.concatenate(rows)


def layout(compiled: CompiledScenario, domains: Sequence[Sequence[int]] | None = None) -> Layout:
    """``domains`` limits each issue's choices (fixed terms, a kind's settled and left issues)."""
    domains = [list(range(n)) for n in compiled.sizes] if domains is None else [list(d) for d in domains]
    principals = compiled.principals
    lines, owner = [], []
    for q, p in enumerate(principals):
        for line in compiled.parties[p].red_lines:
            lines.append(line)
            owner.append(q)
    groups = union_find(range(len(compiled.sizes)), (line.scope for line in lines))
    built = []
    for issues in groups:
        rows = 1
        for i in issues:
            rows *= len(domains[i])
        if rows > BLOCK_LIMIT:
            raise TooTangled("the red lines tie too many issues together for the quick bound")
        mine = [k for k, line in enumerate(lines) if line.scope[0] in issues]
        grid = np.array(list(itertools.product(*(domains[i] for i in issues))), dtype=np.int64)
        grid = grid.reshape(len(grid), len(issues))
        choices = {i: grid[:, a] for a, i in enumerate(issues)}
        crossed = np.zeros((len(grid), len(mine)), dtype=bool)
        for c, k in enumerate(mine):
            crossed[:, c] = ~np.broadcast_to(rule_mask(lines[k].rule, choices), (len(grid),))
        hard = [lines[k].hard for k in mine]
        built.append(Group(tuple(issues), grid, crossed, tuple(mine), _patterns(crossed, hard),
                           crossed.astype(np.float64)))
    return Layout(compiled, principals, tuple(lines), tuple(owner), tuple(built), _directions(len(principals)))


def fixed_domains(compiled: CompiledScenario, fixed: Mapping[str, str | None] | None) -> list[list[int]]:
    """Each issue's allowed choices once ``fixed`` pins some (None: the issue stays open), within the
    kind the scenario is resolved for (as `sim.analysis.problem` does): settled issues never open,
    left ones always."""
    scenario = compiled.scenario
    domains = [list(range(n)) for n in compiled.sizes]
    for issue_id, option_id in (fixed or {}).items():
        i = scenario.issue_ids.index(issue_id)
        issue = scenario.issues[i]
        choice = len(issue.options) if option_id is None else issue.position(option_id)
        domains[i] = [choice]
    if scenario.kind:
        kind = scenario.agreement_kind(scenario.kind)
        for issue_id in kind.settles:
            i = scenario.issue_ids.index(issue_id)
            domains[i] = [c for c in domains[i] if c != len(scenario.issues[i].options)]
        for issue_id in kind.leaves:
            i = scenario.issue_ids.index(issue_id)
            domains[i] = [c for c in domains[i] if c == len(scenario.issues[i].options)]
    return domains


def default_tables(compiled: CompiledScenario) -> list[list[np.ndarray]]:
    """tables[principal][issue][choice] as the scenario writes them (see sim.analysis.calibrate)."""
    return [[np.asarray(row, dtype=np.int64) for row in compiled.parties[p].tables] for p in compiled.principals]


class Bound:
    """The bound for one calibration: principals' tables and levels; relaxations asked per call."""

    def __init__(self, shape: Layout, tables: Sequence[Sequence[np.ndarray]], levels: Sequence[int],
                 soften_penalty: float) -> None:
        self.layout = shape
        self.levels = np.asarray(levels, dtype=np.int64)
        self.soften = round(soften_penalty * SCALE)
        self.tables = tables
        self._bases: dict[tuple[int, int], np.ndarray] = {}
        self._plain = [self._group_best(g, {}, shape.directions) for g in range(len(shape.groups))]
        # The few weightings that come closest to proving "no deal" unrelaxed are tried first, on
        # their own: most relaxations are refuted by one of them, at a fraction of the cost.
        plain_total = self._total(self._plain, shape.directions, self.levels)
        order = np.argsort(plain_total if plain_total is not None else np.zeros(len(shape.directions)))
        self.focus = shape.directions[order[:FOCUS]]
        self._focus_plain = [self._group_best(g, {}, self.focus) for g in range(len(shape.groups))]
        self._memo: dict = {}
        self.group_of = {k: g for g, group in enumerate(shape.groups) for k in group.lines}
        self._plain_total = {
            name: None if any(b is None for b in bests) else np.sum(bests, axis=0)
            for name, bests in (("focus", self._focus_plain), ("all", self._plain))
        }

    @staticmethod
    def _total(bests, directions, levels) -> np.ndarray | None:
        if any(b is None for b in bests):
            return None
        return np.sum(bests, axis=0) - directions @ levels

    def _group_best(self, g: int, status: Mapping[int, int], directions: np.ndarray) -> np.ndarray | None:
        """Per direction, the group's largest weighted utility; None when no row is allowed."""
        group, shape = self.layout.groups[g], self.layout
        relaxed = 0
        penalties = np.zeros((len(group.lines), len(shape.principals)))
        for c, k in enumerate(group.lines):
            line, state = shape.lines[k], status.get(k, AS_IS)
            if line.hard and state != AS_IS:
                relaxed |= 1 << c
            if state != DROPPED and (state == SOFTENED or not line.hard):
                penalties[c, shape.owner[k]] = self.soften if line.hard else line.penalty
        rows = self._rows(g, relaxed)
        if len(rows) == 0:
            return None
        utilities = self._base(g, relaxed, rows)
        if penalties.any():
            utilities = utilities - group.weighed[rows] @ penalties
        return (utilities @ directions.T).max(axis=0)

    def _base(self, g: int, relaxed: int, rows: np.ndarray) -> np.ndarray:
        """The principals' base utilities of ``rows`` (floats), computed only for the rows asked."""
        key = (g, relaxed)
        if key not in self._bases:
            group = self.layout.groups[g]
            base = np.zeros((len(rows), len(self.layout.principals)))
            for q in range(len(self.layout.principals)):
                for a, i in enumerate(group.issues):
                    base[:, q] += self.tables[q][i][group.grid[rows, a]]
            self._bases[key] = base
        return self._bases[key]

    def _rows(self, g: int, relaxed: int) -> np.ndarray:
        """The rows whose crossed hard lines are all among ``relaxed`` (a bit mask over the group's lines)."""
        by_pattern = self.layout.groups[g].patterns
        if bin(relaxed).count("1") > SUBSET_LIMIT:
            keys = [p for p in by_pattern if p & ~relaxed == 0]
        else:
            bits = [1 << c for c in range(relaxed.bit_length()) if relaxed >> c & 1]
            keys = [sum(chosen) for r in range(len(bits) + 1) for chosen in itertools.combinations(bits, r)]
        found = [by_pattern[p] for p in keys if p in by_pattern]
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)

    def no_deal(self, status: Mapping[int, int] | None = None, lowered: Mapping[int, int] | None = None) -> bool:
        """True when no deal can exist with the lines' ``status`` (line position → DROPPED or
        SOFTENED) and the principals' levels ``lowered`` by fixed-point amounts."""
        status, lowered = status or {}, lowered or {}
        levels = self.levels - np.array([lowered.get(q, 0) for q in range(len(self.levels))], dtype=np.int64)
        active = levels > 0  # a level of 0 or less asks nothing: leave that principal out
        if not active.any():
            return False
        if active.all():
            if self._refutes(status, levels, self.focus, self._focus_plain, "focus"):
                return True
            return self._refutes(status, levels, self.layout.directions, self._plain, "all")
        directions = self.layout.directions * active  # rare: a level lowered to 0
        plain = [self._group_best(g, {}, directions) for g in range(len(self.layout.groups))]
        return self._refutes(status, levels, directions, plain, None)

    def _refutes(self, status, levels, directions, plain, memo_key) -> bool:
        by_group: dict[int, dict[int, int]] = {}
        for k, state in status.items():
            by_group.setdefault(self.group_of[k], {})[k] = state
        if any(best is None for g, best in enumerate(plain) if g not in by_group):
            return True  # a group no relaxation touches allows no choice at all
        total = self._plain_total.get(memo_key) if memo_key is not None else None
        if total is None:
            total = np.zeros(len(directions))
            for g, best in enumerate(plain):
                if g not in by_group:
                    total = total + best
            touched_base = None
        else:
            touched_base = plain
        for g, mine in by_group.items():
            if memo_key is None:
                best = self._group_best(g, mine, directions)
            else:
                key = (memo_key, g, frozenset(mine.items()))
                if key not in self._memo:
                    self._memo[key] = self._group_best(g, mine, directions)
                best = self._memo[key]
            if best is None:
                return True
            total = total + (best - touched_base[g] if touched_base is not None else best)
        return bool((total - directions @ levels < -1e-6).any())

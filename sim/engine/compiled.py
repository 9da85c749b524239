"""A scenario compiled into integer tables, for evaluating many proposals fast.

A proposal becomes an *index*: one integer per issue, in scenario order, giving the position of
the chosen option, or ``len(options)`` when the issue is open. Utilities become fixed-point
integers (``SCALE`` units per utility point), so the engine and the analysis share one exact
arithmetic and never disagree about a tie at a walk-away level.
"""

from __future__ import annotations

import weakref
from operator import getitem
from typing import Callable, Sequence

from sim.model import Proposal, Rule
from sim.model.rules import LEAVES, Op, allowed_choices, children, combine
from sim.engine.packed import Packed, pack
from sim.model.scenario import Issue, Party, RedLine, Scenario
from sim.record import frozen

SCALE = 10_000  # fixed-point units per utility point: four decimals is finer than any author writes
FULL = 100 * SCALE


def net_utility(base: int, penalties: int) -> int:
    """A party's fixed-point utility: the base capped at 100 points first (rounding can push a sum of
    contributions just past it), then its soft penalties taken off, floored at 0. Every evaluator
    calls this, so the fast path, ``assess`` and the analysis agree at the boundary."""
    return max(0, min(FULL, base) - penalties)

Index = tuple[int, ...]


@frozen
class Leaf:
    """A leaf rule reduced to the set of choices (option positions, or the open slot) it allows."""

    issue: int
    allowed: frozenset[int]


@frozen
class Node:
    op: Op  # a combinator's
    children: tuple["Node | Leaf", ...]


CompiledRule = Leaf | Node


def compile_rule(rule: Rule, scenario: Scenario) -> CompiledRule:
    """A leaf becomes the set of choices it allows; a combinator keeps its op over compiled children."""
    if isinstance(rule, LEAVES):
        position = scenario.issue_ids.index(rule.issue)
        return Leaf(position, allowed_choices(rule, scenario.issues[position]))
    return Node(rule.op, tuple(compile_rule(r, scenario) for r in children(rule)))


class _ThreeValued:
    """Kleene's logic: None is "the unassigned issues decide"."""

    @staticmethod
    def all_of(values: Sequence[bool | None]) -> bool | None:
        return False if False in values else (None if None in values else True)

    @staticmethod
    def any_of(values: Sequence[bool | None]) -> bool | None:
        return True if True in values else (None if None in values else False)

    @staticmethod
    def negate(value: bool | None) -> bool | None:
        return None if value is None else not value

    @staticmethod
    def implies(condition: bool | None, then: bool | None) -> bool | None:
        if condition is False or then is True:
            return True
        if condition is True and then is False:
            return False
        return None


Predicate = Callable[[Sequence[int]], bool]


class _Closures:
    """Connectives over predicates on an index: several times faster than walking the tree per call."""

    @staticmethod
    def all_of(kids: Sequence[Predicate]) -> Predicate:
        kids = tuple(kids)
        return lambda index: all(k(index) for k in kids)

    @staticmethod
    def any_of(kids: Sequence[Predicate]) -> Predicate:
        kids = tuple(kids)
        return lambda index: any(k(index) for k in kids)

    @staticmethod
    def negate(inner: Predicate) -> Predicate:
        return lambda index: not inner(index)

    @staticmethod
    def implies(condition: Predicate, then: Predicate) -> Predicate:
        return lambda index: not condition(index) or then(index)


def holds_partially(rule: CompiledRule, assigned: dict[int, int]) -> bool | None:
    """Three-valued evaluation on a partial assignment: None when the unassigned issues decide."""
    if isinstance(rule, Leaf):
        choice = assigned.get(rule.issue)
        return None if choice is None else choice in rule.allowed
    return combine(rule.op, _ThreeValued, [holds_partially(k, assigned) for k in rule.children])


def scope(rule: CompiledRule) -> tuple[int, ...]:
    """The issue positions a compiled rule reads, ascending."""
    if isinstance(rule, Leaf):
        return (rule.issue,)
    return tuple(sorted({i for k in rule.children for i in scope(k)}))


def _predicate(rule: CompiledRule) -> Predicate:
    """The rule as a closure."""
    if isinstance(rule, Leaf):
        position, allowed = rule.issue, rule.allowed
        return lambda index: index[position] in allowed
    return combine(rule.op, _Closures, [_predicate(k) for k in rule.children])


@frozen
class CompiledRedLine:
    party: int  # position of the owning party in the scenario
    red_line: RedLine
    rule: CompiledRule
    scope: tuple[int, ...]
    hard: bool
    penalty: int  # fixed-point utility lost when a soft red line is crossed (0 when hard)
    test: Callable[[Sequence[int]], bool]


@frozen
class CompiledParty:
    party: Party
    # tables[issue][choice]: the fixed-point utility an issue's choice contributes
    tables: tuple[tuple[int, ...], ...]
    walk_away: int
    red_lines: tuple[CompiledRedLine, ...]

    def base_utility(self, index: Sequence[int]) -> int:
        """The sum of the tables, before the cap (see `net_utility`)."""
        return sum(t[c] for t, c in zip(self.tables, index))


def _tables(party: Party, issues: tuple[Issue, ...]) -> tuple[tuple[int, ...], ...]:
    total = sum(p.weight for p in party.preferences.values())
    tables = []
    for issue in issues:
        pref = party.preferences.get(issue.id)
        if pref is None or total == 0:
            tables.append((0,) * (len(issue.options) + 1))
            continue
        share = pref.weight / total * SCALE
        row = [round(share * pref.values[o.id]) for o in issue.options]
        row.append(round(share * pref.open))
        tables.append(tuple(row))
    return tuple(tables)


@frozen
class CompiledScenario:
    scenario: Scenario
    sizes: tuple[int, ...]  # choices per issue, the open slot included
    parties: tuple[CompiledParty, ...]
    principals: tuple[int, ...]  # positions of the parties whose consent a deal needs
    packed: Packed  # the same tables packed for speed (see sim.engine.packed)
    # option id → position per issue, with None → the open slot: `index` runs once per assessment
    positions: tuple[dict[str | None, int], ...]

    @property
    def issue_ids(self) -> tuple[str, ...]:
        return self.scenario.issue_ids

    def index(self, proposal: Proposal) -> Index:
        return tuple(map(getitem, self.positions, map(proposal.terms.get, self.scenario.issue_ids)))

    def proposal(self, index: Sequence[int], title: str = "") -> Proposal:
        terms = {
            issue.id: issue.options[choice].id
            for issue, choice in zip(self.scenario.issues, index)
            if choice < len(issue.options)
        }
        return Proposal(self.scenario.id, terms, title=title)


def _compile(scenario: Scenario) -> CompiledScenario:
    parties = []
    for p, party in enumerate(scenario.parties):
        lines = []
        for red_line in party.red_lines:
            rule = compile_rule(red_line.rule, scenario)
            lines.append(
                CompiledRedLine(
                    party=p,
                    red_line=red_line,
                    rule=rule,
                    scope=scope(rule),
                    hard=red_line.hard,
                    penalty=0 if red_line.hard else round(red_line.penalty * SCALE),
                    test=_predicate(rule),
                )
            )
        parties.append(
            CompiledParty(party, _tables(party, scenario.issues), round(party.walk_away * SCALE), tuple(lines))
        )
    sizes = tuple(len(i.options) + 1 for i in scenario.issues)
    return CompiledScenario(
        scenario=scenario,
        sizes=sizes,
        parties=tuple(parties),
        principals=tuple(p for p, party in enumerate(scenario.parties) if party.principal),
        packed=pack(parties, sizes),
        positions=tuple({**{o.id: k for k, o in enumerate(i.options)}, None: len(i.options)} for i in scenario.issues),
    )


# Keyed by identity: hashing a whole scenario on every call would cost more than evaluating it.
_cache: dict[int, tuple[weakref.ref, CompiledScenario]] = {}


def compiled(scenario: Scenario) -> CompiledScenario:
    entry = _cache.get(id(scenario))
    if entry is not None and entry[0]() is scenario:
        return entry[1]
    result = _compile(scenario)
    key = id(scenario)
    # The cache is bound now: at interpreter exit the module global may already be gone.
    _cache[key] = (weakref.ref(scenario, lambda _ref, cache=_cache: cache.pop(key, None)), result)
    return result

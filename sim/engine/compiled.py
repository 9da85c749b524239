"""A scenario compiled into integer tables, for evaluating many proposals fast.

A proposal becomes an *index*: one integer per issue, in scenario order, giving the position of
the chosen option, or ``len(options)`` when the issue is open. Utilities become fixed-point
integers (``SCALE`` units per utility point), so the engine and the analysis share one exact
arithmetic and never disagree about a tie at a walk-away level.
"""

from __future__ import annotations

import weakref
from operator import getitem
from typing import Callable, NoReturn, Sequence, assert_never

from attrs import frozen

from sim.model import AllOf, AnyOf, AtLeast, AtMost, Forbid, IfThen, Not, Proposal, Require, Rule
from sim.model.rules import Op, children
from sim.engine.packed import Packed, pack
from sim.model.scenario import Issue, Party, RedLine, Scenario

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
    op: Op  # one of COMBINATORS
    children: tuple["Node | Leaf", ...]


CompiledRule = Leaf | Node


def compile_rule(rule: Rule, scenario: Scenario) -> CompiledRule:
    """A leaf becomes the set of choices it allows; a combinator keeps its op over compiled children."""
    match rule:
        case Require() | Forbid() | AtLeast() | AtMost():
            position = scenario.issue_ids.index(rule.issue)
            return Leaf(position, allowed_choices(rule, scenario.issues[position]))
        case AllOf() | AnyOf() | Not() | IfThen():
            return Node(rule.op, tuple(compile_rule(r, scenario) for r in children(rule)))
        case _:
            assert_never(rule)


def allowed_choices(leaf: Require | Forbid | AtLeast | AtMost, issue: Issue) -> frozenset[int]:
    n = len(issue.options)  # n itself is the open slot
    match leaf:
        case Require():
            return frozenset(issue.position(o) for o in leaf.options)
        case Forbid():
            return frozenset(range(n + 1)) - {issue.position(o) for o in leaf.options}
        case AtLeast():
            return frozenset(range(issue.position(leaf.option), n))
        case AtMost():
            return frozenset(range(0, issue.position(leaf.option) + 1))
        case _:
            assert_never(leaf)


def _not_a_combinator(op: Op) -> NoReturn:
    raise AssertionError(f"a compiled node cannot be a leaf kind: {op}")


def holds_partially(rule: CompiledRule, assigned: dict[int, int]) -> bool | None:
    """Three-valued evaluation on a partial assignment: None when the unassigned issues decide."""
    if isinstance(rule, Leaf):
        choice = assigned.get(rule.issue)
        return None if choice is None else choice in rule.allowed
    values = [holds_partially(k, assigned) for k in rule.children]
    match rule.op:
        case Op.ALL_OF:
            return False if False in values else (None if None in values else True)
        case Op.ANY_OF:
            return True if True in values else (None if None in values else False)
        case Op.NOT:
            return None if values[0] is None else not values[0]
        case Op.IF:
            condition, then = values
            if condition is False or then is True:
                return True
            if condition is True and then is False:
                return False
            return None
        case Op.REQUIRE | Op.FORBID | Op.AT_LEAST | Op.AT_MOST:
            _not_a_combinator(rule.op)
        case _:
            assert_never(rule.op)


def scope(rule: CompiledRule) -> tuple[int, ...]:
    """The issue positions a compiled rule reads, ascending."""
    if isinstance(rule, Leaf):
        return (rule.issue,)
    return tuple(sorted({i for k in rule.children for i in scope(k)}))


def _predicate(rule: CompiledRule) -> Callable[[Sequence[int]], bool]:
    """The rule as a closure: several times faster than walking the tree on every call."""
    if isinstance(rule, Leaf):
        position, allowed = rule.issue, rule.allowed
        return lambda index: index[position] in allowed
    kids = tuple(_predicate(k) for k in rule.children)
    match rule.op:
        case Op.ALL_OF:
            return lambda index: all(k(index) for k in kids)
        case Op.ANY_OF:
            return lambda index: any(k(index) for k in kids)
        case Op.NOT:
            inner = kids[0]
            return lambda index: not inner(index)
        case Op.IF:
            condition, then = kids
            return lambda index: not condition(index) or then(index)
        case Op.REQUIRE | Op.FORBID | Op.AT_LEAST | Op.AT_MOST:
            _not_a_combinator(rule.op)
        case _:
            assert_never(rule.op)


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

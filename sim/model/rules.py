"""The closed vocabulary of red-line rules.

A rule is data, never code: a tree of the eight node types below. Leaves talk about one issue;
the rest combine rules. A proposal satisfies a rule or it does not (there is no third value):

* an **open** issue (one the proposal does not address) satisfies ``forbid`` and fails
  ``require``, ``at_least`` and ``at_most``: nothing forbidden is on the table, and nothing
  required is either;
* ``not`` negates whatever its inner rule gives, open issues included;
* ``if``/``then`` holds when its condition fails, or when both hold.

Each kind has an ``Op`` (its TOML key) and one entry in ``RULE_KINDS``: its ``Shape`` in a file
(which the loader reads, the writer writes and the checks walk) and its meaning (the choices a
leaf allows, or how a combinator combines its children's values in any ``Logic``: the engine's
three-valued and compiled forms, the analysis's arrays). So a new kind of an existing shape is
written here and nowhere else. Every ``match`` on a shape ends in ``assert_never``, and the table
is checked against ``Op`` at import, so a forgotten case fails loudly.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterator, Protocol, Sequence, TypeVar, Union, assert_never

from sim.record import frozen

if TYPE_CHECKING:
    from sim.model.scenario import Issue


class Op(StrEnum):
    """The kinds of rule, named by their key in a scenario file."""

    REQUIRE = "require"
    FORBID = "forbid"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ALL_OF = "all_of"
    ANY_OF = "any_of"
    NOT = "not"
    IF = "if"  # with ``then`` beside it


@frozen
class Require:
    """The issue must be settled with one of ``options``."""

    op: ClassVar[Op] = Op.REQUIRE
    issue: str
    options: tuple[str, ...]


@frozen
class Forbid:
    """The issue must not be settled with any of ``options`` (leaving it open is fine)."""

    op: ClassVar[Op] = Op.FORBID
    issue: str
    options: tuple[str, ...]


@frozen
class AtLeast:
    """The issue must be settled with ``option`` or one listed after it in the issue's order."""

    op: ClassVar[Op] = Op.AT_LEAST
    issue: str
    option: str


@frozen
class AtMost:
    """The issue must be settled with ``option`` or one listed before it in the issue's order."""

    op: ClassVar[Op] = Op.AT_MOST
    issue: str
    option: str


@frozen
class AllOf:
    op: ClassVar[Op] = Op.ALL_OF
    rules: tuple["Rule", ...]


@frozen
class AnyOf:
    op: ClassVar[Op] = Op.ANY_OF
    rules: tuple["Rule", ...]


@frozen
class Not:
    op: ClassVar[Op] = Op.NOT
    rule: "Rule"


@frozen
class IfThen:
    """Applies ``then`` only when ``condition`` holds."""

    op: ClassVar[Op] = Op.IF
    condition: "Rule"
    then: "Rule"


RuleLeaf = Union[Require, Forbid, AtLeast, AtMost]
Rule = Union[Require, Forbid, AtLeast, AtMost, AllOf, AnyOf, Not, IfThen]


class Shape(Enum):
    """How a kind is written in a file (``sim.loading.rule_parser`` reads and writes each shape)."""

    OPTIONS = "an issue and a list of its options"  # { issue = "x", <op> = ["a", "b"] }
    OPTION = "an issue and one of its options"  # { issue = "x", <op> = "a" }
    RULES = "a list of rules"  # { <op> = [rule, rule] }
    RULE = "one rule"  # { <op> = rule }
    CONDITIONAL = "a condition and a consequence"  # { <op> = rule, then = rule }


T = TypeVar("T")


class Logic(Protocol[T]):
    """The connectives a combinator's meaning is written in; each evaluator supplies its own values."""

    def all_of(self, values: Sequence[T]) -> T: ...
    def any_of(self, values: Sequence[T]) -> T: ...
    def negate(self, value: T) -> T: ...
    def implies(self, condition: T, then: T) -> T: ...


@frozen
class RuleKind:
    """One kind of rule: its class, its shape in a file, and its meaning."""

    cls: type
    shape: Shape
    # a leaf: the choices of its issue it allows (option positions; len(options) is the open slot)
    allowed: Callable[[Any, "Issue"], frozenset[int]] | None = None
    # a combinator: its value from its children's values, in order
    combine: Callable[[Logic[Any], Sequence[Any]], Any] | None = None

    @property
    def is_leaf(self) -> bool:
        return self.shape in (Shape.OPTIONS, Shape.OPTION)


def _all(n: int) -> frozenset[int]:
    return frozenset(range(n + 1))  # every option and the open slot


RULE_KINDS: dict[Op, RuleKind] = {
    Op.REQUIRE: RuleKind(Require, Shape.OPTIONS,
                         allowed=lambda r, issue: frozenset(issue.position(o) for o in r.options)),
    Op.FORBID: RuleKind(Forbid, Shape.OPTIONS,
                        allowed=lambda r, issue: _all(len(issue.options)) - {issue.position(o) for o in r.options}),
    Op.AT_LEAST: RuleKind(AtLeast, Shape.OPTION,
                          allowed=lambda r, issue: frozenset(range(issue.position(r.option), len(issue.options)))),
    Op.AT_MOST: RuleKind(AtMost, Shape.OPTION,
                         allowed=lambda r, issue: frozenset(range(0, issue.position(r.option) + 1))),
    Op.ALL_OF: RuleKind(AllOf, Shape.RULES, combine=lambda logic, values: logic.all_of(values)),
    Op.ANY_OF: RuleKind(AnyOf, Shape.RULES, combine=lambda logic, values: logic.any_of(values)),
    Op.NOT: RuleKind(Not, Shape.RULE, combine=lambda logic, values: logic.negate(values[0])),
    Op.IF: RuleKind(IfThen, Shape.CONDITIONAL, combine=lambda logic, values: logic.implies(values[0], values[1])),
}

# Loud at import, not silent at use: every Op has its kind, and every kind its meaning.
for _op, _kind in RULE_KINDS.items():
    if _kind.cls.op is not _op or _kind.is_leaf != (_kind.allowed is not None) or _kind.is_leaf != (_kind.combine is None):
        raise AssertionError(f"rule kind `{_op}` is registered inconsistently")
if set(RULE_KINDS) != set(Op):
    raise AssertionError(f"rule kinds without an entry in RULE_KINDS: {sorted(set(Op) - set(RULE_KINDS))}")

LEAVES = tuple(kind.cls for kind in RULE_KINDS.values() if kind.is_leaf)


def kind_of(rule: Rule) -> RuleKind:
    return RULE_KINDS[rule.op]


def children(rule: Rule) -> tuple[Rule, ...]:
    shape = kind_of(rule).shape
    match shape:
        case Shape.RULES:
            return rule.rules  # type: ignore[union-attr]
        case Shape.RULE:
            return (rule.rule,)  # type: ignore[union-attr]
        case Shape.CONDITIONAL:
            return (rule.condition, rule.then)  # type: ignore[union-attr]
        case Shape.OPTIONS | Shape.OPTION:
            return ()
        case _:
            assert_never(shape)


def child_keys(rule: Rule) -> tuple[tuple[str | int, ...], ...]:
    """The key path from ``rule`` to each of its children in a scenario file, in ``children`` order."""
    shape = kind_of(rule).shape
    match shape:
        case Shape.RULES:
            return tuple((rule.op.value, i) for i in range(len(rule.rules)))  # type: ignore[union-attr]
        case Shape.RULE:
            return ((rule.op.value,),)
        case Shape.CONDITIONAL:
            return ((rule.op.value,), ("then",))
        case Shape.OPTIONS | Shape.OPTION:
            return ()
        case _:
            assert_never(shape)


def leaf_options(leaf: RuleLeaf) -> tuple[str, ...]:
    """The option ids a leaf names, in file order."""
    shape = kind_of(leaf).shape
    match shape:
        case Shape.OPTIONS:
            return leaf.options  # type: ignore[union-attr]
        case Shape.OPTION:
            return (leaf.option,)  # type: ignore[union-attr]
        case Shape.RULES | Shape.RULE | Shape.CONDITIONAL:
            raise AssertionError(f"`{leaf.op}` is not a leaf")
        case _:
            assert_never(shape)


def allowed_choices(leaf: RuleLeaf, issue: "Issue") -> frozenset[int]:
    """The choices of ``issue`` (option positions, ``len(issue.options)`` for open) a leaf allows."""
    allowed = kind_of(leaf).allowed
    if allowed is None:
        raise AssertionError(f"`{leaf.op}` is not a leaf")
    return allowed(leaf, issue)


def combine(op: Op, logic: Logic[T], values: Sequence[T]) -> T:
    """A combinator's value from its children's values, in ``logic``."""
    meaning = RULE_KINDS[op].combine
    if meaning is None:
        raise AssertionError(f"a compiled node cannot be a leaf kind: {op}")
    return meaning(logic, values)


def leaves(rule: Rule) -> Iterator[RuleLeaf]:
    """Every leaf of ``rule``, depth first, in file order."""
    if isinstance(rule, LEAVES):
        yield rule
        return
    for child in children(rule):
        yield from leaves(child)


def issues_of(rule: Rule) -> tuple[str, ...]:
    """The issues a rule looks at, in first-mention order, without repeats."""
    return tuple(dict.fromkeys(leaf.issue for leaf in leaves(rule)))

"""The closed vocabulary of red-line rules.

A rule is data, never code: a tree of the eight node types below. Leaves talk about one issue;
the rest combine rules. A proposal satisfies a rule or it does not (there is no third value):

* an **open** issue (one the proposal does not address) satisfies ``forbid`` and fails
  ``require``, ``at_least`` and ``at_most``: nothing forbidden is on the table, and nothing
  required is either;
* ``not`` negates whatever its inner rule gives, open issues included;
* ``if``/``then`` holds when its condition fails, or when both hold.

Each kind has an ``Op`` (its TOML key); every function that takes a rule apart matches on the
kind and ends in ``assert_never``, so a kind added here and forgotten elsewhere fails loudly
(in mypy, and at run time) instead of being read as some other kind. Evaluation lives in
:mod:`sim.engine`; this module only describes and inspects rules.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar, Iterator, Union, assert_never

from attrs import frozen


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


Leaf = Union[Require, Forbid, AtLeast, AtMost]
Rule = Union[Require, Forbid, AtLeast, AtMost, AllOf, AnyOf, Not, IfThen]
LEAVES = (Require, Forbid, AtLeast, AtMost)


def children(rule: Rule) -> tuple[Rule, ...]:
    match rule:
        case AllOf() | AnyOf():
            return rule.rules
        case Not():
            return (rule.rule,)
        case IfThen():
            return (rule.condition, rule.then)
        case Require() | Forbid() | AtLeast() | AtMost():
            return ()
        case _:
            assert_never(rule)


def child_keys(rule: Rule) -> tuple[tuple[str | int, ...], ...]:
    """The key path from ``rule`` to each of its children in a scenario file, in ``children`` order."""
    match rule:
        case AllOf() | AnyOf():
            return tuple((rule.op.value, i) for i in range(len(rule.rules)))
        case Not():
            return (("not",),)
        case IfThen():
            return (("if",), ("then",))
        case Require() | Forbid() | AtLeast() | AtMost():
            return ()
        case _:
            assert_never(rule)


def leaves(rule: Rule) -> Iterator[Leaf]:
    """Every leaf of ``rule``, depth first, in file order."""
    if isinstance(rule, LEAVES):
        yield rule
        return
    for child in children(rule):
        yield from leaves(child)


def issues_of(rule: Rule) -> tuple[str, ...]:
    """The issues a rule looks at, in first-mention order, without repeats."""
    return tuple(dict.fromkeys(leaf.issue for leaf in leaves(rule)))

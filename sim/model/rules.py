"""The closed vocabulary of red-line rules.

A rule is data, never code: a tree of the eight node types below. Leaves talk about one issue;
the rest combine rules. A proposal satisfies a rule or it does not (there is no third value):

* an **open** issue (one the proposal does not address) satisfies ``forbid`` and fails
  ``require``, ``at_least`` and ``at_most``: nothing forbidden is on the table, and nothing
  required is either;
* ``not`` negates whatever its inner rule gives, open issues included;
* ``if``/``then`` holds when its condition fails, or when both hold.

Evaluation lives in :mod:`sim.engine`; this module only describes and inspects rules.
"""

from __future__ import annotations

from typing import Iterator, Union

from attrs import frozen


@frozen
class Require:
    """The issue must be settled with one of ``options``."""

    issue: str
    options: tuple[str, ...]


@frozen
class Forbid:
    """The issue must not be settled with any of ``options`` (leaving it open is fine)."""

    issue: str
    options: tuple[str, ...]


@frozen
class AtLeast:
    """The issue must be settled with ``option`` or one listed after it in the issue's order."""

    issue: str
    option: str


@frozen
class AtMost:
    """The issue must be settled with ``option`` or one listed before it in the issue's order."""

    issue: str
    option: str


@frozen
class AllOf:
    rules: tuple["Rule", ...]


@frozen
class AnyOf:
    rules: tuple["Rule", ...]


@frozen
class Not:
    rule: "Rule"


@frozen
class IfThen:
    """Applies ``then`` only when ``condition`` holds."""

    condition: "Rule"
    then: "Rule"


Leaf = Union[Require, Forbid, AtLeast, AtMost]
Rule = Union[Require, Forbid, AtLeast, AtMost, AllOf, AnyOf, Not, IfThen]
LEAVES = (Require, Forbid, AtLeast, AtMost)


def children(rule: Rule) -> tuple[Rule, ...]:
    if isinstance(rule, (AllOf, AnyOf)):
        return rule.rules
    if isinstance(rule, Not):
        return (rule.rule,)
    if isinstance(rule, IfThen):
        return (rule.condition, rule.then)
    return ()


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


def depth(rule: Rule) -> int:
    kids = children(rule)
    return 1 + (max(depth(k) for k in kids) if kids else 0)

"""The table of rule kinds: every kind reads back what it writes, and means what its own words say."""

from __future__ import annotations

import pytest

from sim.engine.compiled import _ThreeValued, holds_partially, Leaf, Node
from sim.loading.rule_parser import parse_rule, rule_to_data
from sim.model.rules import RULE_KINDS, AllOf, AnyOf, AtLeast, AtMost, Forbid, IfThen, Not, Op, Require

A, B = Require("x", ("a",)), Forbid("y", ("b",))
EXAMPLES = {
    Op.REQUIRE: A, Op.FORBID: B, Op.AT_LEAST: AtLeast("x", "a"), Op.AT_MOST: AtMost("x", "a"),
    Op.ALL_OF: AllOf((A, B)), Op.ANY_OF: AnyOf((A, B)), Op.NOT: Not(A), Op.IF: IfThen(A, B),
}


def test_every_op_has_a_kind_and_an_example():
    assert set(RULE_KINDS) == set(Op) == set(EXAMPLES)


@pytest.mark.parametrize("op", list(Op))
def test_each_kind_reads_back_what_it_writes(op):
    rule = EXAMPLES[op]
    assert parse_rule(rule_to_data(rule)) == rule


@pytest.mark.parametrize(
    "op, values, expected",
    [
        (Op.ALL_OF, (True, None), None), (Op.ALL_OF, (False, None), False), (Op.ALL_OF, (True, True), True),
        (Op.ANY_OF, (False, None), None), (Op.ANY_OF, (True, None), True), (Op.ANY_OF, (False, False), False),
        (Op.NOT, (None,), None), (Op.NOT, (True,), False),
        (Op.IF, (False, None), True), (Op.IF, (None, True), True), (Op.IF, (True, False), False),
        (Op.IF, (True, None), None), (Op.IF, (None, False), None),
    ],
)
def test_combinators_are_three_valued(op, values, expected):
    """Unassigned issues (None) leave a combinator undecided only when the others do not decide it."""
    children = tuple(Leaf(i, frozenset({1})) for i in range(len(values)))  # holds when its issue is at 1
    assigned = {i: 1 for i, v in enumerate(values) if v is True} | {i: 0 for i, v in enumerate(values) if v is False}
    assert holds_partially(Node(op, children), assigned) is expected
    assert RULE_KINDS[op].combine(_ThreeValued, list(values)) is expected

"""A rule's TOML shape both ways: parsing tables into the rule vocabulary, collecting every
mistake, and writing a rule back. Each ``Shape`` of ``sim.model.rules`` is read and written here.

    { issue = "nato", forbid = ["member"] }          { all_of = [rule, rule] }
    { issue = "nato", require = "neutral" }          { any_of = [rule, rule] }
    { issue = "army", at_least = "cap_800k" }        { not = rule }
    { issue = "army", at_most = "cap_600k" }         { if = rule, then = rule }

Which issues and options exist is checked later, against the scenario.
"""

from __future__ import annotations

import difflib
from typing import Any, assert_never

from sim.loading.problems import KeyPath
from sim.model.rules import RULE_KINDS, Op, RuleKind, Rule, Shape, kind_of

MAX_RULE_DEPTH = 12

KIND_KEYS = tuple(op.value for op in RULE_KINDS)
ALL_KEYS = ("issue", *KIND_KEYS, "then")
SHAPES = 'write e.g. { issue = "nato", forbid = ["member"] }; see "Rules" in scenarios/FORMAT.md'


class Invalid(ValueError):
    """One problem at a path relative to where the value being structured sits."""

    def __init__(self, message: str, fix: str = "", path: KeyPath = ()) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix
        self.path = path


def parse_rule(value: Any) -> Rule:
    problems: list[Invalid] = []
    rule = _parse(value, (), problems, depth=1)
    if problems:
        raise ExceptionGroup("invalid rule", problems)
    assert rule is not None
    return rule


def _parse(value: Any, path: KeyPath, problems: list[Invalid], depth: int) -> Rule | None:
    if depth > MAX_RULE_DEPTH:
        problems.append(Invalid(f"rules are nested more than {MAX_RULE_DEPTH} deep", "simplify the rule", path))
        return None
    if not isinstance(value, dict):
        problems.append(Invalid("a rule must be a table", SHAPES, path))
        return None
    for key in value:
        if key not in ALL_KEYS:
            close = difflib.get_close_matches(key, ALL_KEYS, n=1, cutoff=0.6)
            fix = f"did you mean `{close[0]}`?" if close else "rule keys are " + ", ".join(f"`{k}`" for k in ALL_KEYS)
            problems.append(Invalid(f"unknown rule key `{key}`", fix, path + (key,)))
    kinds = [k for k in KIND_KEYS if k in value]
    if "then" in value and "if" not in value:
        problems.append(Invalid("`then` without `if`", "add `if = { ... }` beside it", path))
        return None
    if not kinds:
        if not any(k not in ALL_KEYS for k in value):
            problems.append(Invalid("the rule says nothing", SHAPES, path))
        return None
    if len(kinds) > 1:
        both = " and ".join(f"`{k}`" for k in kinds)
        problems.append(Invalid(f"a rule has one kind, found {both}", "combine separate rules with all_of", path))
        return None
    kind = RULE_KINDS[Op(kinds[0])]
    if kind.is_leaf:
        return _leaf(kind, value, path, problems)
    key = kind.cls.op.value
    if "issue" in value:
        problems.append(Invalid(f"`issue` does not belong beside `{key}`", "move it into a leaf rule", path))
    match kind.shape:
        case Shape.RULES:
            items = value[key]
            if not isinstance(items, list) or not items:
                problems.append(Invalid(f"`{key}` needs a non-empty list of rules", SHAPES, path + (key,)))
                return None
            rules = [_parse(item, path + (key, i), problems, depth + 1) for i, item in enumerate(items)]
            if any(r is None for r in rules):
                return None
            return kind.cls(tuple(rules))
        case Shape.RULE:
            inner = _parse(value[key], path + (key,), problems, depth + 1)
            return None if inner is None else kind.cls(inner)
        case Shape.CONDITIONAL:
            if "then" not in value:
                problems.append(
                    Invalid(f"`{key}` without `then`", f"add `then = {{ ... }}`: what must hold when `{key}` does", path)
                )
                return None
            condition = _parse(value[key], path + (key,), problems, depth + 1)
            then = _parse(value["then"], path + ("then",), problems, depth + 1)
            return None if condition is None or then is None else kind.cls(condition, then)
        case Shape.OPTIONS | Shape.OPTION:
            raise AssertionError("leaves are parsed by _leaf")
        case _:
            assert_never(kind.shape)


def _leaf(kind: RuleKind, value: dict, path: KeyPath, problems: list[Invalid]) -> Rule | None:
    key = kind.cls.op.value
    issue = value.get("issue")
    if issue is None:
        problems.append(Invalid(f"`{key}` needs the issue it is about", f'add `issue = "..."` beside `{key}`', path))
        return None
    if not isinstance(issue, str):
        problems.append(Invalid("`issue` must be an issue id in quotes", 'write issue = "nato"', path + ("issue",)))
        return None
    options = value[key]
    if kind.shape is Shape.OPTION:
        if not isinstance(options, str):
            problems.append(Invalid(f"`{key}` takes one option id", f'write {key} = "option_id"', path + (key,)))
            return None
        return kind.cls(issue, options)
    if isinstance(options, str):
        options = [options]
    if not isinstance(options, list) or not options or not all(isinstance(o, str) for o in options):
        problems.append(
            Invalid(f"`{key}` takes an option id or a list of them", f'write {key} = ["a", "b"]', path + (key,))
        )
        return None
    return kind.cls(issue, tuple(options))


def rule_to_data(rule: Rule) -> dict[str, Any]:
    """A rule as the tables a scenario file holds, in the shape ``parse_rule`` reads."""
    key = rule.op.value
    shape = kind_of(rule).shape
    match shape:
        case Shape.OPTIONS:
            return {"issue": rule.issue, key: list(rule.options)}  # type: ignore[union-attr]
        case Shape.OPTION:
            return {"issue": rule.issue, key: rule.option}  # type: ignore[union-attr]
        case Shape.RULES:
            return {key: [rule_to_data(r) for r in rule.rules]}  # type: ignore[union-attr]
        case Shape.RULE:
            return {key: rule_to_data(rule.rule)}  # type: ignore[union-attr]
        case Shape.CONDITIONAL:
            return {key: rule_to_data(rule.condition), "then": rule_to_data(rule.then)}  # type: ignore[union-attr]
        case _:
            assert_never(shape)

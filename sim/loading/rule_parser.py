"""Parses a rule written as TOML tables into the closed rule vocabulary, collecting every mistake.

    { issue = "nato", forbid = ["member"] }          { all_of = [rule, rule] }
    { issue = "nato", require = "neutral" }          { any_of = [rule, rule] }
    { issue = "army", at_least = "cap_800k" }        { not = rule }
    { issue = "army", at_most = "cap_600k" }         { if = rule, then = rule }

Which issues and options exist is checked later, against the scenario.
"""

from __future__ import annotations

import difflib
from typing import Any

from sim.loading.problems import KeyPath
from sim.model.rules import AllOf, AnyOf, AtLeast, AtMost, Forbid, IfThen, Not, Require, Rule

MAX_RULE_DEPTH = 12

LEAF_KEYS = ("require", "forbid", "at_least", "at_most")
GROUP_KEYS = ("all_of", "any_of")
ALL_KEYS = ("issue", *LEAF_KEYS, *GROUP_KEYS, "not", "if", "then")
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
    kinds = [k for k in (*LEAF_KEYS, *GROUP_KEYS, "not", "if") if k in value]
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
    kind = kinds[0]
    if kind in LEAF_KEYS:
        return _leaf(kind, value, path, problems)
    if "issue" in value:
        problems.append(Invalid(f"`issue` does not belong beside `{kind}`", "move it into a leaf rule", path))
    if kind in GROUP_KEYS:
        items = value[kind]
        if not isinstance(items, list) or not items:
            problems.append(Invalid(f"`{kind}` needs a non-empty list of rules", SHAPES, path + (kind,)))
            return None
        rules = [_parse(item, path + (kind, i), problems, depth + 1) for i, item in enumerate(items)]
        if any(r is None for r in rules):
            return None
        return (AllOf if kind == "all_of" else AnyOf)(tuple(rules))  # type: ignore[arg-type]
    if kind == "not":
        inner = _parse(value["not"], path + ("not",), problems, depth + 1)
        return None if inner is None else Not(inner)
    if "then" not in value:
        problems.append(Invalid("`if` without `then`", "add `then = { ... }`: what must hold when `if` does", path))
        return None
    condition = _parse(value["if"], path + ("if",), problems, depth + 1)
    then = _parse(value["then"], path + ("then",), problems, depth + 1)
    return None if condition is None or then is None else IfThen(condition, then)


def _leaf(kind: str, value: dict, path: KeyPath, problems: list[Invalid]) -> Rule | None:
    issue = value.get("issue")
    if issue is None:
        problems.append(Invalid(f"`{kind}` needs the issue it is about", f'add `issue = "..."` beside `{kind}`', path))
        return None
    if not isinstance(issue, str):
        problems.append(Invalid("`issue` must be an issue id in quotes", 'write issue = "nato"', path + ("issue",)))
        return None
    options = value[kind]
    if kind in ("at_least", "at_most"):
        if not isinstance(options, str):
            problems.append(Invalid(f"`{kind}` takes one option id", f'write {kind} = "option_id"', path + (kind,)))
            return None
        return (AtLeast if kind == "at_least" else AtMost)(issue, options)
    if isinstance(options, str):
        options = [options]
    if not isinstance(options, list) or not options or not all(isinstance(o, str) for o in options):
        problems.append(
            Invalid(f"`{kind}` takes an option id or a list of them", f'write {kind} = ["a", "b"]', path + (kind,))
        )
        return None
    return (Require if kind == "require" else Forbid)(issue, tuple(options))

"""The one cattrs converter that turns parsed TOML into model objects, and its error translator.

The rules for loading live here, apart from the models. Hooks are strict on purpose: TOML has real
types, so a string where a number belongs is the author's mistake to hear about, not to coerce.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, Callable, Iterable, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from sim.loading.problems import KeyPath, suggest
from sim.loading.rule_parser import Invalid, parse_rule
from sim.model import Basis, Confidence, Difficulty, FrozenMap, Kind, Proposal, Role, Rule, Scenario


def describe_value(value: Any) -> str:
    kinds = {str: "text", bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table"}
    kind = kinds.get(type(value), type(value).__name__)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        shown = repr(value) if len(repr(value)) <= 30 else repr(value)[:27] + "..."
        return f"{kind} {shown}"
    return kind


def _expect(kinds: tuple[type, ...], name: str, fix: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> Any:
        if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds):
            raise Invalid(f"expected {name}, found {describe_value(value)}", fix)
        return value

    return hook


def _structure_date(value: Any, _: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise Invalid("expected a date, found a date with a time", "write a plain date like 2025-12-03")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Invalid(f"expected a date, found {describe_value(value)}", "write a date like 2025-12-03, without quotes")


def _structure_float(value: Any, _: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid(f"expected a number, found {describe_value(value)}", "write a number without quotes, like 40")
    return float(value)


def _enum_hook(enum: type[Enum]) -> Callable[[Any, Any], Enum]:
    names = [e.value for e in enum]

    def hook(value: Any, _: Any) -> Enum:
        if isinstance(value, str) and value in names:
            return enum(value)
        shown = " or ".join(f'"{n}"' for n in names)
        hint = suggest(value, names) if isinstance(value, str) else f"write {shown}"
        raise Invalid(f"expected {shown}, found {describe_value(value)}", hint)

    return hook


def _rule_hook(value: Any, _: Any) -> Rule:
    return parse_rule(value)


def make_converter() -> Converter:
    converter = Converter(forbid_extra_keys=True, detailed_validation=True)

    def structure_each(items: Iterable[tuple[Any, Any]], item_type: Any, kind: Any, where: Callable[[Any], str],
                       what: str) -> list[tuple[Any, Any]]:
        """(key, structured value) for each of a list's or a table's items, every item's errors collected."""
        out, errors = [], []
        for key, item in items:
            try:
                out.append((key, converter.structure(item, item_type)))
            except Exception as error:  # noqa: BLE001 - every error is collected and reported
                error.add_note(IterableValidationNote(where(key), key, item_type))
                errors.append(error)
        if errors:
            raise IterableValidationError(what, errors, kind)
        return out

    def structure_tuple(value: Any, kind: Any) -> tuple:
        if not isinstance(value, list):
            raise Invalid(f"expected a list, found {describe_value(value)}", 'write a list like ["a", "b"]')
        (element,) = get_args(kind)[:1]
        found = structure_each(enumerate(value), element, kind, lambda i: f"@ index {i}", "invalid list items")
        return tuple(item for _, item in found)

    def structure_map(value: Any, kind: Any) -> FrozenMap:
        if not isinstance(value, dict):
            raise Invalid(f"expected a table, found {describe_value(value)}", "write a table like { a = 1 }")
        _, item_type = get_args(kind)
        return FrozenMap(dict(structure_each(value.items(), item_type, kind, lambda key: f"@ key {key!r}",
                                             "invalid table values")))

    converter.register_structure_hook(str, _expect((str,), "text", 'put the text in quotes, like "..."'))
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(int, _expect((int,), "a whole number", "write a whole number without quotes, like 30"))
    converter.register_structure_hook(bool, _expect((bool,), "true or false", "write true or false, without quotes"))
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(Rule, _rule_hook)
    converter.register_structure_hook_func(lambda t: get_origin(t) is tuple, structure_tuple)
    converter.register_structure_hook_func(lambda t: get_origin(t) is FrozenMap, structure_map)
    # Registered per class: a StrEnum is also a str, so single dispatch would hand it the str hook.
    for enum in (Role, Kind, Confidence, Basis, Difficulty):
        converter.register_structure_hook(enum, _enum_hook(enum))
    # `path` records where a file was loaded from; a file may not set it.
    for cls in (Scenario, Proposal):
        converter.register_structure_hook(cls, make_dict_structure_fn(cls, converter, path=override(omit=True)))
    return converter


CONVERTER = make_converter()


def _fields(cls: type | None) -> list[str]:
    if cls is None or not attrs.has(cls):
        return []
    return [f.name for f in attrs.fields(cls) if f.name != "path"]


def translate(error: BaseException, path: KeyPath = ()) -> list[tuple[KeyPath, str, str]]:
    """Flattens a cattrs error tree into (key path, what is wrong, how to fix it) triples."""
    if isinstance(error, ForbiddenExtraKeysError):
        valid = _fields(error.cl)
        return [
            (path + (key,), f"unknown key `{key}`", suggest(key, valid) if valid else "remove it")
            for key in sorted(error.extra_fields)
        ]
    if isinstance(error, (ClassValidationError, IterableValidationError, BaseExceptionGroup)):
        found = []
        for sub in error.exceptions:
            found += translate(sub, path + _segment(sub))
        return found
    if isinstance(error, Invalid):
        return [(path + error.path, error.message, error.fix)]
    if isinstance(error, KeyError):
        # A missing required key: cattrs points at the key, which is not in the file, so
        # report it on the table that should hold it.
        key = path[-1] if path else error.args[0]
        return [(path[:-1], f"missing required key `{key}`", f"add `{key} = ...`; see scenarios/FORMAT.md")]
    if isinstance(error, (TypeError, AttributeError)) and not path:
        return [(path, "expected a table", "see scenarios/FORMAT.md for the shape of this file")]
    return [(path, f"invalid value: {error}", "see scenarios/FORMAT.md")]


def _segment(error: BaseException) -> KeyPath:
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return (note.name,)
        if isinstance(note, IterableValidationNote):
            return (note.index,)
    return ()

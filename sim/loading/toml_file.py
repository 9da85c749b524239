"""Reads one TOML file defensively: every way it can fail becomes a Problem, never a traceback."""

from __future__ import annotations

import re
import tomllib
from functools import cached_property
from pathlib import Path
from typing import Any

from sim.loading.locate import Locator
from sim.loading.problems import Problem, ScenarioError
from sim.loading.reading import Unreadable, read_limited
from sim.loading.text_checks import control_problems, date_problems
from sim.record import frozen

MAX_BYTES = 2 * 1024 * 1024  # the default scenario is ~100 KB; anything past 2 MB is a mistake
MAX_DEPTH = 48  # tables and arrays nested deeper than this are a mistake (rules need about 20)


@frozen
class TomlFile:
    path: str
    data: dict[str, Any]
    text: str

    @cached_property
    def locator(self) -> Locator:
        """Built on the first problem only: scanning costs as much as parsing, and valid files never need it."""
        return Locator(self.text)

    def problem(self, path: tuple, message: str, fix: str = "") -> Problem:
        """A problem at ``path``, on its line; one about the file's own top-level keys (a missing
        `start`, say) is placed on line 1, where such keys go."""
        line = self.locator.line(tuple(path))
        return Problem(self.path, tuple(path), message, fix, line if line is not None or path else 1)


def _depth(value: Any) -> int:
    """How deeply tables and arrays nest; iterative, so a deep value cannot exhaust the stack."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        else:
            continue
        deepest = max(deepest, depth + 1)
    return deepest


_STRINGS_AND_COMMENTS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*')
_DOTTED = re.compile(r"(?:[A-Za-z0-9_-]*[ \t]*\.[ \t]*)+")


def _too_deep_line(text: str) -> int | None:
    """The line where nesting first goes past MAX_DEPTH, read before parsing so that a hostile file
    can neither exhaust the stack nor make the parser crawl (dotted keys cost it quadratic time).
    Brackets and the dots of dotted keys both count: ``a.b.c = 1`` nests as deep as ``[a.b]`` + ``c``."""
    depth = 0

    def blank(match: re.Match) -> str:  # strings and comments go, their line breaks stay
        return "\n" * match.group().count("\n") + ("x" if match.group()[0] in "\"'" else "")

    for number, line in enumerate(_STRINGS_AND_COMMENTS.sub(blank, text).split("\n"), start=1):
        dots = max((chain.group().count(".") for chain in _DOTTED.finditer(line)), default=0)
        for char in line:
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth = max(0, depth - 1)
            if depth + dots > MAX_DEPTH:
                return number
        if depth + dots > MAX_DEPTH:
            return number
    return None


def _line_of_byte(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def parse_text(raw: bytes, name: str) -> TomlFile:
    """Parses bytes already read from ``name``; raises ScenarioError with one clear problem."""

    def fail(message: str, fix: str, line: int | None = None) -> ScenarioError:
        return ScenarioError([Problem(name, (), message, fix, line)])

    if len(raw) > MAX_BYTES:
        raise fail(
            f"the file is {len(raw):,} bytes, more than the {MAX_BYTES:,} allowed",
            "split it up, or check that this is the file you meant",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise fail(
            f"byte {error.start} is not UTF-8 text (0x{raw[error.start]:02x})",
            "save the file as UTF-8 in your editor",
            _line_of_byte(raw, error.start),
        ) from None
    text = text.removeprefix("\ufeff")  # a byte-order mark is harmless; editors on Windows add it
    deep = _too_deep_line(text)
    if deep is not None:
        raise fail(f"tables, arrays or dotted keys are nested more than {MAX_DEPTH} deep", "flatten the nesting", deep)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(match.group(1)) if match else text.count("\n") + 1  # "at end of document"
        what = re.sub(r"\s*\(at line \d+, column \d+\)|\s*\(at end of document\)", "", message)
        where = f" at column {match.group(2)}" if match else ""
        raise fail(
            f"TOML syntax error{where}: {what[:1].lower() + what[1:]}",
            "check the quotes, brackets and `=` signs there; see scenarios/FORMAT.md",
            line,
        ) from None
    except RecursionError:
        raise fail(f"tables or arrays are nested more than {MAX_DEPTH} deep", "flatten the nesting") from None
    except ValueError:  # not a syntax error: an integer of more than 4,300 digits, which Python refuses
        long_number = re.search(r"[0-9_]{4000,}", text)
        line = text.count("\n", 0, long_number.start()) + 1 if long_number else None
        raise fail("a number here is thousands of digits long", "write a number of reasonable size", line) from None
    if _depth(data) > MAX_DEPTH:
        raise fail(f"tables, arrays or dotted keys are nested more than {MAX_DEPTH} deep", "flatten the nesting")
    file = TomlFile(name, data, text)
    hostile = control_problems(data) + date_problems(data)
    if hostile:
        raise ScenarioError(sorted((file.problem(*found) for found in hostile), key=lambda p: p.line or 0))
    return file


def read_toml(path: str | Path) -> TomlFile:
    """Reads and parses a TOML file: a regular file of at most MAX_BYTES, never a pipe or device."""
    name = str(path)
    try:
        raw = read_limited(path, MAX_BYTES, "a .toml file")
    except Unreadable as error:
        raise ScenarioError([Problem(name, (), error.message, error.fix)]) from None
    return parse_text(raw, name)

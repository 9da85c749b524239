"""Reads one TOML file defensively: every way it can fail becomes a Problem, never a traceback."""

from __future__ import annotations

import re
import tomllib
from functools import cached_property
from pathlib import Path
from typing import Any

from attrs import frozen

from sim.loading.locate import Locator
from sim.loading.problems import Problem, ScenarioError

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
        return Problem(self.path, tuple(path), message, fix, self.locator.line(tuple(path)))


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


def _bracket_depth(text: str) -> int:
    """An upper bound on nesting, read before parsing so a hostile file cannot exhaust the stack."""
    depth = deepest = 0
    for char in re.sub(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*', "", text):
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


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
    if _bracket_depth(text) > MAX_DEPTH:
        raise fail(f"tables or arrays are nested more than {MAX_DEPTH} deep", "flatten the nesting")
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
    if _depth(data) > MAX_DEPTH:
        raise fail(f"tables or arrays are nested more than {MAX_DEPTH} deep", "flatten the nesting")
    return TomlFile(name, data, text)


def read_toml(path: str | Path) -> TomlFile:
    name = str(path)
    file = Path(path)
    try:
        size = file.stat().st_size
        if file.is_dir():
            raise ScenarioError([Problem(name, (), "this is a folder, not a file", "give the path of a .toml file")])
        if size > MAX_BYTES:
            raise ScenarioError(
                [Problem(name, (), f"the file is {size:,} bytes, more than the {MAX_BYTES:,} allowed", "check the path")]
            )
        raw = file.read_bytes()
    except FileNotFoundError:
        raise ScenarioError([Problem(name, (), "no such file", "check the path and its spelling")]) from None
    except PermissionError:
        raise ScenarioError([Problem(name, (), "permission denied", "make the file readable")]) from None
    except OSError as error:
        raise ScenarioError([Problem(name, (), f"cannot read the file: {error.strerror}", "check the path")]) from None
    return parse_text(raw, name)

"""Text from a file is plain text: no control characters, in any key or value.

An ESC, BEL or OSC sequence in a title would reach the player's terminal (or, through `serve`, a
browser terminal allowed to write the clipboard) the moment the title is printed. So the loader
refuses them wherever they are, naming the key path, and everything printed that did not come
through the loader goes through :func:`printable` first.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, Iterator

KeyPath = tuple  # as in sim.loading.problems, which imports this module

# C0 and C1 controls and DEL, except tab and line feed (multi-line text is fine); carriage return
# only as part of a Windows line end. Bidirectional overrides and isolates reorder what the reader
# sees ("Trojan source"), so they count as control characters too.
_BIDI = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
CONTROL = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]|\r(?!\n)")
_STRIP = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_STRIP_LINE = re.compile(rf"[\x00-\x1f\x7f-\x9f{_BIDI}]")
FIX = "remove it: text holds printable characters only (start a new line with a real line break)"


def describe(char: str) -> str:
    """``\\x1b`` → ``U+001B (ESCAPE)``."""
    name = unicodedata.name(char, "") or {"\x1b": "ESCAPE", "\x07": "BELL", "\r": "CARRIAGE RETURN"}.get(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def first_control(text: str) -> tuple[int, str] | None:
    match = CONTROL.search(text)
    return None if match is None else (match.start(), match.group()[0])


def _strings(data: Any) -> Iterator[tuple[KeyPath, str, bool]]:
    """(path, text, is_key) for every key and string value; iterative, so depth cannot overflow."""
    stack: list[tuple[KeyPath, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str):
                    yield path + (key,), key, True
                stack.append((path + (key,), item))
        elif isinstance(value, list):
            stack.extend((path + (i,), item) for i, item in enumerate(value))
        elif isinstance(value, str):
            yield path, value, False


def control_problems(data: Any) -> list[tuple[KeyPath, str, str]]:
    """A (path, message, fix) for every key or string in ``data`` holding a control character."""
    found = []
    for path, text, is_key in _strings(data):
        hit = first_control(text)
        if hit is not None:
            where, char = hit
            what = "the key" if is_key else "the text"
            found.append((path, f"{what} holds the control character {describe(char)} at character {where + 1}", FIX))
    return sorted(found, key=lambda item: [str(part) for part in item[0]])


LATEST_YEAR = 9000  # a game's calendar runs on from a scenario's dates; near 9999 it would overflow


def _values(data: Any) -> Iterator[tuple[KeyPath, Any]]:
    stack: list[tuple[KeyPath, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((path + (key,), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((path + (i,), item) for i, item in enumerate(value))
        else:
            yield path, value


def date_problems(data: Any) -> list[tuple[KeyPath, str, str]]:
    """A (path, message, fix) for every date too late (or too early) to run a calendar from."""
    found = []
    for path, value in _values(data):
        if isinstance(value, (dt.date, dt.datetime)) and not 1 < value.year <= LATEST_YEAR:
            found.append((path, f"the date {value.isoformat()} is out of range",
                          f"use a date from the year 2 to {LATEST_YEAR}"))
    return sorted(found, key=lambda item: [str(part) for part in item[0]])


def printable(text: str, *, lines: bool = True) -> str:
    """``text`` with every control character removed (line breaks and tabs kept when ``lines``),
    for anything printed that did not come through the loader: ids echoed from the command line,
    error messages quoting a file, names of files."""
    return (_STRIP if lines else _STRIP_LINE).sub("", text.replace("\r\n", "\n"))

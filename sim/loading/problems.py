"""Problems found in a scenario or proposal file, and the one error type the loader raises."""

from __future__ import annotations

import difflib
from typing import Any, Iterable

from sim.loading.text_checks import printable
from sim.record import frozen

KeyPath = tuple[str | int, ...]


def format_path(path: KeyPath) -> str:
    """``("parties", 0, "red_lines", 2, "rule")`` → ``parties[0].red_lines[2].rule``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@frozen
class Problem:
    file: str
    path: KeyPath
    message: str  # what is wrong
    fix: str = ""  # how to fix it
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        key = format_path(self.path)
        text = f"{where}: {key + ': ' if key else ''}{self.message}"
        # A key or message may quote a file's bytes: never let them reach a terminal as controls.
        return printable(f"{text}; {self.fix}" if self.fix else text, lines=False)


class ScenarioError(Exception):
    """Everything wrong with one or more files, reported together."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def suggest(word: str, candidates: Any) -> str:
    """``did you mean `x`?`` for a near miss, else the list of valid words."""
    candidates = [str(c) for c in candidates]
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    if not candidates:
        return "there are none to choose from"
    shown = ", ".join(f"`{c}`" for c in candidates[:12])
    return f"valid: {shown}" + (", ..." if len(candidates) > 12 else "")

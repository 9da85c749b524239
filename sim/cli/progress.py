"""Progress of a long computation on the terminal: one line on stderr, rewritten, then cleared.

Silent when stderr is not a terminal, so pipes and scripts see clean output.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

LABELS = {
    "blocks": "grouping tied issues",
    "counting": "counting the zone of possible agreement",
    "frontier": "tracing the Pareto frontier",
    "sensitivity": "testing each relaxation",
    "explaining": "looking for what blocks a deal",
    "calibrations": "analysing calibrations",
    "working": "working",
}


class TerminalProgress:
    """Call it with (stage, done, total); use it as a context manager so the line is always cleared."""

    def __init__(self, stream: TextIO | None = None, delay: float = 0.3) -> None:
        self.stream = stream or getattr(sys.stderr, "raw", sys.stderr)  # its own codes pass the output filter
        self.active = self.stream.isatty()
        self.start = time.monotonic()
        self.delay = delay  # quick answers print nothing
        self.shown = False
        self.stage, self.count = "working", ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.active or time.monotonic() - self.start < self.delay:
            return
        self.stage, self.count = stage, (f" {done}/{total}" if total > 1 else "")
        label, count = LABELS.get(stage, stage), self.count
        self.stream.write(f"\r\033[K{label}{count}...")
        self.stream.flush()
        self.shown = True

    def tick(self, spent: float) -> None:
        """Still working: the stage shown, with the seconds spent (and how to stop)."""
        if not self.active or spent < self.delay:
            return
        self.stream.write(f"\r\033[K{LABELS.get(self.stage, self.stage)}{self.count}... {spent:.0f} s (Ctrl-C stops)")
        self.stream.flush()
        self.shown = True

    def __enter__(self) -> "TerminalProgress":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()

"""Can a set of rules all hold at once? A bounded backtracking search with three-valued pruning.

Deciding this is NP-complete (red lines can encode a pigeonhole puzzle: 52 KB of them kept the
unbounded search busy for minutes), so every search has a budget of steps and, optionally, of
seconds; when it runs out the answer is Undecided, never a hang. Steps keep the answer
deterministic where it must be (a game replays exactly); seconds keep a command responsive.
"""

from __future__ import annotations

import time
from typing import Sequence

from sim.engine.compiled import CompiledRule, holds_partially, scope

STEPS = 200_000  # choices tried; the shipped scenarios need a few hundred, a pigeonhole set of 7 millions
SECONDS = 2.0  # a wall-clock cap on top, for commands and the loader


class Undecided(Exception):
    """The search ran out of budget before it could tell."""

    def __init__(self, steps: int, seconds: float) -> None:
        super().__init__(f"could not decide in {seconds:.1f} s ({steps:,} steps)")
        self.steps = steps
        self.seconds = seconds


def satisfying_choices(
    rules: Sequence[CompiledRule], sizes: Sequence[int], *, steps: int = STEPS, seconds: float | None = SECONDS,
) -> dict[int, int] | None:
    """Choices for the issues the rules read that satisfy every rule, or None when none exist.

    ``sizes`` gives the number of choices (the open slot included) per issue position. Raises
    Undecided after ``steps`` choices or ``seconds`` (None: no time cap, fully deterministic).
    """
    started = time.monotonic()
    if any(holds_partially(rule, {}) is False for rule in rules):
        return None
    issues = sorted({i for rule in rules for i in scope(rule)})
    # After a choice only the rules reading that issue can change their answer.
    touching = {issue: [rule for rule in rules if issue in scope(rule)] for issue in issues}
    assigned: dict[int, int] = {}
    choice = [-1] * len(issues)
    depth, tried = 0, 0
    while depth < len(issues):  # iterative, so thousands of issues cannot exhaust the stack
        issue = issues[depth]
        choice[depth] += 1
        if choice[depth] >= sizes[issue]:
            choice[depth] = -1
            assigned.pop(issue, None)
            depth -= 1
            if depth < 0:
                return None
            continue
        tried += 1
        if tried > steps or (seconds is not None and tried % 1024 == 0 and time.monotonic() - started > seconds):
            raise Undecided(tried, time.monotonic() - started)
        assigned[issue] = choice[depth]
        if all(holds_partially(rule, assigned) is not False for rule in touching[issue]):
            depth += 1
    return dict(assigned)

"""Can a set of rules all hold at once? A backtracking search with three-valued pruning."""

from __future__ import annotations

from typing import Sequence

from sim.engine.compiled import CompiledRule, holds_partially, scope


def satisfying_choices(rules: Sequence[CompiledRule], sizes: Sequence[int]) -> dict[int, int] | None:
    """Choices for the issues the rules read that satisfy every rule, or None when none exist.

    ``sizes`` gives the number of choices (the open slot included) per issue position.
    """
    issues = sorted({i for rule in rules for i in scope(rule)})
    assigned: dict[int, int] = {}

    def consistent() -> bool:
        return all(holds_partially(rule, assigned) is not False for rule in rules)

    def search(depth: int) -> bool:
        if depth == len(issues):
            return True
        issue = issues[depth]
        for choice in range(sizes[issue]):
            assigned[issue] = choice
            if consistent() and search(depth + 1):
                return True
        del assigned[issue]
        return False

    return dict(assigned) if search(0) else None

"""Which issues red lines tie together: the groups every method keeps whole."""

from __future__ import annotations

from typing import Iterable

from sim.analysis.problem import Line, Problem


def union_find(issues: Iterable[int], links: Iterable[Iterable[int]]) -> list[list[int]]:
    """The groups of ``issues`` that ``links`` connect, each ascending, ordered by first issue."""
    parent = {i: i for i in issues}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for group in links:
        group = list(group)
        for i in group[1:]:
            parent[root(i)] = root(group[0])
    groups: dict[int, list[int]] = {}
    for i in parent:
        groups.setdefault(root(i), []).append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def free_scope(line: Line, problem: Problem) -> list[int]:
    """The issues a line reads that still have a choice (more than one allowed option)."""
    return [i for i in line.scope if len(problem.domains[i]) > 1]


def components(problem: Problem) -> list[list[int]]:
    """The free issues, grouped by the red lines that tie them."""
    free = [i for i, d in enumerate(problem.domains) if len(d) > 1]
    return union_find(free, (free_scope(line, problem) for line in problem.lines))

"""The acceptable proposal closest to a draft: fewest changed issues, then the best Nash product.

A depth-first branch and bound over the issues, with iterative deepening on the number of changes
(the first budget that admits an acceptable proposal is the distance). At each node the bound asks,
for every column the parties' acceptance reads, whether the sum so far, plus the draft's choices
for the remaining issues, plus the best improvements the remaining budget can buy, can still reach
the minimum. The same bound on the sum of those columns catches parties that pull against each
other. Red lines tying several issues are checked once their last issue is chosen (issues are
ordered so that tied issues come together). Pure Python: a query on the 10-million-proposal
benchmark visits a few hundred nodes.
"""

from __future__ import annotations

import math
from typing import Sequence

from attrs import frozen

from sim.analysis.problem import Line, Problem
from sim.analysis.ties import components


@frozen(eq=False)
class Plan:
    """What a search needs from a problem, worked out once per problem."""

    order: tuple[int, ...]  # free issues, tied ones together
    constants: tuple[tuple[int, int], ...]  # (issue, its only allowed choice)
    # rows[i][choice]: the choice's contribution to every column, then to the sum of constrained ones
    rows: tuple[tuple[tuple[int, ...], ...], ...]
    choices: tuple[tuple[int, ...], ...]  # per issue: allowed choices, most helpful first
    lines_at: tuple[tuple[tuple[Line, tuple[int, ...]], ...], ...]  # per depth: lines decided there, with penalty rows
    lines_first: tuple[tuple[Line, tuple[int, ...]], ...]  # lines over constants only
    minimums: tuple[tuple[int, int], ...]  # (slot, minimum), the sum slot last
    feasible: bool


def plan(problem: Problem) -> Plan:
    width = problem.width
    constrained = [c for c, _ in problem.constraints]
    rows = tuple(
        tuple(
            tuple(problem.tables[c][i][x] for c in range(width)) + (sum(problem.tables[c][i][x] for c in constrained),)
            for x in range(problem.compiled.sizes[i])
        )
        for i in range(problem.issue_count)
    )
    choices = tuple(tuple(sorted(d, key=lambda x, i=i: (-rows[i][x][-1], x))) for i, d in enumerate(problem.domains))
    groups = components(problem)
    spread = {
        i: max(rows[i][x][-1] for x in problem.domains[i]) - min(rows[i][x][-1] for x in problem.domains[i])
        for g in groups for i in g
    }
    groups.sort(key=lambda g: (-max(spread[i] for i in g), g[0]))
    order = tuple(i for g in groups for i in sorted(g, key=lambda i: (-spread[i], i)))
    depth_of = {i: d for d, i in enumerate(order)}
    lines_at: list[list[tuple[Line, tuple[int, ...]]]] = [[] for _ in order]
    lines_first = []
    for line in problem.lines:
        penalty = [0] * (width + 1)
        penalty[problem.net_column[line.party]] = line.penalty
        if problem.penalty_column[line.party] is not None:
            penalty[problem.penalty_column[line.party]] = line.penalty
        penalty[width] = sum(penalty[c] for c in constrained)
        entry = (line, tuple(penalty))
        depths = [depth_of[i] for i in line.scope if i in depth_of]
        if depths:
            lines_at[max(depths)].append(entry)
        else:
            lines_first.append(entry)
    minimums = tuple(problem.constraints) + ((width, sum(m for _, m in problem.constraints)),)
    return Plan(
        order=order,
        constants=tuple((i, d[0]) for i, d in enumerate(problem.domains) if len(d) == 1),
        rows=rows,
        choices=choices,
        lines_at=tuple(tuple(entries) for entries in lines_at),
        lines_first=tuple(lines_first),
        minimums=minimums,
        feasible=all(problem.domains),
    )


def _improvement_sums(plan: Plan, draft: Sequence[int], slots: int) -> tuple[list, list, list]:
    """Per depth: the draft's (or forced) sums over the remaining issues, the forced changes left,
    and per slot the prefix sums of the remaining improvements, largest first."""
    order = plan.order
    n = len(order)
    base = [[0] * slots for _ in range(n + 1)]
    forced = [0] * (n + 1)
    gains: list[list[int]] = [[] for _ in range(slots)]
    tops: list[list[list[int]]] = [None] * (n + 1)  # type: ignore[list-item]
    tops[n] = [[0] for _ in range(slots)]
    for depth in range(n - 1, -1, -1):
        i = order[depth]
        table, allowed = plan.rows[i], plan.choices[i]
        best = [max(table[x][s] for x in allowed) for s in range(slots)]
        below = base[depth + 1]
        if draft[i] in allowed:
            start = table[draft[i]]
            base[depth] = [below[s] + start[s] for s in range(slots)]
            forced[depth] = forced[depth + 1]
            for s in range(slots):
                gains[s].append(best[s] - start[s])
        else:
            base[depth] = [below[s] + best[s] for s in range(slots)]
            forced[depth] = forced[depth + 1] + 1
        level = []
        for s in range(slots):
            running = [0]
            for gain in sorted(gains[s], reverse=True):
                running.append(running[-1] + gain)
            level.append(running)
        tops[depth] = level
    return base, forced, tops


def search(problem: Problem, the_plan: Plan, draft: Sequence[int]) -> tuple[tuple[int, ...], list[int], int] | None:
    """(index, column sums, distance) of the closest acceptable proposal, or None."""
    if not the_plan.feasible:
        return None
    width = problem.width
    slots = width + 1
    current = list(draft)
    acc = [0] * slots
    cost = 0
    for i, choice in the_plan.constants:
        current[i] = choice
        cost += draft[i] != choice
        row = the_plan.rows[i][choice]
        for s in range(slots):
            acc[s] += row[s]
    for line, penalty in the_plan.lines_first:
        if not line.test(current):
            if line.hard:
                return None
            for s in range(slots):
                acc[s] -= penalty[s]
    base, forced, tops = _improvement_sums(the_plan, draft, slots)
    order, rows, choices, lines_at = the_plan.order, the_plan.rows, the_plan.choices, the_plan.lines_at
    minimums = the_plan.minimums
    n = len(order)
    thresholds = problem.thresholds
    nets = problem.net_column
    parties = range(len(thresholds))
    best: list = [None, None, None]  # key, index, sums

    def hopeful(depth: int, spare: int) -> bool:
        """Can the remaining issues, with ``spare`` more changes, still meet every minimum?"""
        room = spare - forced[depth]
        if room < 0:
            return False
        below, top = base[depth], tops[depth]
        for slot, minimum in minimums:
            prefix = top[slot]
            if acc[slot] + below[slot] + prefix[min(room, len(prefix) - 1)] < minimum:
                return False
        if best[0] is not None:  # only a better Nash product is worth finding now
            product = 1
            for q in parties:
                slot = nets[q]
                prefix = top[slot]
                gain = max(0, acc[slot] + below[slot] + prefix[min(room, len(prefix) - 1)]) - thresholds[q]
                if gain <= 0:
                    product = 0
                    break
                product *= gain
            if product < best[0][0]:
                return False
        return True

    def leaf() -> None:
        utilities = [problem.utility(q, acc) for q in parties]
        gains = [u - t for u, t in zip(utilities, thresholds)]
        key = (math.prod(gains), sum(gains), tuple(utilities))
        if best[0] is None or key > best[0]:
            best[0], best[1], best[2] = key, tuple(current), acc[:width]

    def visit(depth: int, spare: int) -> None:
        if depth == n:
            leaf()
            return
        i = order[depth]
        was = draft[i]
        table = rows[i]
        decided = lines_at[depth]
        options = choices[i]
        if was in options:
            options = (was, *(x for x in options if x != was))
        for x in options:
            step = 0 if x == was else 1
            if step > spare:
                continue
            current[i] = x
            row = table[x]
            for s in range(slots):
                acc[s] += row[s]
            lost = []
            broken = False
            for line, penalty in decided:
                if not line.test(current):
                    if line.hard:
                        broken = True
                        break
                    lost.append(penalty)
                    for s in range(slots):
                        acc[s] -= penalty[s]
            if not broken and hopeful(depth + 1, spare - step):
                visit(depth + 1, spare - step)
            for penalty in lost:
                for s in range(slots):
                    acc[s] += penalty[s]
            for s in range(slots):
                acc[s] -= row[s]
        current[i] = was

    for budget in range(forced[0], n + 1):
        if hopeful(0, budget):
            visit(0, budget)
        if best[0] is not None:
            return best[1], best[2], cost + budget
    return None

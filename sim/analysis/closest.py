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

from sim.analysis import budget
from sim.analysis.budget import TooTangled
from sim.analysis.problem import Line, Problem
from sim.analysis.ties import components
from sim.record import frozen


@frozen(eq=False)
class Plan:
    """What a search needs from a problem, worked out once per problem."""

    order: tuple[int, ...]  # free issues, tied ones together
    constants: tuple[tuple[int, int], ...]  # (issue, its only allowed choice)
    # rows[i][choice]: the choice's contribution to every column, then to the sums of constrained ones
    rows: tuple[tuple[tuple[int, ...], ...], ...]
    choices: tuple[tuple[int, ...], ...]  # per issue: allowed choices, most helpful first
    lines_at: tuple[tuple[tuple[Line, tuple[int, ...]], ...], ...]  # per depth: lines decided there, with penalty rows
    lines_first: tuple[tuple[Line, tuple[int, ...]], ...]  # lines over constants only
    minimums: tuple[tuple[int, int], ...]  # (slot, minimum), the sum slots first
    slots: int  # columns, then sums
    feasible: bool


def plan(problem: Problem) -> Plan:
    width = problem.width
    # An extra slot sums the constrained columns: parties that pull against each other can each
    # reach their level alone but not together, which the sum sees. (Sums over every pair as well
    # were measured: 10% fewer nodes, but slower nodes.)
    constrained = [c for c, _ in problem.constraints]
    combos = [list(range(len(constrained)))] if constrained else []
    rows = tuple(
        tuple(
            tuple(problem.tables[c][i][x] for c in range(width))
            + tuple(sum(problem.tables[constrained[k]][i][x] for k in combo) for combo in combos)
            for x in range(problem.compiled.sizes[i])
        )
        for i in range(problem.issue_count)
    )
    total = width  # the slot of the sum over every constrained column (when there is one)
    choices = tuple(tuple(sorted(d, key=lambda x, i=i: (-rows[i][x][total] if combos else 0, x)))
                    for i, d in enumerate(problem.domains))
    groups = components(problem)
    spread = {
        i: (max(rows[i][x][total] for x in problem.domains[i]) - min(rows[i][x][total] for x in problem.domains[i]))
        if combos else 0
        for g in groups for i in g
    }
    groups.sort(key=lambda g: (-max(spread[i] for i in g), g[0]))
    order = tuple(i for g in groups for i in sorted(g, key=lambda i: (-spread[i], i)))
    depth_of = {i: d for d, i in enumerate(order)}
    lines_at: list[list[tuple[Line, tuple[int, ...]]]] = [[] for _ in order]
    lines_first = []
    for line in problem.lines:
        penalty = [0] * width
        penalty[problem.net_column[line.party]] = line.penalty
        if problem.penalty_column[line.party] is not None:
            penalty[problem.penalty_column[line.party]] = line.penalty
        penalty += [sum(penalty[constrained[k]] for k in combo) for combo in combos]
        entry = (line, tuple(penalty))
        depths = [depth_of[i] for i in line.scope if i in depth_of]
        if depths:
            lines_at[max(depths)].append(entry)
        else:
            lines_first.append(entry)
    minimums = tuple((width + j, sum(problem.constraints[k][1] for k in combo)) for j, combo in enumerate(combos))
    minimums += tuple(problem.constraints)  # the sums first: they fail most often
    return Plan(
        order=order,
        constants=tuple((i, d[0]) for i, d in enumerate(problem.domains) if len(d) == 1),
        rows=rows,
        choices=choices,
        lines_at=tuple(tuple(entries) for entries in lines_at),
        lines_first=tuple(lines_first),
        minimums=minimums,
        slots=width + len(combos),
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
            running += [running[-1]] * (n + 1 - len(running) + 1)  # any budget up to n indexes it
            level.append(running)
        tops[depth] = level
    tops[n] = [[0] * (n + 2) for _ in range(slots)]
    return base, forced, tops


NODES = 1_000_000  # visits; the benchmark's queries need a few hundred. Counted, not timed: games replay exactly.


class SearchTooLong(TooTangled):
    """The closest-proposal search used up its budget of nodes."""


def search(problem: Problem, the_plan: Plan, draft: Sequence[int], nodes: int | None = None) -> tuple[tuple[int, ...], list[int], int] | None:
    """(index, column sums, distance) of the closest acceptable proposal, or None. Raises
    SearchTooLong (a TooTangled) after ``nodes`` visits."""
    if not the_plan.feasible:
        return None
    width = problem.width
    slots = the_plan.slots
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
    visited = [0]
    nodes = NODES if nodes is None else nodes

    def hopeful(depth: int, spare: int) -> bool:
        """Can the remaining issues, with ``spare`` more changes, still meet every minimum?"""
        room = spare - forced[depth]
        if room < 0:
            return False
        below, top = base[depth], tops[depth]
        for slot, minimum in minimums:
            if acc[slot] + below[slot] + top[slot][room] < minimum:
                return False
        if best[0] is not None:  # only a better Nash product is worth finding now
            product = 1
            for q in parties:
                slot = nets[q]
                gain = max(0, acc[slot] + below[slot] + top[slot][room]) - thresholds[q]
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

    def rest_as_drafted(depth: int) -> None:
        """No change left to spend: the remaining issues keep the draft's choices (all allowed, or
        ``hopeful`` would have said no), so the leaf is reached directly."""
        below = base[depth]
        for s in range(slots):
            acc[s] += below[s]
        lost = []
        for later in range(depth, n):
            for line, penalty in lines_at[later]:
                if not line.test(current):
                    if line.hard:
                        lost = None
                        break
                    lost.append(penalty)
            if lost is None:
                break
        if lost is not None:
            for penalty in lost:
                for s in range(slots):
                    acc[s] -= penalty[s]
            if all(acc[slot] >= minimum for slot, minimum in minimums):
                leaf()
            for penalty in lost:
                for s in range(slots):
                    acc[s] += penalty[s]
        for s in range(slots):
            acc[s] -= below[s]

    def visit(depth: int, spare: int) -> None:
        visited[0] += 1
        if not visited[0] & 4095:
            budget.check()
        if visited[0] > nodes:
            raise SearchTooLong(f"the search for the closest acceptable proposal passed {nodes:,} steps: "
                                "the red lines tie too many issues together")
        if depth == n:
            leaf()
            return
        if spare == 0:
            rest_as_drafted(depth)
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

    for changes in range(forced[0], n + 1):
        if hopeful(0, changes):
            visit(0, changes)
        if best[0] is not None:
            return best[1], best[2], cost + changes
    return None

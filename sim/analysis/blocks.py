"""Issues tied by red lines, grouped into blocks whose joint choices are listed with numpy.

Two issues share a block when a red line reads both. Blocks are independent of one another: a
proposal is one allowed choice per block, and its column sums are the sums of its blocks' columns.
That is what lets the analysis count and merge blocks instead of enumerating the whole space.

Issues with a single allowed choice (fixed terms) are constants: they join no block and their
columns go into ``offset``. When tied issues form a group too large to list, ``branches`` splits
the problem on the issues that tie the most red lines, one sub-problem per choice of them.
"""

from __future__ import annotations

import functools
import itertools
from typing import Iterable

import numpy as np

from sim.analysis.budget import TooTangled
from sim.analysis.problem import Line, Problem
from sim.analysis.ties import components, free_scope
from sim.engine.compiled import Leaf
from sim.model.rules import combine
from sim.record import frozen

BLOCK_LIMIT = 200_000  # joint choices one block may list; a larger tied group is split by branching
BRANCH_LIMIT = 4_096  # sub-problems branching may create before the problem is called too tangled


@frozen(eq=False)
class Block:
    issues: tuple[int, ...]
    choices: np.ndarray  # (k, len(issues)): the choice of each issue, one allowed joint choice per row
    columns: np.ndarray  # (k, width), int64: what each joint choice adds to every column


@frozen(eq=False)
class Decomposition:
    problem: Problem
    blocks: tuple[Block, ...]
    offset: np.ndarray  # (width,) the columns of the constant issues
    constants: dict[int, int]  # issue -> its only allowed choice
    feasible: bool  # False when some issue or block has no allowed choice

    @property
    def size(self) -> int:
        """How many proposals the blocks allow (hard red lines of the problem's parties respected)."""
        if not self.feasible:
            return 0
        product = 1
        for block in self.blocks:
            product *= len(block.choices)
        return product

    def indexes(self, rows: np.ndarray) -> np.ndarray:
        """The compiled indexes of many proposals at once, from their rows per block (n, blocks)."""
        result = np.zeros((len(rows), self.problem.issue_count), dtype=np.int64)
        for issue, choice in self.constants.items():
            result[:, issue] = choice
        for b, block in enumerate(self.blocks):
            result[:, list(block.issues)] = block.choices[rows[:, b]]
        return result

    def index(self, rows: Iterable[int]) -> tuple[int, ...]:
        """The compiled index of one row per block."""
        index = [0] * self.problem.issue_count
        for issue, choice in self.constants.items():
            index[issue] = choice
        for block, row in zip(self.blocks, rows):
            for issue, choice in zip(block.issues, block.choices[row]):
                index[issue] = int(choice)
        return tuple(index)


class GroupsTooFine(ValueError):
    """The groups given to ``decompose`` split issues that a red line ties."""


def _product(problem: Problem, issues: Iterable[int]) -> int:
    product = 1
    for i in issues:
        product *= len(problem.domains[i])
    return product


def branches(problem: Problem) -> list[Problem]:
    """``[problem]``, or sub-problems that fix the most tied issues, when a tied group is too large."""
    hubs: list[int] = []
    current = problem
    while True:
        groups = components(current)
        largest = max(groups, key=lambda g: _product(current, g), default=[])
        if _product(current, largest) <= BLOCK_LIMIT:
            break
        degree = {i: sum(i in free_scope(line, current) for line in current.lines) for i in largest}
        hub = max(largest, key=lambda i: (degree[i], len(current.domains[i]), -i))
        hubs.append(hub)
        current = current.with_domains({hub: current.domains[hub][:1]})  # any single choice: only shape matters
    if not hubs:
        return [problem]
    if _product(problem, hubs) > BRANCH_LIMIT:
        raise TooTangled("the red lines tie too many issues together to analyse the space exactly")
    return [
        problem.with_domains({hub: (choice,) for hub, choice in zip(hubs, choices)})
        for choices in itertools.product(*(problem.domains[h] for h in hubs))
    ]


class _Masks:
    """The connectives over boolean arrays."""

    @staticmethod
    def all_of(kids: list[np.ndarray]) -> np.ndarray:
        return functools.reduce(np.logical_and, kids)

    @staticmethod
    def any_of(kids: list[np.ndarray]) -> np.ndarray:
        return functools.reduce(np.logical_or, kids)

    @staticmethod
    def negate(inner: np.ndarray) -> np.ndarray:
        return np.logical_not(inner)

    @staticmethod
    def implies(condition: np.ndarray, then: np.ndarray) -> np.ndarray:
        return np.logical_or(np.logical_not(condition), then)


def rule_mask(rule, choices: dict[int, np.ndarray]) -> np.ndarray:
    """Where a compiled rule holds, for arrays of choices per issue (broadcast together)."""
    if isinstance(rule, Leaf):
        allowed = np.zeros(max(rule.allowed, default=0) + 2, dtype=bool)
        allowed[list(rule.allowed)] = True
        values = np.minimum(choices[rule.issue], len(allowed) - 1)  # choices past the table are not allowed
        return allowed[values]
    return combine(rule.op, _Masks, [rule_mask(k, choices) for k in rule.children])


def _list_block(problem: Problem, issues: list[int], lines: list[Line], constants: dict[int, int]) -> Block:
    shape = [len(problem.domains[i]) for i in issues]
    positions = np.indices(shape).reshape(len(issues), -1)
    grid = {i: np.asarray(problem.domains[i], dtype=np.int64)[positions[a]] for a, i in enumerate(issues)}
    count = positions.shape[1]
    columns = np.zeros((count, problem.width), dtype=np.int64)
    for c, table in enumerate(problem.tables):
        for i in issues:
            columns[:, c] += np.asarray(table[i], dtype=np.int64)[grid[i]]
    valid = np.ones(count, dtype=bool)
    everything = {**{i: np.int64(choice) for i, choice in constants.items()}, **grid}
    for line in lines:
        holds = np.broadcast_to(rule_mask(line.rule, everything), (count,))
        if line.hard:
            valid &= holds
        else:
            fails = np.where(holds, 0, line.penalty)
            columns[:, problem.net_column[line.party]] -= fails
            column = problem.penalty_column[line.party]
            if column is not None:
                columns[:, column] -= fails
    choices = np.stack([grid[i] for i in issues], axis=1).astype(np.int16)
    return Block(tuple(issues), choices[valid], columns[valid])


def decompose(problem: Problem, cache: dict | None = None, groups: list[list[int]] | None = None) -> Decomposition:
    """The problem's blocks; ``cache`` (a dict kept by the caller) reuses blocks an earlier problem listed.

    ``groups`` may give coarser blocks than the problem needs (each of its tied groups inside one of
    them), e.g. a relaxed problem's blocks shaped like the original's, so the two can be compared
    block by block; free issues outside every group get blocks of their own.
    """
    width = problem.width
    offset = np.zeros(width, dtype=np.int64)
    if any(not d for d in problem.domains):
        return Decomposition(problem, (), offset, {}, False)
    constants = {i: d[0] for i, d in enumerate(problem.domains) if len(d) == 1}
    index = [constants.get(i, 0) for i in range(problem.issue_count)]
    for c, table in enumerate(problem.tables):
        offset[c] = sum(table[i][choice] for i, choice in constants.items())
    free = {i for i, d in enumerate(problem.domains) if len(d) > 1}
    if groups is None:
        groups = components(problem)
    else:
        groups = [[i for i in group if i in free] for group in groups]
        covered = {i for group in groups for i in group}
        groups = sorted((g for g in groups + [[i] for i in sorted(free - covered)] if g), key=lambda g: g[0])
    member = {i: g for g, group in enumerate(groups) for i in group}
    by_group: list[list[Line]] = [[] for _ in groups]
    for line in problem.lines:
        scope = free_scope(line, problem)
        if scope:
            if len({member[i] for i in scope}) > 1:
                raise GroupsTooFine("the groups given split a tied group of issues")
            by_group[member[scope[0]]].append(line)
        elif not line.test(index):  # a red line over constants only: decided already
            if line.hard:
                return Decomposition(problem, (), offset, constants, False)
            offset[problem.net_column[line.party]] -= line.penalty
            if problem.penalty_column[line.party] is not None:
                offset[problem.penalty_column[line.party]] -= line.penalty
    blocks = []
    for group, lines in zip(groups, by_group):
        if _product(problem, group) > BLOCK_LIMIT:
            raise TooTangled("a group of tied issues is too large to list; split the problem with `branches` first")
        used = {i: constants[i] for line in lines for i in line.scope if i in constants}
        key = (
            tuple(group),
            tuple(problem.domains[i] for i in group),
            tuple(sorted(used.items())),
            tuple((line.party_id, line.red_line.id, line.party, line.penalty, line.hard) for line in lines),
            tuple(table[i] for table in problem.tables for i in group),
            problem.net_column,
            problem.penalty_column,
        )
        block = cache.get(key) if cache is not None else None
        if block is None:
            block = _list_block(problem, group, lines, used)
            if cache is not None:
                cache[key] = block
        if len(block.choices) == 0:
            return Decomposition(problem, (), offset, constants, False)
        blocks.append(block)
    return Decomposition(problem, tuple(blocks), offset, constants, True)

"""Listing and sampling the zone of possible agreement (ZOPA) itself."""

from __future__ import annotations

import random
from typing import Iterator, Mapping

import numpy as np

from sim.analysis.blocks import Decomposition
from sim.analysis.counting import countable, partners, row_counts, split
from sim.analysis.problem import problem_for
from sim.analysis.space import decompositions
from sim.model import Proposal, Scenario
from sim.model.resolve import resolve

TRIES = 200  # rounds of rejection sampling, each of 10,000 draws, before a too-large space gives up


def _pair_index(part: Decomposition, left, right, a: int, b: int) -> tuple[int, ...]:
    rows = [0] * len(part.blocks)
    for block, row in zip(left.blocks, left.rows(a)):
        rows[block] = row
    for block, row in zip(right.blocks, right.rows(b)):
        rows[block] = row
    return part.index(rows)


def member_indexes(parts: list[Decomposition]) -> Iterator[tuple[int, ...]]:
    for part in parts:
        if not part.feasible:
            continue
        left, right = split(part)
        counts = row_counts(part, left, right) if countable(part) else None
        for a in range(len(left.columns)):
            if counts is not None and counts[a] == 0:
                continue
            for b in partners(part, left, right, a).tolist():
                yield _pair_index(part, left, right, a, b)


def zopa_members(
    scenario: Scenario, limit: int | None = None, *, fixed: Mapping[str, str | None] | None = None
) -> Iterator[Proposal]:
    """The proposals every principal accepts, each once, in a fixed order; at most ``limit`` of them."""
    scenario = resolve(scenario)  # always about one kind, on one date (sim.model.resolve)
    problem = problem_for(scenario, fixed=fixed)
    for k, index in enumerate(member_indexes(decompositions(problem))):
        if limit is not None and k >= limit:
            return
        yield problem.compiled.proposal(index)


def sample_zopa(
    scenario: Scenario, count: int, rng: random.Random, *, fixed: Mapping[str, str | None] | None = None
) -> list[Proposal]:
    """``count`` ZOPA members drawn uniformly with replacement (the same ``rng`` state, the same draw).

    Exact when the space can be counted; beyond that, by rejection, which may return fewer when the
    zone is a tiny part of a vast space. Returns [] when no deal exists.
    """
    scenario = resolve(scenario)  # always about one kind, on one date (sim.model.resolve)
    problem = problem_for(scenario, fixed=fixed)
    parts = [p for p in decompositions(problem) if p.feasible]
    if all(countable(p) for p in parts):
        tables = []
        for part in parts:
            left, right = split(part)
            tables.append((part, left, right, np.cumsum(row_counts(part, left, right))))
        totals = np.cumsum([int(t[3][-1]) if len(t[3]) else 0 for t in tables])
        if not len(totals) or totals[-1] == 0:
            return []
        drawn = []
        for _ in range(count):
            rank = rng.randrange(int(totals[-1]))
            which = int(np.searchsorted(totals, rank, side="right"))
            rank -= int(totals[which - 1]) if which else 0
            part, left, right, cumulative = tables[which]
            a = int(np.searchsorted(cumulative, rank, side="right"))
            rank -= int(cumulative[a - 1]) if a else 0
            b = int(partners(part, left, right, a)[rank])
            drawn.append(problem.compiled.proposal(_pair_index(part, left, right, a, b)))
        return drawn
    return _rejection_sample(problem, parts, count, rng)


def _rejection_sample(problem, parts: list[Decomposition], count: int, rng: random.Random) -> list[Proposal]:
    generator = np.random.default_rng(rng.getrandbits(64))
    sizes = np.array([float(p.size) for p in parts])
    constrained = [c for c, _ in problem.constraints]
    minimums = np.array([m for _, m in problem.constraints], dtype=np.int64)
    drawn: list[Proposal] = []
    for _ in range(TRIES):
        which = generator.choice(len(parts), size=10_000, p=sizes / sizes.sum())
        for k, part in enumerate(parts):
            draws = int((which == k).sum())
            rows = [generator.integers(0, len(block.columns), draws) for block in part.blocks]
            sums = np.broadcast_to(part.offset, (draws, problem.width)).copy()
            for block, chosen in zip(part.blocks, rows):
                sums += block.columns[chosen]
            hits = np.nonzero(np.all(sums[:, constrained] >= minimums, axis=1))[0]
            for h in hits.tolist():
                drawn.append(problem.compiled.proposal(part.index([int(r[h]) for r in rows])))
                if len(drawn) == count:
                    return drawn
    return drawn

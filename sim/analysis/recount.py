"""Counting again after a small change, from the count before it.

Dropping one red line changes one block at most: some of its joint choices become allowed, and
(for a soft line) some change their columns. Every other block, and so one whole side of the
count's split with its bitset tables, stays as it was. So the new count is the old one, minus the
pairs through the block's rows that went, plus the pairs through the rows that came: work in
proportion to the rows that changed rather than to the whole space.
"""

from __future__ import annotations

import numpy as np

from sim.analysis.blocks import Block, Decomposition
from sim.analysis.counting import Side, row_counts, split


def _keys(block: Block, radix: np.ndarray) -> np.ndarray:
    """One integer per row from its choices (mixed radix: a block lists at most BLOCK_LIMIT rows)."""
    return block.choices.astype(np.int64) @ radix


def _differences(old: Block, new: Block) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``old`` that are gone from ``new`` (or changed), and rows of ``new`` that are new (or changed)."""
    top = int(max(old.choices.max(initial=0), new.choices.max(initial=0))) + 1
    radix = top ** np.arange(old.choices.shape[1], dtype=np.int64)
    old_keys, new_keys = _keys(old, radix), _keys(new, radix)
    order = np.argsort(new_keys)
    place = np.searchsorted(new_keys[order], old_keys)
    place = np.minimum(place, len(order) - 1) if len(order) else place
    matched = np.zeros(len(old_keys), dtype=bool)
    if len(order):
        partner = order[place]
        matched = (new_keys[partner] == old_keys) & np.all(new.columns[partner] == old.columns, axis=1)
    kept_new = np.zeros(len(new_keys), dtype=bool)
    if len(order):
        kept_new[order[place[matched]]] = True
    return np.nonzero(~matched)[0], np.nonzero(~kept_new)[0]


def _restricted_count(part: Decomposition, j: int, rows: np.ndarray, left: Side, right: Side, cache: dict) -> int:
    """Accepted pairs whose block ``j`` takes one of ``rows``; the side without block j is reused."""
    if not len(rows):
        return 0
    block = part.blocks[j]
    sub = Block(block.issues, block.choices[rows], block.columns[rows])
    blocks = list(part.blocks)
    blocks[j] = sub
    narrowed = Decomposition(part.problem, tuple(blocks), part.offset, part.constants, True)
    if j in left.blocks:
        return int(row_counts(narrowed, _cartesian(narrowed, left.blocks), right, cache).sum())
    return int(row_counts(narrowed, left, _cartesian(narrowed, right.blocks), None).sum())


def _cartesian(part: Decomposition, blocks: tuple[int, ...]) -> Side:
    columns = np.zeros((1, part.problem.width), dtype=np.int64)
    for b in blocks:
        add = part.blocks[b].columns
        columns = (columns[:, None, :] + add[None, :, :]).reshape(-1, columns.shape[1])
    return Side(blocks, tuple(len(part.blocks[b].columns) for b in blocks), columns)


def recount(base: Decomposition, base_count: int, changed: Decomposition, cache: dict) -> int | None:
    """The exact count of ``changed`` from that of ``base``, when they differ in one block only
    (same blocks otherwise, same constants, same minimums); None when another method must count."""
    if not (base.feasible and changed.feasible) or base.problem.width != changed.problem.width:
        return None
    if base.problem.constraints != changed.problem.constraints or base.constants != changed.constants:
        return None
    if len(base.blocks) != len(changed.blocks) or not np.array_equal(base.offset, changed.offset):
        return None
    differing = [j for j, (a, b) in enumerate(zip(base.blocks, changed.blocks)) if a is not b]
    if not differing:
        return base_count
    if len(differing) > 1 or base.blocks[differing[0]].issues != changed.blocks[differing[0]].issues:
        return None
    j = differing[0]
    gone, came = _differences(base.blocks[j], changed.blocks[j])
    left, right = split(base, cache)
    return (base_count - _restricted_count(base, j, gone, left, right, cache)
            + _restricted_count(changed, j, came, left, right, cache))

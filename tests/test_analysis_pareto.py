"""The non-dominated filter on its own, against the definition, in every packing it uses."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from sim.analysis import pareto
from sim.analysis.pareto import nondominated


def by_definition(values: np.ndarray) -> set[tuple[int, ...]]:
    rows = {tuple(r) for r in values.tolist()}
    return {r for r in rows if not any(o != r and all(a >= b for a, b in zip(o, r)) for o in rows)}


def shapes(max_rows: int, max_width: int):
    return st.tuples(st.integers(1, max_rows), st.integers(1, max_width))


@given(hnp.arrays(np.int64, shapes(60, 5), elements=st.integers(-3, 3)), st.sampled_from([pareto.SMALL, 0]))
def test_few_values_many_ties(values, small) -> None:
    # Both ways a few rows are filtered: every pair at once (up to SMALL rows), and packed ranks.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pareto, "SMALL", small)
        kept = nondominated(values)
    assert {tuple(r) for r in values[kept].tolist()} == by_definition(values)
    assert len(kept) == len(by_definition(values))  # one row per distinct vector
    for k in kept.tolist():  # the first among equal rows
        assert not any((values[j] == values[k]).all() for j in range(k))


@given(hnp.arrays(np.int64, shapes(30, 5), elements=st.integers(-10**9, 10**9)))
def test_dense_ranks_keep_order_and_ties(values) -> None:
    ranks = pareto.dense_ranks(values)
    for k in range(values.shape[1]):
        assert ranks[k].tolist() == np.unique(values[:, k], return_inverse=True)[1].reshape(-1).tolist()


@given(hnp.arrays(np.int64, shapes(40, 12), elements=st.integers(-10**6, 10**6)), st.sampled_from([pareto.SMALL, 0]))
def test_wide_rows_and_large_values(values, small) -> None:
    """Twelve columns cannot be packed into one integer: the lexicographic sort and the wide
    comparison take over, and must agree with the definition too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pareto, "SMALL", small)
        kept = nondominated(values)
    assert {tuple(r) for r in values[kept].tolist()} == by_definition(values)


def dominated_mask(values: np.ndarray) -> np.ndarray:
    """Row k is dominated: some row is >= everywhere and > somewhere (numpy, for large sets)."""
    beaten = np.zeros(len(values), dtype=bool)
    for start in range(0, len(values), 500):
        part = values[start:start + 500]
        ge = np.all(values[:, None, :] >= part[None, :, :], axis=2)
        gt = np.any(values[:, None, :] > part[None, :, :], axis=2)
        beaten[start:start + 500] = (ge & gt).any(axis=0)
    return beaten


def test_every_packing_agrees_on_large_random_sets(monkeypatch) -> None:
    """4 columns of 3,000 rows pack into one key; 6 columns of 2,000 distinct values need the
    lexicographic sort but still pack for comparing."""
    rng = np.random.default_rng(5)
    for rows, width, top in ((3000, 4, 2000), (2000, 6, 10**6)):
        values = rng.integers(0, top, size=(rows, width))
        values[:, -1] = values[:, :-1].sum(axis=1) * -1 + rng.integers(0, top // 40, rows)  # a trade-off
        expected = {tuple(r) for r in values[~dominated_mask(values)].tolist()}
        for chunk, part in ((61, 256), (256, 256), (40, 97)):  # boundaries in odd places, and the default
            monkeypatch.setattr(pareto, "CHUNK", chunk)
            monkeypatch.setattr(pareto, "PART", part)
            assert {tuple(r) for r in values[nondominated(values)].tolist()} == expected

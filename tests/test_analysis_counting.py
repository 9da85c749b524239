"""The exact count's shortcuts (the pivot column's words, the at-least tables, the totals taken
per batch, the tables kept in the cache) against brute force, with chunks and batches small enough
to be split."""

from __future__ import annotations

import numpy as np
import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.analysis import count_tables, counting
from sim.analysis.counting import exact_count
from sim.analysis.problem import build_problem
from sim.analysis.space import decompositions
from sim.model.resolve import resolve
from tests.analysis_oracle import acceptable
from tests.loops import LOOPS, loops
from tests.strategies import scenarios

small = scenarios(max_issues=5, max_options=3, max_parties=3, max_lines=3)


@pytest.mark.parametrize("loop", LOOPS)
@settings(max_examples=60, deadline=None)
@given(small, st.sampled_from([(1, 1), (2, 3), (5, 2), (8192, 1024)]), st.sampled_from([1, 4, 4096]))
def test_count_matches_brute_force_in_any_chunking(loop, scenario, sizes, r_target) -> None:
    """Any chunking, and any split between the sides: a small ``R_TARGET`` leaves most blocks to
    L, which the compiled count takes as pairs of two lists (``sim.analysis.product_count``)."""
    chunk, rows = sizes
    with pytest.MonkeyPatch.context() as patch, loops(loop):
        patch.setattr(count_tables, "CHUNK", chunk)
        patch.setattr(counting, "ROWS", rows)
        patch.setattr(count_tables, "R_TARGET", r_target)
        expected = len(acceptable(scenario))
        problem = build_problem(resolve(scenario))
        cache: dict = {}
        for _ in range(2):  # the second count reuses the cached tables and orders
            assert sum(exact_count(part, cache) for part in decompositions(problem, cache)) == expected
        assert sum(exact_count(part) for part in decompositions(problem)) == expected


@pytest.mark.parametrize("loop", LOOPS)
@settings(max_examples=40, deadline=None)
@given(small, st.data())
def test_lowered_levels_reuse_the_cache_exactly(loop, scenario, data) -> None:
    """A sensitivity table counts again with lower walk-aways on one cache: the orders and tables
    kept from the first count (and its pivot) must still give the brute-force count."""
    with loops(loop):
        _lowered_levels_reuse_the_cache_exactly(resolve(scenario), data)


def _lowered_levels_reuse_the_cache_exactly(scenario, data) -> None:
    cache: dict = {}
    for part in decompositions(build_problem(scenario), cache):
        exact_count(part, cache)
    party = data.draw(st.sampled_from(scenario.principals))
    lowered = data.draw(st.floats(0, max(0.0, party.walk_away)))
    problem = build_problem(scenario, levels={party.id: lowered})
    changed = evolve(scenario, parties=tuple(evolve(p, walk_away=lowered) if p.id == party.id else p
                                             for p in scenario.parties))
    assert sum(exact_count(part, cache) for part in decompositions(problem, cache)) == len(acceptable(changed))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(-50, 50), min_size=1, max_size=40), st.lists(st.integers(-60, 60), max_size=40),
       st.sampled_from([1 << 22, 10]))
def test_at_least_tables_count_what_reaches_each_needle(values, needles, span_limit) -> None:
    # The lookup table (and, past its span limit, the binary search) against counting by hand,
    # needles below, inside and above the values' range, duplicates included.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(count_tables, "SPAN_LIMIT", span_limit)
        table = count_tables.AtLeast.of(np.array(values, dtype=np.int64))
        found = table.reaching(np.array(needles, dtype=np.int64))
    assert found.tolist() == [sum(v >= n for v in values) for n in needles]


@pytest.mark.parametrize("loop", LOOPS)
@settings(max_examples=60, deadline=None)
@given(st.data())
def test_pairs_and_rows_match_brute_force_for_any_number_of_columns(loop, data) -> None:
    """One chunk of R against L rows, for 1 to 9 constrained columns (the compiled loop ANDs four
    columns a pass, padding the rest with all ones), both as a total and row by row."""
    width = data.draw(st.integers(1, 9))
    entries = data.draw(st.integers(1, 200))
    rows = data.draw(st.integers(1, 60))
    seed = data.draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    right = rng.integers(-20, 20, size=(entries, width))
    left = rng.integers(-20, 20, size=(rows, width))
    minimums = rng.integers(-15, 15, size=width)
    expected = np.all(left[:, None, :] + right[None, :, :] >= minimums, axis=2).sum(axis=1)
    at_least = tuple(count_tables.AtLeast.of(right[:, k]) for k in range(width))
    pivot = data.draw(st.integers(0, width - 1))
    found = count_tables.build_prefixes(right, at_least, pivot)
    tops = found.tops(left, minimums)
    with loops(loop):
        assert counting._count_rows(found, tops).tolist() == expected.tolist()
        assert counting._count_pairs(found, tops) == int(expected.sum())

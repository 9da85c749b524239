"""The exact count's shortcuts (the pivot column's words, the needles searched in sorted order and
kept in the cache) against brute force, with chunks and batches small enough to be split."""

from __future__ import annotations

import numpy as np
import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.analysis import counting
from sim.analysis.counting import exact_count
from sim.analysis.problem import build_problem
from sim.analysis.space import decompositions
from sim.model.resolve import resolve
from tests.analysis_oracle import acceptable
from tests.strategies import scenarios

small = scenarios(max_issues=5, max_options=3, max_parties=3, max_lines=3)


@settings(max_examples=60, deadline=None)
@given(small, st.sampled_from([(1, 1), (2, 3), (5, 2), (8192, 1024)]))
def test_count_matches_brute_force_in_any_chunking(scenario, sizes) -> None:
    chunk, rows = sizes
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(counting, "CHUNK", chunk)
        patch.setattr(counting, "ROWS", rows)
        expected = len(acceptable(scenario))
        problem = build_problem(resolve(scenario))
        cache: dict = {}
        for _ in range(2):  # the second count reuses the cached tables and orders
            assert sum(exact_count(part, cache) for part in decompositions(problem, cache)) == expected
        assert sum(exact_count(part) for part in decompositions(problem)) == expected


@settings(max_examples=40, deadline=None)
@given(small, st.data())
def test_lowered_levels_reuse_the_cache_exactly(scenario, data) -> None:
    """A sensitivity table counts again with lower walk-aways on one cache: the orders and tables
    kept from the first count (and its pivot) must still give the brute-force count."""
    scenario = resolve(scenario)
    cache: dict = {}
    for part in decompositions(build_problem(scenario), cache):
        exact_count(part, cache)
    party = data.draw(st.sampled_from(scenario.principals))
    lowered = data.draw(st.floats(0, max(0.0, party.walk_away)))
    problem = build_problem(scenario, levels={party.id: lowered})
    changed = evolve(scenario, parties=tuple(evolve(p, walk_away=lowered) if p.id == party.id else p
                                             for p in scenario.parties))
    assert sum(exact_count(part, cache) for part in decompositions(problem, cache)) == len(acceptable(changed))


def test_a_side_built_afresh_never_finds_another_side_s_cached_orders() -> None:
    # A recount builds an L side, counts with it and drops it; CPython hands a dropped object's id
    # to the next one of its kind, so orders cached by id alone came back for a side of another size.
    from sim.analysis.counting import Side, _orders

    cache: dict = {}
    for rows in [3, 2, 5, 1, 4] * 10:
        side = Side((0,), (rows,), np.arange(rows * 2, dtype=np.int64).reshape(rows, 2))
        (order, values), = _orders(side, np.array([1]), cache)
        assert len(order) == rows and list(values) == sorted(side.columns[:, 1], reverse=True)
        del side, order, values  # as a recount drops its side

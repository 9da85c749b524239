"""The bitset filters (the Pareto filter's for large sets, the counts of every lowered walk-away in
one pass) against their definitions, with blocks and batches small enough to be split anywhere."""

from __future__ import annotations

import numpy as np
import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from sim.analysis import count_tables, counting, dominance, pareto
from sim.analysis.bitsets import descending_order, first_bits, prefix_table
from sim.analysis.counting import counts_with_minimums
from sim.analysis.dominance import dominated_by_earlier
from sim.analysis.pareto import nondominated
from sim.analysis.problem import build_problem
from sim.analysis.space import decompositions
from sim.model.resolve import resolve
from tests.analysis_oracle import acceptable
from tests.loops import LOOPS, loops
from tests.strategies import scenarios
from tests.test_analysis_pareto import by_definition

# Up to nine columns: the compiled loop ANDs four a pass and pads the rest with all ones.
ranks = hnp.arrays(np.int64, st.tuples(st.integers(0, 80), st.integers(0, 9)), elements=st.integers(0, 4))


def earlier_by_definition(columns: np.ndarray) -> list[bool]:
    rows = columns.tolist()
    return [any(all(a >= b for a, b in zip(rows[j], rows[i])) for j in range(i)) for i in range(len(rows))]


@pytest.mark.parametrize("loop", LOOPS)
@settings(max_examples=150, deadline=None)
@given(ranks, st.sampled_from([(1, 1), (2, 3), (7, 5), (64, 64), (65, 2), (1024, 512)]))
def test_dominated_by_earlier_matches_the_definition(loop, columns, sizes) -> None:
    """Few distinct values: ties and repeated rows everywhere, across block and batch boundaries."""
    block, rows = sizes
    with loops(loop):
        assert dominated_by_earlier(columns, block, rows).tolist() == earlier_by_definition(columns)


@pytest.mark.parametrize("loop", LOOPS)
@settings(max_examples=100, deadline=None)
@given(hnp.arrays(np.int64, st.tuples(st.integers(1, 120), st.integers(1, 6)), elements=st.integers(-4, 4)),
       st.sampled_from([1, 3, 64, 1024]))
def test_nondominated_by_bitsets_matches_pairs(loop, values, block) -> None:
    """The filter answers the same whichever method it picks (and compiled or not): the first of
    each distinct non-dominated row, in the order of the rows."""
    with loops(loop):
        pairs = nondominated(values)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pareto, "BITSETS_FROM", 0)
        patch.setattr(dominance, "BLOCK", block)
        bitsets = nondominated(values)
    assert bitsets.tolist() == pairs.tolist()
    assert {tuple(r) for r in values[bitsets].tolist()} == by_definition(values)


@pytest.mark.parametrize("loop", LOOPS)
def test_bitsets_agree_on_a_large_trade_off(loop) -> None:
    """A set large enough to take the bitsets by default, with many rows on the frontier."""
    rng = np.random.default_rng(3)
    values = rng.integers(0, 300, size=(6000, 4))
    values[:, 3] = 1200 - values[:, :3].sum(axis=1) + rng.integers(0, 30, 6000)
    assert len(values) >= pareto.BITSETS_FROM
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pareto, "BITSETS_FROM", 10**9)
        pairs = nondominated(values)
    with loops(loop):
        assert nondominated(values).tolist() == pairs.tolist()
    assert len(pairs) > 500


@given(hnp.arrays(np.int64, st.integers(0, 200), elements=st.integers(-3, 3)
                  | st.integers(-(2**61), 2**61)))
def test_descending_order_is_a_stable_argsort(values) -> None:
    assert descending_order(values).tolist() == np.argsort(-values, kind="stable").tolist()


@given(st.lists(st.integers(0, 200), max_size=20), st.integers(1, 5))
def test_first_bits_and_prefix_tables(limits, words) -> None:
    limits = np.minimum(np.array(limits, dtype=np.int64), 64 * words)
    masks = first_bits(limits, words)
    for limit, mask in zip(limits.tolist(), masks.tolist()):
        bits = sum(int(w) << (64 * k) for k, w in enumerate(mask))
        assert bits == (1 << limit) - 1
    order = np.random.default_rng(len(limits)).permutation(70)
    table = prefix_table(order)
    for j in (0, 1, 63, 64, 65, 70):
        assert sum(int(w) << (64 * k) for k, w in enumerate(table[j].tolist())) == sum(1 << int(i) for i in order[:j])


small = scenarios(max_issues=5, max_options=3, max_parties=3, max_lines=3)


@pytest.mark.parametrize("loop", LOOPS)
@settings(max_examples=60, deadline=None)
@given(small, st.data(), st.sampled_from([(1, 1), (2, 3), (8192, 1024)]))
def test_counts_with_lowered_minimums_in_one_pass(loop, scenario, data, sizes) -> None:
    """Every principal's walk-away lowered (to a drawn level, 0 included: its minimum gone), all
    counted in one pass over the base's tables, against brute force on the changed scenario."""
    scenario = resolve(scenario)
    chunk, rows = sizes
    base = decompositions(build_problem(scenario))
    if len(base) != 1:
        return
    minimums = dict(base[0].problem.constraints)
    variants, expected = [], []
    for party in scenario.principals:
        lowered = data.draw(st.floats(0, max(0.0, party.walk_away)))
        problem = build_problem(scenario, levels={party.id: lowered})
        new = dict(problem.constraints)
        if not new.keys() <= minimums.keys():
            continue
        variants.append({c: new.get(c) for c in minimums if new.get(c) != minimums[c]})
        changed = evolve(scenario, parties=tuple(evolve(p, walk_away=lowered) if p.id == party.id else p
                                                 for p in scenario.parties))
        expected.append(len(acceptable(changed)))
    with pytest.MonkeyPatch.context() as patch, loops(loop):
        patch.setattr(count_tables, "CHUNK", chunk)
        patch.setattr(counting, "ROWS", rows)
        for cache in (None, {}):
            assert counts_with_minimums(base[0], variants, cache) == [len(acceptable(scenario))] + expected


@given(st.lists(st.tuples(st.tuples(st.integers(0, 2), st.integers(0, 2)),
                          st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6),
                                    st.integers(0, 10**6))), max_size=40),
       st.booleans())
def test_frontier_points_rank_by_exact_products(rows, near) -> None:
    """The frontier's order (descending product of gains, then index) is exact even where float
    products cannot tell two apart: rows differing by one unit in a million-unit gain."""
    import math

    from sim.analysis.overview import _ranked

    if near and rows:
        (index, utilities) = rows[0]
        rows = rows + [((2, 2), (utilities[0] + 1, *utilities[1:])), ((0, 0), utilities)]
    thresholds = (0, 1, 0, 0)
    rows = [(i, u) for i, u in rows if u[1] >= 1]
    if not rows:
        return
    key = [(-math.prod(a - t for a, t in zip(u, thresholds)), i) for i, u in rows]
    got = _ranked(np.array([i for i, _ in rows]), np.array([u for _, u in rows]), thresholds)
    assert [key[k] for k in got] == sorted(key)

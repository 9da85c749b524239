"""Trades open a deal when applied, and no smaller set of moves does (brute force, small scenarios);
the quick bound never calls a deal impossible when the exact analysis finds one."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from sim.analysis.certificate import DROPPED, SOFTENED, Bound, default_tables, layout
from sim.analysis.overview import nash_point
from sim.analysis.trades import Move, _atoms, _candidates, find_trades, relaxed
from sim.engine import compiled
from sim.engine.compiled import SCALE
from sim.synthetic import synthetic_scenario
from tests.strategies import scenarios

small = scenarios(max_issues=3, max_options=3, max_parties=3, max_lines=2)


def _moves_for(scenario, status, table, shape):
    moves = []
    for k, state in status.items():
        line = shape.lines[k]
        party = table.scenario.parties[line.party].id
        moves.append(Move(party, "drop" if state == DROPPED else "soften", line.red_line.id))
    return tuple(moves)


@given(small, st.data())
def test_the_bound_never_refutes_a_deal_the_exact_analysis_finds(scenario, data):
    table = compiled(scenario)
    shape = layout(table)
    bound = Bound(shape, default_tables(table), [table.parties[p].walk_away for p in table.principals], 25.0)
    status = {}
    if shape.lines:
        status = data.draw(st.dictionaries(st.sampled_from(range(len(shape.lines))),
                                           st.sampled_from([DROPPED, SOFTENED]), max_size=3))
    status = {k: s if shape.lines[k].hard or s == DROPPED else DROPPED for k, s in status.items()}
    steps = data.draw(st.lists(st.integers(0, 3), min_size=len(table.principals), max_size=len(table.principals)))
    moves = list(_moves_for(scenario, status, table, shape))
    lowered = {}
    for q, (p, n) in enumerate(zip(table.principals, steps)):
        party = scenario.parties[p]
        if n:
            moves.append(Move(party.id, "walk_away", steps=n))
            lowered[q] = round(party.walk_away * SCALE) - round(max(0.0, party.walk_away - 5.0 * n) * SCALE)
    exact = nash_point(relaxed(scenario, tuple(moves)))
    if bound.no_deal(status, lowered):
        assert exact is None


def _opens(scenario, moves) -> bool:
    return nash_point(relaxed(scenario, moves)) is not None


@settings(max_examples=25)
@given(small)
def test_every_trade_opens_a_deal_and_no_smaller_set_does(scenario):
    found = find_trades(scenario)
    if found.deal_exists:
        assert nash_point(scenario) is not None and not found.trades
        return
    atoms = _atoms(scenario)
    smaller = range(1, (found.size or 4))
    for size in smaller:
        for moves in _candidates(atoms, size, scenario, 5.0):
            assert not _opens(scenario, moves), moves
    assert found.complete
    for trade in found.trades:
        assert trade.size == found.size
        assert _opens(scenario, trade.moves)
        assert trade.deal == nash_point(relaxed(scenario, trade.moves))
    if found.size is not None:  # every set of that size that opens a deal is reported (or a softer twin)
        reported = {frozenset(t.moves) for t in found.trades}
        for moves in _candidates(atoms, found.size, scenario, 5.0):
            if _opens(scenario, moves):
                softer = frozenset(Move(m.party, "soften", m.red_line) if m.action == "drop" and
                                   scenario.party(m.party).red_line(m.red_line).hard else m for m in moves)
                assert frozenset(moves) in reported or any(r <= softer | frozenset(moves) for r in reported)


def test_a_synthetic_scenario_without_a_deal_gets_ranked_trades_that_each_open_one():
    scenario = synthetic_scenario(parties=3, options=(3, 3, 3, 3), red_lines=3, seed=1, walk_away_percentile=80)
    assert nash_point(scenario) is None
    found = find_trades(scenario)
    assert found.size is not None and found.trades
    keys = [(max(t.asks.values()), sum(t.asks.values()), t.confidence) for t in found.trades]
    assert keys == sorted(keys)
    for trade in found.trades:
        assert _opens(scenario, trade.moves)
    for moves in itertools.chain.from_iterable(
            _candidates(_atoms(scenario), size, scenario, 5.0) for size in range(1, found.size)):
        assert not _opens(scenario, moves)


@st.composite
def with_kinds(draw):
    """A small scenario with two kinds: one must settle an issue, the other leaves it alone, and
    some red lines apply to one kind only."""
    from attrs import evolve

    from sim.model.scenario import AgreementKind

    scenario = draw(small)
    first = scenario.issue_ids[0]
    kinds = (AgreementKind("narrow", "Narrow", leaves=(first,)), AgreementKind("full", "Full", settles=(first,)))
    parties = tuple(evolve(p, red_lines=tuple(
        evolve(line, applies_to=draw(st.sampled_from([(), ("narrow",), ("full",)]))) for line in p.red_lines))
        for p in scenario.parties)
    return evolve(scenario, kinds=kinds, parties=parties), draw(st.sampled_from(["narrow", "full"]))


@settings(max_examples=25)
@given(with_kinds())
def test_trades_of_a_kind_open_a_deal_of_that_kind_and_no_smaller_set_does(pair):
    from sim.model.resolve import resolve

    scenario, kind = pair
    scenario = resolve(scenario, kind)
    found = find_trades(scenario)
    if found.deal_exists:
        assert nash_point(scenario) is not None
        return
    for size in range(1, found.size or 4):
        for moves in _candidates(_atoms(scenario), size, scenario, 5.0):
            assert not _opens(scenario, moves), moves
    for trade in found.trades:
        deal = nash_point(relaxed(scenario, trade.moves))
        assert deal is not None and trade.deal == deal

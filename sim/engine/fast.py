"""Verdicts without explanations: the hot path for analysis, counter-proposals and benchmarks."""

from __future__ import annotations

from operator import getitem
from typing import Sequence

from sim.engine.compiled import FULL, CompiledParty, CompiledScenario, net_utility
from sim.engine.packed import MASK, Packed


def packed_sum(packed: Packed, index: Sequence[int]) -> int:
    """Every party's utility (low bits) and every crossed red line's bit (high bits), in one int."""
    total = sum(map(getitem, packed.tables, index))
    # No table sets the bits of red lines that tie issues together, so OR-ing them in is safe.
    for pair in packed.pairs:
        total |= pair.bits[index[pair.first] * pair.stride + index[pair.second]]
    for bit, line in packed.tied:
        if not line.test(index):
            total |= 1 << bit
    return total


def evaluate_all(scenario: CompiledScenario, index: Sequence[int]) -> tuple[tuple[int, bool], ...]:
    """(fixed-point utility after soft penalties, vetoed) for every party, in scenario order."""
    total = packed_sum(scenario.packed, index)
    results = []
    for shift, hard_bits, soft_bits, soft in scenario.packed.specs:
        # `net_utility` written out (the cap at 100, then the penalties, floored at 0): on this hot
        # path a call per party costs a third of a verdict. The equivalence properties in
        # tests/test_engine_fast.py hold it to `assess` at the cap's boundary.
        utility = total >> shift & MASK
        if utility > FULL:
            utility = FULL
        if total & soft_bits:  # most proposals cross none of a party's soft lines: one test skips them
            for bit, penalty in soft:
                if total >> bit & 1:
                    utility -= penalty
            if utility < 0:
                utility = 0
        results.append((utility, total & hard_bits != 0))
    return tuple(results)


def scaled_utility(party: CompiledParty, index: Sequence[int]) -> tuple[int, bool]:
    """One party's (scaled utility after soft penalties, vetoed), walking its tables and rules directly."""
    penalties = 0
    vetoed = False
    for line in party.red_lines:
        if not line.test(index):
            if line.hard:
                vetoed = True
            else:
                penalties += line.penalty
    return net_utility(party.base_utility(index), penalties), vetoed


def is_deal(scenario: CompiledScenario, index: Sequence[int]) -> bool:
    results = evaluate_all(scenario, index)
    return all(not results[p][1] and results[p][0] >= scenario.parties[p].walk_away for p in scenario.principals)

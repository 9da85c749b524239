"""Packing a compiled scenario's tables into one integer per (issue, choice).

Every party's utility contribution, and a violation bit for every red line that reads one issue
only, share one Python integer per (issue, choice). A proposal is then a single sum over its
issues, a few shifts, and one closure call per red line that ties several issues together: several
times faster than walking each party's tables and rules in turn.
"""

from __future__ import annotations

from typing import Callable, Protocol, Sequence

from sim.model.scenario import RedLine
from sim.record import frozen


class Line(Protocol):
    """What packing needs of a red line: the plain fields of a compiled one, not the class itself
    (``sim.engine.compiled`` builds the packed form, so this module must not import it)."""

    scope: tuple[int, ...]
    hard: bool
    penalty: int
    test: Callable[[Sequence[int]], bool]
    red_line: RedLine  # what an explanation quotes


class Party(Protocol):
    tables: tuple[tuple[int, ...], ...]
    walk_away: int
    red_lines: Sequence[Line]

WIDTH = 21  # bits per packed utility: a sum of rounded contributions stays under 2**21 > 100 * SCALE
MASK = (1 << WIDTH) - 1


@frozen
class PackedParty:
    walk_away: int
    hard_bits: int  # the violation bits of the party's hard red lines
    soft: tuple[tuple[int, int], ...]  # (bit, fixed-point penalty) of each soft red line
    all_bits: int  # the violation bits of all its red lines
    lines: tuple[tuple[int, Line], ...]  # (bit, line) for each red line, in file order


@frozen
class PairBits:
    """The violation bits of every red line that reads exactly these two issues, per choice pair."""

    first: int
    second: int
    stride: int  # choices of the second issue
    bits: tuple[int, ...]  # [first choice * stride + second choice]


@frozen
class Packed:
    tables: tuple[tuple[int, ...], ...]  # [issue][choice] → packed utilities and violation bits
    shift: int  # where the violation bits start
    pairs: tuple[PairBits, ...]  # red lines tying two issues, one lookup per pair of issues
    tied: tuple[tuple[int, Line], ...]  # (bit, line) for red lines reading three or more
    parties: tuple[PackedParty, ...]
    # (shift, hard bits, soft bits, soft (bit, penalty) pairs) per party: evaluate_all's loop, flattened
    specs: tuple[tuple[int, int, int, tuple[tuple[int, int], ...]], ...]


def _only(count: int, chosen: dict[int, int]) -> list[int]:
    """An index with some issues set (issue position → choice); the rule never reads the rest."""
    index = [0] * count
    for issue, choice in chosen.items():
        index[issue] = choice
    return index


def _pair_bits(lines: list[Line], bit_of: dict[int, int], sizes: Sequence[int]) -> tuple[PairBits, ...]:
    by_pair: dict[tuple[int, ...], list[Line]] = {}
    for line in lines:
        if len(line.scope) == 2:
            by_pair.setdefault(line.scope, []).append(line)
    pairs = []
    for (a, b), group in sorted(by_pair.items()):
        bits = []
        for ca in range(sizes[a]):
            for cb in range(sizes[b]):
                index = _only(len(sizes), {a: ca, b: cb})
                bits.append(sum(1 << bit_of[id(line)] for line in group if not line.test(index)))
        pairs.append(PairBits(a, b, sizes[b], tuple(bits)))
    return tuple(pairs)


def pack(parties: Sequence[Party], sizes: Sequence[int]) -> Packed:
    shift = WIDTH * len(parties)
    lines = [line for party in parties for line in party.red_lines]
    bit_of = {id(line): shift + k for k, line in enumerate(lines)}
    tables = []
    for i, size in enumerate(sizes):
        row = []
        for choice in range(size):
            value = sum(party.tables[i][choice] << (WIDTH * p) for p, party in enumerate(parties))
            for line in lines:
                if line.scope == (i,) and not line.test(_only(len(sizes), {i: choice})):
                    value |= 1 << bit_of[id(line)]
            row.append(value)
        tables.append(tuple(row))
    packed_parties = tuple(
        PackedParty(
            walk_away=party.walk_away,
            hard_bits=sum(1 << bit_of[id(line)] for line in party.red_lines if line.hard),
            soft=tuple((bit_of[id(line)], line.penalty) for line in party.red_lines if not line.hard),
            all_bits=sum(1 << bit_of[id(line)] for line in party.red_lines),
            lines=tuple((bit_of[id(line)], line) for line in party.red_lines),
        )
        for party in parties
    )
    return Packed(
        tables=tuple(tables),
        shift=shift,
        pairs=_pair_bits(lines, bit_of, sizes),
        tied=tuple((bit_of[id(line)], line) for line in lines if len(line.scope) > 2),
        parties=packed_parties,
        specs=tuple(
            (WIDTH * p, party.hard_bits, party.all_bits & ~party.hard_bits, party.soft)
            for p, party in enumerate(packed_parties)
        ),
    )

"""Trades: when no deal exists, the smallest sets of moves across parties that would open one.

A *move* asks one principal for one thing: drop a red line, soften a hard one (a veto becomes a
penalty of ``SOFTEN_PENALTY`` points), or lower its walk-away level by a step (``STEP`` points; two
steps are two moves). Sets of one move are tried, then two, then three; the first size at which
any set opens a deal is the answer, so no trade reported has a smaller one inside it, and every
move in it is needed. Each candidate is first tested against the quick bound of
`sim.analysis.certificate` (a proof that no deal exists, in microseconds); only those it cannot
refute go to the exact analysis, whose Nash point is the deal the trade opens.

Trades are ranked by how little they ask of the party asked most (dropping a hard line counts
two, any other move one), then of everyone together, then by the confidence of the lines they
touch (a line only a low-confidence source supports is the easiest to question).
"""

from __future__ import annotations

import itertools
import time
from typing import Callable, Mapping

from attrs import evolve

from sim.analysis.blocks import TooTangled
from sim.analysis.firmness import RANK, confidence
from sim.analysis.certificate import DROPPED, SOFTENED, Bound, default_tables, fixed_domains, layout
from sim.analysis.overview import nash_point
from sim.analysis.results import Point
from sim.engine.compiled import SCALE, compiled
from sim.model import FrozenMap, Scenario
from sim.model.resolve import resolve
from sim.model.scenario import Kind
from sim.record import frozen

STEP = 5.0  # utility points per walk-away step, as in the sensitivity table
SOFTEN_PENALTY = 25.0  # points a softened hard line costs when crossed: the format's default penalty
MAX_MOVES = 3
MAX_CANDIDATES = 60_000  # sets of one size tried, at most (the default scenario has 7,462 in all)
MAX_EXACT = 400  # candidates the bound cannot refute that the exact analysis checks, at most

Progress = Callable[[str, int, int], None]


@frozen
class Move:
    party: str
    action: str  # "drop", "soften" or "walk_away"
    red_line: str | None = None  # None for a walk-away step
    steps: int = 1  # walk-away steps (each counts as one move)

    @property
    def size(self) -> int:
        return self.steps if self.action == "walk_away" else 1


@frozen
class Trade:
    moves: tuple[Move, ...]
    deal: Point  # the Nash point once the moves are made
    asks: FrozenMap[str, int]  # party id → how much is asked of it (drop hard: 2, other moves: 1)
    confidence: int  # sum of the touched lines' confidence ranks (low 0, medium 1, high 2)

    @property
    def size(self) -> int:
        return sum(m.size for m in self.moves)


@frozen
class Trades:
    size: int | None  # moves in each trade; None when no set of up to MAX_MOVES opens a deal
    trades: tuple[Trade, ...]  # best first
    complete: bool  # False when the search hit MAX_EXACT, or the space was too tangled to bound
    checked: int  # candidate sets tried
    exact_checks: int  # of which the exact analysis had to decide
    deal_exists: bool = False  # a deal exists already: nothing to trade


def relaxed(scenario: Scenario, moves: tuple[Move, ...], step: float = STEP,
            soften_penalty: float = SOFTEN_PENALTY) -> Scenario:
    """The scenario once the moves are made."""
    by_party: dict[str, list[Move]] = {}
    for move in moves:
        by_party.setdefault(move.party, []).append(move)
    parties = []
    for party in scenario.parties:
        mine = by_party.get(party.id, [])
        dropped = {m.red_line for m in mine if m.action == "drop"}
        softened = {m.red_line for m in mine if m.action == "soften"}
        lines = tuple(evolve(line, kind=Kind.SOFT, penalty=soften_penalty) if line.id in softened else line
                      for line in party.red_lines if line.id not in dropped)
        steps = sum(m.steps for m in mine if m.action == "walk_away")
        walk_away = max(0.0, party.walk_away - step * steps) if steps else party.walk_away
        parties.append(evolve(party, red_lines=lines, walk_away=walk_away))
    return evolve(scenario, parties=tuple(parties))


def _atoms(scenario: Scenario) -> list[Move]:
    atoms = []
    for party in scenario.principals:
        for line in party.red_lines:
            if line.hard:
                atoms.append(Move(party.id, "soften", line.id))
            atoms.append(Move(party.id, "drop", line.id))
        if party.walk_away > 0:
            atoms.append(Move(party.id, "walk_away"))
    return atoms


def _candidates(atoms: list[Move], size: int, scenario: Scenario, step: float):
    """Every set of moves of exactly ``size`` (walk-away steps may repeat; a line is touched once)."""
    for combo in itertools.combinations_with_replacement(range(len(atoms)), size):
        moves: list[Move] = []
        lines: set[tuple[str, str]] = set()
        ok = True
        for k in combo:
            atom = atoms[k]
            if atom.action == "walk_away":
                if moves and moves[-1].action == "walk_away" and moves[-1].party == atom.party:
                    moves[-1] = evolve(moves[-1], steps=moves[-1].steps + 1)
                else:
                    moves.append(atom)
                continue
            key = (atom.party, atom.red_line)
            if key in lines:
                ok = False
                break
            lines.add(key)
            moves.append(atom)
        if not ok:
            continue
        # A step that would take a level below 0 asks nothing more than the one before it.
        if any(m.action == "walk_away" and scenario.party(m.party).walk_away - step * (m.steps - 1) <= 0
               for m in moves):
            continue
        yield tuple(moves)


def _asks(scenario: Scenario, moves: tuple[Move, ...]) -> dict[str, int]:
    asks: dict[str, int] = {}
    for move in moves:
        heavy = move.action == "drop" and scenario.party(move.party).red_line(move.red_line).hard
        asks[move.party] = asks.get(move.party, 0) + (2 if heavy else move.size)
    return asks


def _dominated(moves: tuple[Move, ...], found: set[tuple[Move, ...]]) -> bool:
    """Another trade found asks the same but softens a line this one drops."""
    for k, move in enumerate(moves):
        if move.action == "drop":
            softer = tuple(sorted((*moves[:k], evolve(move, action="soften"), *moves[k + 1:]), key=_move_key))
            if softer in found:
                return True
    return False


def _hardened(moves: tuple[Move, ...]) -> tuple[Move, ...]:
    """The same set with every softened line dropped instead (a key: order does not matter)."""
    return tuple(sorted((evolve(m, action="drop") if m.action == "soften" else m for m in moves), key=_move_key))


def _move_key(move: Move) -> tuple:
    return (move.party, move.action, move.red_line or "", move.steps)


def find_trades(
    scenario: Scenario,
    *,
    fixed: Mapping[str, str | None] | None = None,
    step: float = STEP,
    soften_penalty: float = SOFTEN_PENALTY,
    max_moves: int = MAX_MOVES,
    progress: Progress | None = None,
) -> Trades:
    """The smallest sets of up to ``max_moves`` moves that open a deal, best first."""
    report = progress or (lambda stage, done, total: None)
    scenario = resolve(scenario)  # a deal is always a deal of one kind (its lines, its walk-aways)
    if nash_point(scenario, fixed=fixed) is not None:
        return Trades(0, (), True, 0, 0, deal_exists=True)
    table = compiled(scenario)
    bound = None
    try:
        shape = layout(table, fixed_domains(table, fixed))
        bound = Bound(shape, default_tables(table), [table.parties[p].walk_away for p in table.principals],
                      soften_penalty)
    except TooTangled:
        pass
    position = {}
    if bound is not None:
        for k, line in enumerate(bound.layout.lines):
            position[(table.scenario.parties[line.party].id, line.red_line.id)] = k
    principal_position = {table.scenario.parties[p].id: q for q, p in enumerate(table.principals)}
    atoms = _atoms(scenario)
    checked = exact = 0
    complete = bound is not None
    for size in range(1, max_moves + 1):
        opened: list[tuple[tuple[Move, ...], Point]] = []
        # Softening asks less than dropping, so where dropping a line cannot open a deal, softening
        # it cannot either: the sets that only drop go first, and refute their softer twins.
        candidates = list(itertools.islice(_candidates(atoms, size, scenario, step), MAX_CANDIDATES + 1))
        if len(candidates) > MAX_CANDIDATES:  # a scenario with very many red lines: search a bounded part
            candidates, complete = candidates[:MAX_CANDIDATES], False
        candidates.sort(key=lambda moves: any(m.action == "soften" for m in moves))
        refuted: set[tuple[Move, ...]] = set()
        started = time.monotonic()
        for done, moves in enumerate(candidates):
            if done % 256 == 0 and time.monotonic() - started > 0.2:
                report(f"trades of {size}", done, len(candidates))
            checked += 1
            if any(m.action == "soften" for m in moves) and _hardened(moves) in refuted:
                continue
            if bound is not None:
                status = {position[(m.party, m.red_line)]: DROPPED if m.action == "drop" else SOFTENED
                          for m in moves if m.action != "walk_away"}
                lowered = {}
                for m in moves:
                    if m.action == "walk_away":
                        wa = scenario.party(m.party).walk_away
                        lowered[principal_position[m.party]] = round(wa * SCALE) - round(
                            max(0.0, wa - step * m.steps) * SCALE)
                if bound.no_deal(status, lowered):
                    if not status or all(v == DROPPED for v in status.values()):
                        refuted.add(_hardened(moves))
                    continue
            if exact >= MAX_EXACT:
                complete = False
                continue
            exact += 1
            deal = nash_point(relaxed(scenario, moves, step, soften_penalty), fixed=fixed)
            if deal is not None:
                opened.append((tuple(sorted(moves, key=_move_key)), deal))
        if opened:
            found = {moves for moves, _ in opened}
            trades = [_trade(scenario, moves, deal) for moves, deal in opened if not _dominated(moves, found)]
            trades.sort(key=lambda t: (max(t.asks.values()), sum(t.asks.values()), t.confidence,
                                       [_move_key(m) for m in t.moves]))
            return Trades(size, tuple(trades), complete, checked, exact)
    return Trades(None, (), complete, checked, exact)


def _trade(scenario: Scenario, moves: tuple[Move, ...], deal: Point) -> Trade:
    touched = [confidence(scenario.party(m.party).red_line(m.red_line)) for m in moves if m.red_line]
    return Trade(moves, deal, FrozenMap(_asks(scenario, moves)), sum(RANK[c] for c in touched))

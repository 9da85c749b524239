"""The analysis's question in integers: who must accept, at which level, over which terms.

Every method of the analysis works on a ``Problem`` built from the engine's compiled scenario, so it
uses the same fixed-point tables and agrees exactly with ``assess``.

A party's utility is ``max(0, min(FULL, base) - penalties)`` (see `sim.engine.fast`). That is
additive except for the cap at 100 points, which only bites when rounding lets the base exceed
it. So each party gets a *net* column (base minus penalties), and, when the cap can bite and the
party has soft red lines, a second *penalty* column (minus penalties):
``utility = max(0, min(net, FULL + penalty))``. Both are sums over issues, so acceptance is a set
of linear constraints on column sums, exactly: ``net >= level`` and ``penalty >= level - FULL``.

Red lines over one issue are folded in up front: hard ones shrink the issue's *domain* (its
allowed choices), soft ones become part of the issue's table. Only red lines that tie two or more
issues remain as ``lines``.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping, Sequence

from attrs import evolve

from sim.engine.compiled import FULL, SCALE, CompiledRule, CompiledScenario, compiled, net_utility
from sim.model import Scenario
from sim.model.resolve import resolve
from sim.model.scenario import RedLine
from sim.record import frozen

UNREACHABLE = 1 << 62  # a column minimum no sum of utility tables can reach


@frozen
class Line:
    """A red line that ties two or more issues."""

    party: int  # position of its owner among the problem's parties
    party_id: str
    red_line: RedLine
    rule: CompiledRule
    scope: tuple[int, ...]
    test: Callable[[Sequence[int]], bool]
    hard: bool
    penalty: int


@frozen
class Problem:
    compiled: CompiledScenario
    parties: tuple[int, ...]  # scenario positions of the parties that must accept
    thresholds: tuple[int, ...]  # fixed-point level each must reach (its walk-away unless overridden)
    domains: tuple[tuple[int, ...], ...]  # allowed choices per issue (fixed terms, one-issue hard lines)
    # tables[column][issue][choice]: what a choice adds to a column (one-issue soft lines included)
    tables: tuple[tuple[tuple[int, ...], ...], ...]
    net_column: tuple[int, ...]  # per party: its column of base utility minus penalties
    penalty_column: tuple[int | None, ...]  # per party: its column of minus penalties, when the cap can bite
    lines: tuple[Line, ...]
    constraints: tuple[tuple[int, int], ...]  # (column, minimum): every party accepts

    @property
    def width(self) -> int:
        """The number of columns."""
        return len(self.tables)

    @property
    def issue_count(self) -> int:
        return len(self.domains)

    @property
    def party_ids(self) -> tuple[str, ...]:
        return tuple(self.compiled.scenario.parties[p].id for p in self.parties)

    def utility(self, party: int, columns: Sequence[int]) -> int:
        """A party's fixed-point utility from column sums (``party`` is a position in ``parties``)."""
        net = columns[self.net_column[party]]
        column = self.penalty_column[party]
        penalty = columns[column] if column is not None else 0
        return net_utility(net - penalty, -penalty)  # the penalty column holds minus the penalties

    def gains(self, columns: Sequence[int]) -> tuple[int, ...]:
        return tuple(self.utility(q, columns) - t for q, t in enumerate(self.thresholds))

    def accepts(self, columns: Sequence[int]) -> bool:
        return all(columns[c] >= minimum for c, minimum in self.constraints)

    def columns_of(self, index: Sequence[int]) -> list[int]:
        """Column sums of a whole index (domains not checked; see ``allowed``)."""
        sums = [sum(table[i][c] for i, c in enumerate(index)) for table in self.tables]
        for line in self.lines:
            if not line.hard and not line.test(index):
                self._penalise(sums, line)
        return sums

    def utilities_of(self, index: Sequence[int]) -> list[int]:
        """The fixed-point utility of each of the problem's parties for a whole index."""
        sums = self.columns_of(index)
        return [self.utility(q, sums) for q in range(len(self.parties))]

    def allowed(self, index: Sequence[int]) -> bool:
        """Within every domain and across no hard red line of the problem's parties."""
        return all(c in d for c, d in zip(index, self.domains)) and all(
            line.test(index) for line in self.lines if line.hard
        )

    def _penalise(self, sums: list[int], line: Line) -> None:
        sums[self.net_column[line.party]] -= line.penalty
        column = self.penalty_column[line.party]
        if column is not None:
            sums[column] -= line.penalty

    def with_domains(self, domains: Mapping[int, tuple[int, ...]]) -> "Problem":
        return evolve(self, domains=tuple(domains.get(i, d) for i, d in enumerate(self.domains)))


def _cap_can_bite(tables: tuple[tuple[int, ...], ...]) -> bool:
    return sum(max(row) for row in tables) > FULL


def build_problem(
    scenario: Scenario,
    *,
    parties: Sequence[str] | None = None,
    levels: Mapping[str, float] | None = None,
    fixed: Mapping[str, str | None] | None = None,
    dropped: Iterable[tuple[str, str]] = (),
    binding: bool = True,
) -> Problem:
    """The problem of finding proposals every party in ``parties`` accepts (default: the principals).

    ``levels`` replaces a party's walk-away level (utility points); ``fixed`` pins issues to an
    option (None: must stay open); ``dropped`` lists (party id, red line id) pairs to ignore. With
    ``binding`` False the levels only measure gains: nobody has to reach them, but hard red lines
    still hold. Raises ValueError naming the unknown party, issue or option.

    The question is always about one kind of agreement: a scenario not yet resolved for one is
    resolved for its fullest kind on its date. Issues the kind settles are never open, issues it
    leaves alone always are.
    """
    scenario = resolve(scenario)
    table = compiled(scenario)
    positions = _party_positions(scenario, parties)
    levels = dict(levels or {})
    for party_id in levels:
        if party_id not in scenario.party_ids:
            raise ValueError(f"unknown party `{party_id}` in the utility levels")
        if scenario.party_ids.index(party_id) not in positions:
            raise ValueError(f"party `{party_id}` has a utility level but is not among the parties that must accept")
    dropped = set(dropped)
    domains = [list(range(n)) for n in table.sizes]
    for issue_id, option_id in (fixed or {}).items():
        i = _issue_position(scenario, issue_id)
        choice = len(scenario.issues[i].options) if option_id is None else _option_position(scenario, i, option_id)
        domains[i] = [choice] if choice in domains[i] else []

    settles, leaves = (scenario.agreement_kind(scenario.kind).settles, scenario.agreement_kind(scenario.kind).leaves)
    for issue_id in settles:
        i = scenario.issue_ids.index(issue_id)
        domains[i] = [c for c in domains[i] if c != len(scenario.issues[i].options)]
    for issue_id in leaves:
        i = scenario.issue_ids.index(issue_id)
        domains[i] = [c for c in domains[i] if c == len(scenario.issues[i].options)]

    issue_count = len(table.sizes)
    tables: list[list[list[int]]] = []
    net_column, penalty_column, thresholds, lines = [], [], [], []
    for q, p in enumerate(positions):
        party = table.parties[p]
        own = [line for line in party.red_lines if (party.party.id, line.red_line.id) not in dropped]
        net = [list(row) for row in party.tables]
        net_column.append(len(tables))
        tables.append(net)
        penalty = None
        if _cap_can_bite(party.tables) and any(not line.hard for line in own):
            penalty = [[0] * len(row) for row in party.tables]
            penalty_column.append(len(tables))
            tables.append(penalty)
        else:
            penalty_column.append(None)
        for line in own:
            if len(line.scope) > 1:
                lines.append(Line(q, party.party.id, line.red_line, line.rule, line.scope, line.test,
                                  line.hard, line.penalty))
                continue
            (i,) = line.scope
            probe = [0] * issue_count
            for choice in range(table.sizes[i]):
                probe[i] = choice
                if line.test(probe):
                    continue
                if line.hard:
                    domains[i] = [c for c in domains[i] if c != choice]
                else:
                    net[i][choice] -= line.penalty
                    if penalty is not None:
                        penalty[i][choice] -= line.penalty
        level = party.walk_away if party.party.id not in levels else round(levels[party.party.id] * SCALE)
        thresholds.append(level)
    constraints = []
    for q, level in enumerate(thresholds if binding else ()):
        if level > FULL:  # beyond 100 points: no proposal reaches it
            constraints.append((net_column[q], UNREACHABLE))
        elif level > 0:  # utility is never negative, so a level of 0 or less asks nothing
            constraints.append((net_column[q], level))
            if penalty_column[q] is not None:
                constraints.append((penalty_column[q], level - FULL))
    return Problem(
        compiled=table,
        parties=tuple(positions),
        thresholds=tuple(thresholds),
        domains=tuple(tuple(d) for d in domains),
        tables=tuple(tuple(tuple(row) for row in column) for column in tables),
        net_column=tuple(net_column),
        penalty_column=tuple(penalty_column),
        lines=tuple(lines),
        constraints=tuple(constraints),
    )


def _party_positions(scenario: Scenario, parties: Sequence[str] | None) -> list[int]:
    if parties is None:
        return [p for p, party in enumerate(scenario.parties) if party.principal]
    positions = []
    for party_id in parties:
        if party_id not in scenario.party_ids:
            raise ValueError(f"unknown party `{party_id}`; the parties are " + ", ".join(scenario.party_ids))
        position = scenario.party_ids.index(party_id)
        if position not in positions:
            positions.append(position)
    return sorted(positions)


def _issue_position(scenario: Scenario, issue_id: str) -> int:
    if issue_id not in scenario.issue_ids:
        raise ValueError(f"unknown issue `{issue_id}`; the issues are " + ", ".join(scenario.issue_ids))
    return scenario.issue_ids.index(issue_id)


def _option_position(scenario: Scenario, issue: int, option_id: str) -> int:
    options = scenario.issues[issue].option_ids
    if option_id not in options:
        raise ValueError(f"issue `{scenario.issue_ids[issue]}` has no option `{option_id}`; its options are "
                         + ", ".join(options))
    return options.index(option_id)


def query_key(
    parties: Sequence[str] | None = None,
    levels: Mapping[str, float] | None = None,
    fixed: Mapping[str, str | None] | None = None,
    dropped: Iterable[tuple[str, str]] = (),
) -> tuple:
    """A hashable key for one question about a scenario (see ``problem_for``)."""
    return (
        None if parties is None else tuple(parties),
        tuple(sorted((levels or {}).items())),
        tuple(sorted((fixed or {}).items(), key=lambda item: item[0])),
        tuple(sorted(set(dropped))),
    )


def problem_for(
    scenario: Scenario,
    *,
    parties: Sequence[str] | None = None,
    levels: Mapping[str, float] | None = None,
    fixed: Mapping[str, str | None] | None = None,
    dropped: Iterable[tuple[str, str]] = (),
) -> Problem:
    """``build_problem``, remembered per scenario object: queries that repeat start warm."""
    from sim.analysis.memo import remembered

    dropped = tuple(dropped)
    key = ("problem", *query_key(parties, levels, fixed, dropped))
    return remembered(
        scenario, key, lambda: build_problem(scenario, parties=parties, levels=levels, fixed=fixed, dropped=dropped)
    )

"""Synthetic scenarios of a given shape, from a seed: for benchmarks and property tests.

    synthetic_scenario(parties=4, options=(3, 3, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6), seed=1)

makes 4 principals negotiating 12 issues with 3–6 options each (10.5 million proposals that settle
every issue, 181 million once "open" counts as a choice, as the engine and the analysis count them). Each party gets random weights and option values, ``red_lines`` red lines of
which about ``tied`` are if–then rules that tie two issues ("if issue a is settled with x, issue b
must not be y") and the rest forbid an option of one issue or bound it with at_least / at_most.
Its walk-away level sits at ``walk_away_percentile`` of its utility over random proposals, so 50
means it accepts about half of the proposals that cross none of its red lines.

The same arguments always give an equal scenario.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Sequence

from sim.engine.compiled import SCALE, compile_rule
from sim.engine.satisfiable import Undecided, satisfying_choices
from sim.model import AtLeast, AtMost, Forbid, FrozenMap, IfThen, Require, Rule
from sim.model.scenario import Citation, Issue, Option, Party, Preference, RedLine, Role, Scenario, Source

SOURCE = Source("synthetic", "Generated for testing", dt.date(2025, 1, 1))


def _issues(options: Sequence[int]) -> tuple[Issue, ...]:
    return tuple(
        Issue(f"i{k}", f"Issue {k}", tuple(Option(f"o{j}", f"Option {j} of issue {k}") for j in range(n)))
        for k, n in enumerate(options)
    )


def _rule(rng: random.Random, issues: tuple[Issue, ...], tied: bool) -> Rule:
    first = rng.choice(issues)
    if tied and len(issues) > 1:
        second = rng.choice([i for i in issues if i is not first])
        return IfThen(
            Require(first.id, (rng.choice(first.option_ids),)),
            Forbid(second.id, (rng.choice(second.option_ids),)),
        )
    kind = rng.randrange(3)
    option = rng.choice(first.option_ids)
    if kind == 0:
        return Forbid(first.id, (option,))
    return AtLeast(first.id, first.option_ids[0]) if kind == 1 else AtMost(first.id, first.option_ids[-1])


def _red_lines(rng: random.Random, issues: tuple[Issue, ...], count: int, tied: float, scenario: Scenario) -> tuple[RedLine, ...]:
    lines: list[RedLine] = []
    sizes = [len(i.options) + 1 for i in issues]
    while len(lines) < count:
        rule = _rule(rng, issues, rng.random() < tied)
        if isinstance(rule, (AtLeast, AtMost)):
            # Bound to a random cut of the order, so the line really excludes something.
            issue = next(i for i in issues if i.id == rule.issue)
            cut = rng.choice(issue.option_ids)
            rule = type(rule)(rule.issue, cut)
        candidate = RedLine(
            id=f"r{len(lines)}",
            statement=f"Synthetic red line {len(lines)}",
            rule=rule,
            citations=(Citation(SOURCE.id, "generated"),),
        )
        trial = [compile_rule(r.rule, scenario) for r in (*lines, candidate)]
        try:
            if satisfying_choices(trial, sizes, seconds=None) is not None:  # a party never contradicts itself
                lines.append(candidate)
        except Undecided:
            pass  # too tangled to be sure: leave the candidate out
    return tuple(lines)


def _percentile_walk_away(party: Party, issues: tuple[Issue, ...], percentile: float, rng: random.Random) -> float:
    total = sum(p.weight for p in party.preferences.values())
    samples = []
    for _ in range(2000):
        utility = 0.0
        for issue in issues:
            pref = party.preferences[issue.id]
            choice = rng.randrange(len(issue.options) + 1)
            value = pref.open if choice == len(issue.options) else pref.values[issue.option_ids[choice]]
            utility += pref.weight * value / total
        samples.append(utility)
    samples.sort()
    at = min(len(samples) - 1, int(len(samples) * percentile / 100))
    return round(samples[at] * SCALE) / SCALE


def synthetic_scenario(
    *,
    parties: int = 4,
    options: Sequence[int] = (3, 3, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6),
    red_lines: int = 3,
    tied: float = 0.34,
    walk_away_percentile: float = 50,
    stakeholders: int = 0,
    seed: int = 0,
) -> Scenario:
    """A random scenario of the given shape; ``stakeholders`` of the parties are not principals."""
    rng = random.Random(seed)
    issues = _issues(options)
    shell = Scenario(f"synthetic-{seed}", "Synthetic", "Generated", SOURCE.date, issues, (), (SOURCE,))
    made = []
    for p in range(parties):
        preferences = FrozenMap({
            issue.id: Preference(
                weight=float(rng.randint(1, 10)),
                values=FrozenMap({o: float(rng.randint(0, 100)) for o in issue.option_ids}),
                open=float(rng.randint(0, 50)),
            )
            for issue in issues
        })
        role = Role.STAKEHOLDER if p >= parties - stakeholders else Role.PRINCIPAL
        party = Party(f"p{p}", f"Party {p}", role, 0.0, preferences, _red_lines(rng, issues, red_lines, tied, shell))
        walk_away = _percentile_walk_away(party, issues, walk_away_percentile, rng)
        made.append(Party(party.id, party.name, role, walk_away, preferences, party.red_lines))
    return Scenario(shell.id, shell.title, shell.summary, shell.as_of, issues, tuple(made), (SOURCE,))


def with_kinds_and_dates(scenario: Scenario) -> Scenario:
    """The same scenario with two kinds of agreement and a dated change per party, so benchmarks
    measure the engine with kinds and dates in play: a narrow kind that settles the first two issues
    and leaves the last four alone, and a full one that settles the first six; every other red line
    counts for the full kind only; each party's walk-away moved two points a week before as_of."""
    from attrs import evolve

    from sim.model.scenario import AgreementKind, Change

    ids = scenario.issue_ids
    kinds = (AgreementKind("narrow", "Narrow", settles=ids[:2], leaves=ids[-4:]),
             AgreementKind("full", "Full", ends_fighting=True, settles=ids[:6]))
    day = scenario.as_of - dt.timedelta(days=7)
    parties = []
    for party in scenario.parties:
        lines = tuple(evolve(line, applies_to=("full",)) if k % 2 else line for k, line in enumerate(party.red_lines))
        change = Change(day, "moves", (Citation(SOURCE.id, "generated"),), walk_away=max(0.0, party.walk_away - 2))
        parties.append(evolve(party, walk_away=party.walk_away + 2, red_lines=lines, changes=(change,)))
    return evolve(scenario, kinds=kinds, parties=tuple(parties))

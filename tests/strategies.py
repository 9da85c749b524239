"""Hypothesis strategies for scenarios, rules and proposals, shared by every property test."""

from __future__ import annotations

import datetime as dt

from attrs import evolve
from hypothesis import strategies as st

from sim.engine.compiled import SCALE

from sim.model import AllOf, AnyOf, AtLeast, AtMost, Forbid, FrozenMap, IfThen, Not, Proposal, Require, Rule
from sim.model.scenario import (
    AgreementKind,
    Change,
    Citation,
    Issue,
    Kind,
    Option,
    Party,
    Preference,
    RedLine,
    Role,
    Scenario,
    Source,
)

SOURCE = Source("src", "A source", dt.date(2025, 1, 1))
values = st.integers(0, 100).map(float)


@st.composite
def issues(draw, max_issues: int = 4, max_options: int = 4) -> tuple[Issue, ...]:
    count = draw(st.integers(1, max_issues))
    return tuple(
        Issue(f"i{k}", f"Issue {k}", tuple(Option(f"o{j}", f"Option {j}") for j in range(draw(st.integers(1, max_options)))))
        for k in range(count)
    )


def leaf_rules(issue_list: tuple[Issue, ...]) -> st.SearchStrategy[Rule]:
    def for_issue(issue: Issue) -> st.SearchStrategy[Rule]:
        some = st.lists(st.sampled_from(issue.option_ids), min_size=1, max_size=len(issue.options), unique=True).map(tuple)
        one = st.sampled_from(issue.option_ids)
        return st.one_of(
            some.map(lambda o: Require(issue.id, o)),
            some.map(lambda o: Forbid(issue.id, o)),
            one.map(lambda o: AtLeast(issue.id, o)),
            one.map(lambda o: AtMost(issue.id, o)),
        )

    return st.sampled_from(issue_list).flatmap(for_issue)


def rules(issue_list: tuple[Issue, ...]) -> st.SearchStrategy[Rule]:
    return st.recursive(
        leaf_rules(issue_list),
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=3).map(lambda r: AllOf(tuple(r))),
            st.lists(inner, min_size=1, max_size=3).map(lambda r: AnyOf(tuple(r))),
            inner.map(Not),
            st.tuples(inner, inner).map(lambda pair: IfThen(*pair)),
        ),
        max_leaves=5,
    )


@st.composite
def red_lines(draw, issue_list: tuple[Issue, ...], max_lines: int = 3) -> tuple[RedLine, ...]:
    count = draw(st.integers(0, max_lines))
    return tuple(
        RedLine(
            id=f"r{k}",
            statement=f"Red line {k}",
            rule=draw(rules(issue_list)),
            citations=(Citation(SOURCE.id, "paraphrase"),),
            kind=draw(st.sampled_from([Kind.HARD, Kind.HARD, Kind.SOFT])),
            penalty=draw(values),
        )
        for k in range(count)
    )


@st.composite
def parties(draw, issue_list: tuple[Issue, ...], index: int, max_lines: int = 3) -> Party:
    # One party in four values every term at 100 and weighs the issues so they sum to 6 (1, 1, 4 or
    # 1, 1, 1, 3 ...): each sixth rounds up, so the contributions sum past 100 points, the corner
    # where the cap meets soft penalties.
    at_cap = draw(st.integers(0, 3)) == 0
    preferences = {}
    for k, issue in enumerate(issue_list):
        if at_cap:
            weight = 1.0 if k < len(issue_list) - 1 else float(max(1, 7 - len(issue_list)))
            preferences[issue.id] = Preference(weight, FrozenMap({o: 100.0 for o in issue.option_ids}), 100.0)
        elif draw(st.booleans()) or not preferences:
            preferences[issue.id] = Preference(
                weight=draw(st.integers(1, 100).map(float)),
                values=FrozenMap({o: draw(values) for o in issue.option_ids}),
                open=draw(values),
            )
    lines = draw(red_lines(issue_list, max_lines))
    # A walk-away one fixed-point unit above "100 less one soft penalty" tells the two orders of
    # capping and penalising apart (the fast path once capped last and called this a deal).
    boundaries = [100 - line.penalty + 1 / SCALE for line in lines if not line.hard and 0 < line.penalty < 100]
    walk_away = draw(st.sampled_from(boundaries) if at_cap else values | st.sampled_from(boundaries)) if boundaries \
        else draw(values)
    return Party(
        id=f"p{index}",
        name=f"Party {index}",
        role=draw(st.sampled_from([Role.PRINCIPAL, Role.PRINCIPAL, Role.STAKEHOLDER])) if index else Role.PRINCIPAL,
        walk_away=walk_away,
        preferences=FrozenMap(preferences),
        red_lines=lines,
    )


@st.composite
def scenarios(draw, max_issues: int = 4, max_options: int = 4, max_parties: int = 3, max_lines: int = 3) -> Scenario:
    issue_list = draw(issues(max_issues, max_options))
    count = draw(st.integers(1, max_parties))
    return Scenario(
        id="generated",
        title="Generated",
        summary="A generated scenario",
        as_of=dt.date(2025, 1, 1),
        issues=issue_list,
        parties=tuple(draw(parties(issue_list, k, max_lines)) for k in range(count)),
        sources=(SOURCE,),
    )


@st.composite
def proposals(draw, scenario: Scenario) -> Proposal:
    terms = {}
    for issue in scenario.issues:
        choice = draw(st.sampled_from((None, *issue.option_ids)))
        if choice is not None:
            terms[issue.id] = choice
    return Proposal(scenario.id, terms)


@st.composite
def scenario_and_proposal(draw, **shape) -> tuple[Scenario, Proposal]:
    scenario = draw(scenarios(**shape))
    return scenario, draw(proposals(scenario))


# Agreement kinds and dated positions (issue 8): a generated scenario gains kinds, lines that apply
# to some of them, walk-aways by kind, and dated changes of walk-aways, preferences and lines.
DAYS = [dt.date(2025, 1, d) for d in range(1, 11)]


@st.composite
def agreement_kinds(draw, issue_list: tuple[Issue, ...]) -> tuple[AgreementKind, ...]:
    ids = [i.id for i in issue_list]
    found = []
    for k in range(draw(st.integers(1, 3))):
        settles = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True))
        rest = [i for i in ids if i not in settles]
        leaves = draw(st.lists(st.sampled_from(rest), max_size=len(rest), unique=True)) if rest else []
        found.append(AgreementKind(f"k{k}", f"Kind {k}", settles=tuple(settles), leaves=tuple(leaves)))
    return tuple(found)


@st.composite
def kinded_scenarios(draw, max_issues: int = 4, max_options: int = 3, max_parties: int = 3,
                     max_lines: int = 3) -> Scenario:
    base = draw(scenarios(max_issues, max_options, max_parties, max_lines))
    kinds = draw(agreement_kinds(base.issues))
    kind_ids = [k.id for k in kinds]
    some_kinds = st.lists(st.sampled_from(kind_ids), max_size=len(kind_ids), unique=True).map(tuple)
    parties = []
    for party in base.parties:
        lines = tuple(evolve(line, applies_to=draw(some_kinds)) for line in party.red_lines)
        by_kind = draw(st.dictionaries(st.sampled_from(kind_ids), values, max_size=2))
        changes = []
        for date in sorted(draw(st.lists(st.sampled_from(DAYS), max_size=2, unique=True))):
            issue = draw(st.sampled_from(base.issues))
            changes.append(Change(
                date=date,
                summary=f"change on {date}",
                citations=(Citation(SOURCE.id, "paraphrase"),),
                walk_away=draw(st.none() | values),
                walk_away_by_kind=FrozenMap(draw(st.dictionaries(st.sampled_from(kind_ids), values, max_size=1))),
                drop_red_lines=tuple(draw(st.lists(st.sampled_from([line.id for line in lines]), max_size=1)))
                if lines else (),
                preferences=FrozenMap({issue.id: Preference(draw(st.integers(1, 100).map(float)),
                                                            FrozenMap({o: draw(values) for o in issue.option_ids}))})
                if draw(st.booleans()) else FrozenMap(),
                red_lines=draw(red_lines(base.issues, 1)),
            ))
        parties.append(evolve(party, red_lines=lines, walk_away_by_kind=FrozenMap(by_kind), changes=tuple(changes)))
    return evolve(base, kinds=kinds, parties=tuple(parties), as_of=DAYS[4])

"""What-if overrides: a few changes to a scenario, and the changed scenario they give.

An ``Overrides`` says, per party, which red lines to drop and which to add, a new walk-away level,
and new weights or values; and which terms every proposal must have (``fixed``, used by the
analysis rather than the scenario). ``what_if`` checks the overrides against the scenario and
raises ``ScenarioError`` with every problem at once, worded like the scenario loader's.
The TOML form is read by `sim.analysis.overrides_file` and documented in scenarios/WHAT_IF.md.
"""

from __future__ import annotations

from typing import Callable

from attrs import evolve, field

from sim.engine.compiled import compile_rule
from sim.engine.satisfiable import Undecided, satisfying_choices
from sim.loading import checks
from sim.loading.problems import suggest
from sim.loading.problems import KeyPath, Problem, ScenarioError
from sim.model import FrozenMap, Scenario
from sim.model.scenario import Party, Preference, RedLine
from sim.record import frozen

Found = list[tuple[KeyPath, str, str]]


def _freeze(items: object) -> FrozenMap:
    return items if isinstance(items, FrozenMap) else FrozenMap(items)  # type: ignore[arg-type]


@frozen
class PreferenceChange:
    """New weight, values (only the options listed change) or open value of one issue."""

    weight: float | None = None
    values: FrozenMap[str, float] = field(factory=FrozenMap, converter=_freeze)
    open: float | None = None


@frozen
class PartyChange:
    id: str
    walk_away: float | None = None
    drop_red_lines: tuple[str, ...] = ()
    preferences: FrozenMap[str, PreferenceChange] = field(factory=FrozenMap, converter=_freeze)
    red_lines: tuple[RedLine, ...] = ()  # added; citations may be left out here


@frozen
class Overrides:
    scenario: str = ""  # when set, the id of the scenario these overrides are for
    title: str = ""
    # issue id -> option id, or None: the issue must stay open
    fix: FrozenMap[str, str | None] = field(factory=FrozenMap, converter=_freeze)
    parties: tuple[PartyChange, ...] = ()
    path: str = field(default="", eq=False)  # where they were read from, for messages
    # Turns (key path, message, fix) into a Problem that points into the overrides' source (a
    # file's line, or the command-line flag); set by the readers in `sim.analysis.overrides_file`.
    locate: Callable[[KeyPath, str, str], Problem] | None = field(default=None, eq=False, repr=False)

    @property
    def fixed(self) -> FrozenMap[str, str | None]:
        return self.fix


def check(overrides: Overrides, scenario: Scenario) -> Found:
    """Every problem with applying ``overrides`` to ``scenario``: (key path, message, fix)."""
    found: Found = []
    if overrides.scenario and overrides.scenario != scenario.id:
        found.append((("scenario",), f"these overrides are for scenario `{overrides.scenario}`, not `{scenario.id}`",
                      f'use them with their own scenario, or set scenario = "{scenario.id}"'))
        return found
    for issue_id, option_id in overrides.fix.items():
        if issue_id not in scenario.issue_ids:
            found.append((("fix", issue_id), f"unknown issue `{issue_id}`", suggest(issue_id, scenario.issue_ids)))
        elif option_id is not None and option_id not in scenario.issue(issue_id).option_ids:
            options = scenario.issue(issue_id).option_ids
            found.append((("fix", issue_id), f"issue `{issue_id}` has no option `{option_id}`",
                          suggest(option_id, options) + '; or write "open" to keep the issue open'))
    seen: dict[str, int] = {}
    for i, change in enumerate(overrides.parties):
        at: KeyPath = ("parties", i)
        if change.id not in scenario.party_ids:
            found.append((at + ("id",), f"unknown party `{change.id}`", suggest(change.id, scenario.party_ids)))
            continue
        if change.id in seen:
            found.append((at + ("id",), f"party `{change.id}` is changed twice (also at parties[{seen[change.id]}])",
                          "merge the two [[parties]] tables"))
            continue
        seen[change.id] = i
        _check_party(change, scenario.party(change.id), scenario, at, found)
    return found


def _check_party(change: PartyChange, party: Party, scenario: Scenario, at: KeyPath, found: Found) -> None:
    if change.walk_away is not None:
        checks.check_range(change.walk_away, at + ("walk_away",), found)
    own = [line.id for line in party.red_lines]
    for j, line_id in enumerate(change.drop_red_lines):
        if line_id not in own:
            found.append((at + ("drop_red_lines", j), f"party `{party.id}` has no red line `{line_id}`",
                          suggest(line_id, own)))
    issues = {issue.id: issue for issue in scenario.issues}
    for issue_id, pref in change.preferences.items():
        here = at + ("preferences", issue_id)
        if issue_id not in issues:
            found.append((here, f"unknown issue `{issue_id}`", suggest(issue_id, issues)))
            continue
        if pref.weight is not None:
            checks.check_range(pref.weight, here + ("weight",), found)
        if pref.open is not None:
            checks.check_range(pref.open, here + ("open",), found)
        options = issues[issue_id].option_ids
        for option_id, value in pref.values.items():
            if option_id not in options:
                found.append((here + ("values", option_id), f"issue `{issue_id}` has no option `{option_id}`",
                              suggest(option_id, options)))
            else:
                checks.check_range(value, here + ("values", option_id), found)
        if issue_id not in party.preferences:
            missing = [o for o in options if o not in pref.values]
            if pref.weight is None or missing:
                found.append((here, f"party `{party.id}` has no preference on `{issue_id}` yet",
                              "give a new preference its weight and a value for every option: "
                              + ", ".join(f"`{o}`" for o in options)))
    kept = [line.id for line in party.red_lines if line.id not in change.drop_red_lines]
    sources = {source.id for source in scenario.sources}
    for j, line in enumerate(change.red_lines):
        here = at + ("red_lines", j)
        checks.check_red_line(line, here, issues, sources, found, citations_table=None)
        if line.id in kept:
            found.append((here + ("id",), f"party `{party.id}` already has a red line `{line.id}`",
                          "choose another id, or drop the old one in drop_red_lines"))
        kept.append(line.id)


def _changed_party(party: Party, change: PartyChange) -> Party:
    preferences = dict(party.preferences)
    for issue_id, pref in change.preferences.items():
        old = preferences.get(issue_id, Preference(0.0, FrozenMap()))
        preferences[issue_id] = Preference(
            weight=old.weight if pref.weight is None else pref.weight,
            values=FrozenMap({**old.values, **pref.values}),
            open=old.open if pref.open is None else pref.open,
        )
    lines = tuple(line for line in party.red_lines if line.id not in change.drop_red_lines) + change.red_lines
    return evolve(
        party,
        walk_away=party.walk_away if change.walk_away is None else change.walk_away,
        preferences=FrozenMap(preferences),
        red_lines=lines,
    )


def apply(overrides: Overrides, scenario: Scenario) -> tuple[Scenario, Found]:
    """The changed scenario, and the problems that leave it (the red lines it makes contradictory)."""
    changes = {change.id: (i, change) for i, change in enumerate(overrides.parties)}
    parties = tuple(_changed_party(p, changes[p.id][1]) if p.id in changes else p for p in scenario.parties)
    changed = evolve(scenario, parties=parties)
    found: Found = []
    sizes = [len(issue.options) + 1 for issue in changed.issues]
    for party in parties:
        if party.id not in changes:
            continue
        i, change = changes[party.id]
        if party.preferences and not any(p.weight > 0 for p in party.preferences.values()):
            found.append((("parties", i, "preferences"), f"party `{party.id}` would give every issue weight 0",
                          "keep at least one issue's weight above 0"))
        if not change.red_lines:
            continue  # dropping red lines cannot create a contradiction
        rules = [compile_rule(line.rule, changed) for line in party.red_lines]
        try:
            if satisfying_choices(rules, sizes) is None:
                found.append((("parties", i, "red_lines"), f"the red lines of `{party.id}` would contradict each other",
                              "drop one of them in drop_red_lines, or change the one you add"))
        except Undecided as undecided:
            found.append((("parties", i, "red_lines"), f"could not decide in {undecided.seconds:.1f} s whether the red "
                          f"lines of `{party.id}` could all hold at once", "add a simpler red line"))
    return changed, found


def what_if(scenario: Scenario, overrides: Overrides) -> Scenario:
    """``scenario`` with the overrides applied; ScenarioError with every problem when they do not fit.

    Problems point into the file or the flags the overrides came from, when they were read by
    `sim.analysis.overrides_file`; otherwise they name ``overrides.path`` or "<what-if>".
    """
    make = overrides.locate or (
        lambda path, message, fix: Problem(overrides.path or "<what-if>", tuple(path), message, fix))
    found = check(overrides, scenario)
    if found:
        raise ScenarioError(make(*item) for item in found)
    changed, found = apply(overrides, scenario)
    if found:
        raise ScenarioError(make(*item) for item in found)
    return changed

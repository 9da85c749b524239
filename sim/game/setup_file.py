"""Loading ``game.toml``: the same strictness and error quality as scenario files.

Every problem in the file is reported at once, each with its line, key path and fix. A scenario
without a ``game.toml`` still plays, with a plain default setup (see :func:`default_setup`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Collection

import attrs
from cattrs.gen import make_dict_structure_fn, override

from sim.game.setup import (
    Condition,
    Costs,
    Effect,
    Event,
    GameSetup,
    Lever,
    LeverKind,
    Temperament,
    Venue,
)
from sim.loading import checks
from sim.loading.converter import CONVERTER, describe_value
from sim.loading.problems import suggest
from sim.loading.files import problems_in_file_order
from sim.loading.problems import KeyPath, ScenarioError
from sim.loading.structure import structure_element
from sim.loading.rule_parser import Invalid
from sim.loading.toml_file import TomlFile, parse_text, read_toml
from sim.model import Scenario
from sim.record import frozen

GAME_FILE = "game.toml"
LISTS: dict[str, type] = {"venues": Venue, "parties": Temperament, "levers": Lever, "events": Event}
DEFAULT_DAYS = 30  # the length of a game whose scenario has no game.toml
TABLE_VENUE = "table"  # the neutral venue of a default setup

Found = list[tuple[KeyPath, str, str]]


def _structure_int(value: Any, _: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"expected a whole number, found {describe_value(value)}", "write a whole number, like 2")
    return value


def _structure_lever_kind(value: Any, _: Any) -> LeverKind:
    names = [k.value for k in LeverKind]
    if isinstance(value, str) and value in names:
        return LeverKind(value)
    hint = suggest(value, names) if isinstance(value, str) else 'write "pressure" or "inducement"'
    raise Invalid(f'expected "pressure" or "inducement", found {describe_value(value)}', hint)


def _make_converter():
    converter = CONVERTER.copy()
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(LeverKind, _structure_lever_kind)
    converter.register_structure_hook(
        GameSetup, make_dict_structure_fn(GameSetup, converter, path=override(omit=True))
    )
    return converter


GAME_CONVERTER = _make_converter()


@frozen
class _SetupHeader:
    """The file's own keys, structured apart from its lists so each element fails alone."""

    start: dt.date
    deadline: dt.date
    start_venue: str
    draft: str = ""
    walkout_grace_days: int = 5
    costs: Costs = Costs()
    briefing: str = ""
    hidden_presets: tuple[str, ...] = ()


def _structure(value: Any, cls: type, at: KeyPath, found: Found) -> Any:
    return structure_element(value, cls, at, found, GAME_CONVERTER)


def _event(item: Any, at: KeyPath, found: Found) -> Event | None:
    """An event built piece by piece, so one bad effect doesn't hide the checks of the rest."""
    if not isinstance(item, dict) or not isinstance(item.get("effects", []), list):
        return _structure(item, Event, at, found)
    effects = [_structure(raw, Effect, at + ("effects", j), found) for j, raw in enumerate(item.get("effects", []))]
    event = _structure({k: v for k, v in item.items() if k != "effects"}, Event, at, found)
    if event is None:
        return None
    return attrs.evolve(event, effects=tuple(e for e in effects if e is not None))


def _elements(file: TomlFile, key: str, found: Found) -> list[tuple[int, Any]]:
    raw = file.data.get(key, [])
    if not isinstance(raw, list):
        found.append(((key,), f"expected a list of tables, found {describe_value(raw)}", f"write [[{key}]] tables"))
        return []
    good = []
    for i, item in enumerate(raw):
        if key == "events":
            result = _event(item, (key, i), found)
        else:
            result = _structure(item, LISTS[key], (key, i), found)
        if result is not None:
            good.append((i, result))
    return good


def _check_party(party_id: str, path: KeyPath, scenario: Scenario, found: Found) -> bool:
    if party_id in scenario.party_ids:
        return True
    found.append((path, f"unknown party `{party_id}`", suggest(party_id, scenario.party_ids)))
    return False


def _check_change(value: float, path: KeyPath, found: Found) -> None:
    checks.check_range(value, path, found, -100, 100)


def _check_header(header: _SetupHeader, venue_ids: set[str], presets: Collection[str], found: Found) -> None:
    if header.deadline <= header.start:
        found.append((("deadline",), f"the deadline {header.deadline} is not after the start {header.start}",
                      "set a deadline after the start date"))
    if venue_ids and header.start_venue not in venue_ids:
        found.append((("start_venue",), f"unknown venue `{header.start_venue}`", suggest(header.start_venue, sorted(venue_ids))))
    if header.draft and header.draft not in presets:
        found.append((("draft",), f"the scenario has no preset `{header.draft}`",
                      suggest(header.draft, sorted(presets)) + "; or leave `draft` out to start with an empty draft"))
    for k, name in enumerate(header.hidden_presets):
        if name not in presets:
            found.append((("hidden_presets", k), f"the scenario has no preset `{name}`", suggest(name, sorted(presets))))
    if header.draft in header.hidden_presets:
        found.append((("draft",), f"the opening draft `{header.draft}` is one of the hidden presets",
                      "start from another preset, or remove it from hidden_presets"))
    if header.walkout_grace_days < 1:
        found.append((("walkout_grace_days",), "must be at least 1", "write a whole number of days, like 5"))
    for name in ("table", "consult", "lever", "convene", "summit"):
        days = getattr(header.costs, name)
        if not 0 <= days <= 30:
            found.append((("costs", name), f"{days} days is out of range", "use a whole number from 0 to 30"))


def _check_venues(venues: list[tuple[int, Venue]], scenario: Scenario, found: Found) -> None:
    for i, venue in venues:
        at: KeyPath = ("venues", i)
        checks.check_id(venue.id, at + ("id",), found)
        checks.check_text(venue.name, at + ("name",), found, "name")
        if not 0 <= venue.travel_days <= 30:
            found.append((at + ("travel_days",), f"{venue.travel_days} days is out of range", "use a whole number from 0 to 30"))
        for party_id in venue.parties:
            _check_party(party_id, at + ("parties",), scenario, found)
    checks.check_unique(((v.id, ("venues", i, "id")) for i, v in venues), found, "venue")
    principals = tuple(p.id for p in scenario.principals)
    if venues and not any(v.convenes(principals) for _, v in venues):
        found.append((("venues",), "no venue can hold a joint meeting of every principal",
                      "mark one venue with joint_meetings = true, or list every principal in its parties"))
    hosted = {p for _, v in venues for p in v.parties}
    for party in scenario.parties:
        if venues and party.id not in hosted:
            found.append((("venues",), f"party `{party.id}` can be met at no venue",
                          f'add "{party.id}" to the `parties` of the venue where the mediator meets it'))


def _check_temperaments(items: list[tuple[int, Temperament]], scenario: Scenario, found: Found) -> None:
    for i, temperament in items:
        at: KeyPath = ("parties", i)
        _check_party(temperament.id, at + ("id",), scenario, found)
        for key in ("trust", "patience"):
            checks.check_range(getattr(temperament, key), at + (key,), found)
        checks.check_range(temperament.decay, at + ("decay",), found, 0, 20)
        if temperament.aspiration is not None:
            checks.check_range(temperament.aspiration, at + ("aspiration",), found)
    checks.check_unique(((t.id, ("parties", i, "id")) for i, t in items), found, "party")


def _check_levers(levers: list[tuple[int, Lever]], scenario: Scenario, found: Found) -> None:
    for i, lever in levers:
        at: KeyPath = ("levers", i)
        checks.check_id(lever.id, at + ("id",), found)
        checks.check_text(lever.name, at + ("name",), found, "name")
        _check_party(lever.party, at + ("party",), scenario, found)
        _check_change(lever.walk_away, at + ("walk_away",), found)
        _check_change(lever.pressure, at + ("pressure",), found)
        for key in ("trust", "patience"):
            for party_id, value in getattr(lever, key).items():
                if _check_party(party_id, at + (key, party_id), scenario, found):
                    _check_change(value, at + (key, party_id), found)
        if lever.uses < 1:
            found.append((at + ("uses",), "a lever must be usable at least once", "write uses = 1 or more"))
        checks.check_citations(lever.citations, at, {s.id for s in scenario.sources}, found)
    checks.check_unique(((v.id, ("levers", i, "id")) for i, v in levers), found, "lever")


def _check_condition(condition: Condition, at: KeyPath, scenario: Scenario, found: Found) -> None:
    for key in ("walked_out", "at_table"):
        for party_id in getattr(condition, key):
            _check_party(party_id, at + (key,), scenario, found)
    for key in ("min_trust", "max_trust"):
        for party_id, value in getattr(condition, key).items():
            if _check_party(party_id, at + (key, party_id), scenario, found):
                checks.check_range(value, at + (key, party_id), found)
    kinds = scenario.kind_ids
    for k, kind_id in enumerate(condition.unsigned):
        if kind_id not in kinds:
            found.append((at + ("unsigned", k), f"the scenario has no kind of agreement `{kind_id}`",
                          suggest(kind_id, kinds)))


def _check_effects(event: Event, at: KeyPath, scenario: Scenario, added: dict[str, set[str]], found: Found) -> None:
    issues = {issue.id: issue for issue in scenario.issues}
    for j, effect in enumerate(event.effects):
        here = at + ("effects", j)
        if not _check_party(effect.party, here + ("party",), scenario, found):
            continue
        party = scenario.party(effect.party)
        if effect.returns and effect.walks_out:
            found.append((here + ("walks_out",), "an effect cannot both bring a party back and send it away",
                          "keep `returns` or `walks_out`, not both"))
        for key in ("walk_away", "trust", "patience", "pressure"):
            _check_change(getattr(effect, key), here + (key,), found)
        for issue_id, weight in effect.weights.items():
            if issue_id not in issues:
                found.append((here + ("weights", issue_id), f"unknown issue `{issue_id}`", suggest(issue_id, issues)))
            elif issue_id not in party.preferences:
                found.append((here + ("weights", issue_id), f"party `{party.id}` has no preferences on `{issue_id}`",
                              "give it [parties.preferences." + issue_id + "] in scenario.toml, or choose "
                              + ", ".join(f"`{i}`" for i in party.preferences)))
            else:
                checks.check_range(weight, here + ("weights", issue_id), found)
        own = {r.id for r in party.red_lines}
        sources = {s.id for s in scenario.sources}
        for k, line in enumerate(effect.add_red_lines):
            line_at = here + ("add_red_lines", k)
            checks.check_red_line(line, line_at, issues, sources, found,
                                  citations_table="[[events.effects.add_red_lines.citations]]")
            if line.id in own:
                found.append((line_at + ("id",), f"party `{party.id}` already has a red line `{line.id}`",
                              "give the new red line its own id"))
        known = own | added.get(party.id, set())
        for k, line_id in enumerate(effect.drop_red_lines):
            if line_id not in known:
                found.append((here + ("drop_red_lines", k), f"party `{party.id}` has no red line `{line_id}`",
                              suggest(line_id, sorted(known))))


def _check_events(
    events: list[tuple[int, Event]], header: _SetupHeader | None, scenario: Scenario, presets: Collection[str], found: Found
) -> None:
    added: dict[str, set[str]] = {}
    for _, event in events:
        for effect in event.effects:
            added.setdefault(effect.party, set()).update(r.id for r in effect.add_red_lines)
    for i, event in events:
        at: KeyPath = ("events", i)
        checks.check_id(event.id, at + ("id",), found)
        checks.check_text(event.title, at + ("title",), found, "title")
        checks.check_text(event.news, at + ("news",), found, "news line")
        if header is not None:
            if not header.start <= event.date <= header.deadline:
                found.append((at + ("date",), f"{event.date} is outside the game ({header.start} to {header.deadline})",
                              "date the event within the game, or tell it in the scenario's briefing"))
            if event.until is not None and not event.date <= event.until <= header.deadline:
                found.append((at + ("until",), f"{event.until} is not between the event's date and the deadline",
                              f"use a date from {event.date} to {header.deadline}"))
        if not 0 < event.chance <= 1:
            found.append((at + ("chance",), f"{event.chance:g} is not a probability", "use a number above 0 and at most 1"))
        if header is not None and event.preset in header.hidden_presets:
            found.append((at + ("preset",), f"preset `{event.preset}` is hidden from the game, so no event can table it",
                          "remove it from hidden_presets, or table another preset"))
        elif event.preset and event.preset not in presets:
            found.append((at + ("preset",), f"the scenario has no preset `{event.preset}`", suggest(event.preset, sorted(presets))))
        if not event.citations and not event.note.strip():
            found.append((at, f"event `{event.id}` cites no source",
                          "add [[events.citations]], or a `note` saying where it comes from or that it is invented"))
        checks.check_citations(event.citations, at, {s.id for s in scenario.sources}, found)
        if event.when is not None:
            _check_condition(event.when, at + ("when",), scenario, found)
        _check_effects(event, at, scenario, added, found)
    checks.check_unique(((e.id, ("events", i, "id")) for i, e in events), found, "event")


def setup_from_toml(file: TomlFile, scenario: Scenario, presets: Collection[str] = ()) -> GameSetup:
    """The game setup in ``file`` for ``scenario``, whose preset names are ``presets``."""
    found: Found = []
    header_data = {k: v for k, v in file.data.items() if k not in LISTS}
    header = _structure(header_data, _SetupHeader, (), found)
    venues = _elements(file, "venues", found)
    temperaments = _elements(file, "parties", found)
    levers = _elements(file, "levers", found)
    events = _elements(file, "events", found)
    if "venues" not in file.data:
        found.append(((), "the game has no `venues`", "add [[venues]] tables; see scenarios/FORMAT.md"))
    if header is not None:
        _check_header(header, {v.id for _, v in venues}, presets, found)
    _check_venues(venues, scenario, found)
    _check_temperaments(temperaments, scenario, found)
    _check_levers(levers, scenario, found)
    _check_events(events, header, scenario, presets, found)
    if found:
        raise ScenarioError(problems_in_file_order(file, found))
    return GameSetup(
        start=header.start,
        deadline=header.deadline,
        start_venue=header.start_venue,
        draft=header.draft,
        walkout_grace_days=header.walkout_grace_days,
        costs=header.costs,
        briefing=header.briefing,
        hidden_presets=header.hidden_presets,
        venues=tuple(v for _, v in venues),
        parties=tuple(t for _, t in temperaments),
        levers=tuple(v for _, v in levers),
        events=tuple(sorted((e for _, e in events), key=lambda e: e.date)),
        path=file.path,
    )


def default_setup(scenario: Scenario) -> GameSetup:
    """A plain game for a scenario without game.toml: a month, one venue per party, a shared table."""
    venues = [Venue(TABLE_VENUE, "The negotiating table", scenario.party_ids, description="A neutral venue.")]
    for party in scenario.parties:
        venues.append(Venue(f"{party.id}-capital", party.capital or party.name, (party.id,)))
    return GameSetup(
        start=scenario.as_of,
        deadline=scenario.as_of + dt.timedelta(days=DEFAULT_DAYS),
        start_venue=TABLE_VENUE,
        venues=tuple(venues),
    )


def setup_path(scenario: Scenario) -> Path:
    return Path(scenario.path).parent / GAME_FILE


def load_setup(scenario: Scenario, presets: Collection[str] = ()) -> GameSetup:
    """The scenario's game.toml, or the default setup when it has none."""
    path = setup_path(scenario)
    if not scenario.path or not (path.exists() or path.is_symlink()):
        return default_setup(scenario)  # no game.toml at all; a folder, pipe or dangling link named so is an error
    return setup_from_toml(read_toml(path), scenario, presets)


def parse_setup(text: str, scenario: Scenario, presets: Collection[str] = (), name: str = "<game>") -> GameSetup:
    return setup_from_toml(parse_text(text.encode("utf-8"), name), scenario, presets)


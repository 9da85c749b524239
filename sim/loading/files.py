"""Loading scenarios and proposals from TOML: every problem in a file reported at once.

The only exception that leaves this module is ScenarioError.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

from attrs import evolve

from sim.loading import SCENARIO_FILE, checks
from sim.loading.converter import describe_value
from sim.loading.problems import suggest
from sim.loading.problems import KeyPath, Problem, ScenarioError
from sim.loading.structure import structure_element
from sim.loading.spread_checks import check_spread
from sim.loading.teaching import load_teaching
from sim.loading.toml_file import TomlFile, parse_text, read_toml
from sim.model import FrozenMap, Proposal
from sim.loading.kind_checks import check_kinds, check_party_kinds, check_proposal_kind, check_source_documents
from sim.loading.party_parts import split_walk_away, structure_change, structure_preferences
from sim.model.scenario import AgreementKind, Citation, Difficulty, Issue, Library, Party, RedLine, Role, Scenario, Source
from sim.model.uncertainty import Spread
from sim.record import frozen

LISTS: dict[str, type] = {"sources": Source, "issues": Issue, "parties": Party, "kinds": AgreementKind}


@frozen
class _Header:
    """The scenario's own keys, structured apart from its lists so each element fails alone."""

    id: str
    title: str
    summary: str
    as_of: dt.date
    briefing: str = ""
    # The library's keys (see Library); optional, so older scenarios load unchanged.
    period: str = ""
    tagline: str = ""
    difficulty: Difficulty | None = None
    playing_minutes: int | None = None
    uncertainty: Spread = Spread()


def _each(raw: Any, at: KeyPath, table: str, build: Callable[[Any, KeyPath], Any], found: list) -> list[tuple[int, Any]]:
    """(position, element) for each element of a list of tables that builds; a value that is not
    a list is reported as such, with the ``[[table]]`` headers to write instead."""
    if not isinstance(raw, list):
        found.append((at, f"expected a list of tables, found {describe_value(raw)}", f"write [[{table}]] tables"))
        return []
    built = ((i, build(item, at + (i,))) for i, item in enumerate(raw))
    return [(i, element) for i, element in built if element is not None]


def _elements(file: TomlFile, key: str, found: list) -> tuple[list[tuple[int, Any]], set[str]]:
    """The structured elements of a top-level list, and the ids of those that failed."""
    raw = file.data.get(key, [])
    failed: set[str] = set()

    def build(item: Any, at: KeyPath) -> Any:
        if key == "parties" and isinstance(item, dict):
            result = _structure_party(file, item, at, found)
        else:
            result = structure_element(item, LISTS[key], at, found)
        if result is None and isinstance(item, dict) and isinstance(item.get("id"), str):
            failed.add(item["id"])  # references to it are not reported as unknown
        return result

    return _each(raw, (key,), key, build, found), failed


def _structure_party(file: TomlFile, item: dict, at: KeyPath, found: list) -> Party | None:
    """A party built piece by piece, so one bad red line doesn't hide the checks of the rest."""
    preferences, red_lines = item.get("preferences", {}), item.get("red_lines", [])
    parts = ("preferences", "red_lines", "changes")
    shell = split_walk_away({k: v for k, v in item.items() if k not in parts}, at, found)
    party = structure_element({**shell, "preferences": {}}, Party, at, found)
    good_preferences = structure_preferences(preferences, at + ("preferences",), found, "parties.preferences")
    good_lines = [line for _, line in _each(
        red_lines, at + ("red_lines",), "parties.red_lines",
        lambda raw, here: _structure_red_line(file, raw, here, found), found,
    )]
    changes = [change for _, change in _each(
        item.get("changes", []), at + ("changes",), "parties.changes",
        lambda raw, here: structure_change(raw, here, found, _each,
                                           lambda line, where: _structure_red_line(file, line, where, found)),
        found,
    )]
    if party is None:
        # The party's own keys are broken (already reported). A stand-in keeps the checks of its
        # preferences and red lines running; the file fails regardless, so it is never returned.
        raw_id = item.get("id")
        party = Party(raw_id if isinstance(raw_id, str) else "?", "?", Role.PRINCIPAL, 0.0, FrozenMap())
    return evolve(party, preferences=FrozenMap(good_preferences), red_lines=tuple(good_lines),
                  changes=tuple(changes))


def _structure_red_line(file: TomlFile, item: Any, at: KeyPath, found: list) -> RedLine | None:
    """A red line built piece by piece (its own keys, its rule, each citation), for the same reason."""
    if not isinstance(item, dict):
        return structure_element(item, RedLine, at, found)
    citations = item.get("citations", [])
    shell = {k: v for k, v in item.items() if k != "citations"}
    line = structure_element(shell, RedLine, at, found)
    good = _each(citations, at + ("citations",), "parties.red_lines.citations",
                 lambda raw, here: structure_element(raw, Citation, here, found), found)
    return None if line is None else evolve(line, citations=tuple(c for _, c in good))


def _drop_redundant(found: list) -> list:
    """Each mistake is reported once: a misspelt key as unknown (with its correction), not also as
    missing; citations that failed to load, not also as "cites no source"."""
    corrected = {
        (path[:-1], fix.split("`")[1]) for path, message, fix in found
        if message.startswith("unknown key") and fix.startswith("did you mean")
    }
    broken = {path[: path.index("citations") + 1] for path, _, _ in found if "citations" in path[:-1]}
    return [
        (path, message, fix) for path, message, fix in found
        if not (message.startswith("missing required key") and (path, message.split("`")[1]) in corrected)
        and not (message.endswith("cites no source") and path in broken)
    ]


def problems_in_file_order(file: TomlFile, found: list) -> list[Problem]:
    """Found (path, message, fix) triples as Problems with lines, each mistake once, in file order."""
    problems = [file.problem(path, message, fix) for path, message, fix in _drop_redundant(found)]
    return sorted(problems, key=lambda p: p.line or 0)  # file order: the order an author fixes them


def scenario_from_toml(file: TomlFile) -> Scenario:
    found: list[tuple[KeyPath, str, str]] = []
    header_data = {k: v for k, v in file.data.items() if k not in LISTS and k != "teaching"}
    header = structure_element(header_data, _Header, (), found)
    sources, _ = _elements(file, "sources", found)
    issues, failed_issues = _elements(file, "issues", found)
    parties, _ = _elements(file, "parties", found)
    kinds, _ = _elements(file, "kinds", found)
    for key in LISTS:
        if key not in file.data and key not in ("sources", "kinds"):
            found.append(((), f"the scenario has no `{key}`", f"add [[{key}]] tables; see scenarios/FORMAT.md"))

    if header is not None:
        checks.check_id(header.id, ("id",), found)
        checks.check_text(header.title, ("title",), found, "title")
        checks.check_library(header, found)
    checks.check_sources(sources, found)
    checks.check_issues(issues, found)
    issue_map = {issue.id: issue for _, issue in issues}
    source_ids = {s.id for _, s in sources}
    failed_sources = {
        item["id"] for item in file.data.get("sources", []) if isinstance(item, dict) and isinstance(item.get("id"), str)
    } - source_ids if isinstance(file.data.get("sources"), list) else set()
    source_map = {s.id: s for _, s in sources}
    check_source_documents(sources, file.path, found)
    check_kinds(kinds, issue_map, failed_issues, found)
    kind_ids = [k.id for _, k in kinds] or ["agreement"]
    for i, party in parties:
        checks.check_party(i, party, issue_map, source_ids | failed_sources, failed_issues, found)
        check_party_kinds(i, party, kind_ids, issue_map, source_map, source_ids | failed_sources, failed_issues, found)
        check_spread(party.uncertainty, ("parties", i, "uncertainty"), issue_map, failed_issues, found)
    if header is not None:
        check_spread(header.uncertainty, ("uncertainty",), issue_map, failed_issues, found)
    checks.check_unique(((p.id, ("parties", i, "id")) for i, p in parties), found, "party")
    if parties and not any(p.principal for _, p in parties):
        found.append((("parties",), "no party is a principal", 'mark the parties a deal needs with role = "principal"'))

    teaching = load_teaching(file.data.get("teaching", {}), header, parties, sources, found)

    if found:
        raise ScenarioError(problems_in_file_order(file, found))
    scenario = Scenario(
        id=header.id,
        title=header.title,
        summary=header.summary,
        as_of=header.as_of,
        briefing=header.briefing,
        library=Library(header.period, header.tagline, header.difficulty, header.playing_minutes),
        uncertainty=header.uncertainty,
        teaching=teaching,
        sources=tuple(s for _, s in sources),
        issues=tuple(i for _, i in issues),
        parties=tuple(p for _, p in parties),
        kinds=tuple(k for _, k in kinds),
        path=file.path,
    )
    for i, party in parties:
        checks.check_consistency(i, party, scenario, found)
    if found:
        raise ScenarioError(problems_in_file_order(file, found))
    return scenario


def load_scenario(path: str | Path) -> Scenario:
    """Loads a scenario from its folder or its scenario.toml."""
    path = Path(path)
    if path.is_dir():
        path = path / SCENARIO_FILE
    return scenario_from_toml(read_toml(path))


def proposal_from_toml(file: TomlFile, scenario: Scenario | None = None) -> Proposal:
    found: list[tuple[KeyPath, str, str]] = []
    proposal = structure_element(file.data, Proposal, (), found)
    if proposal is not None and scenario is not None:
        check_proposal(proposal, scenario, found)
    if found:
        raise ScenarioError(problems_in_file_order(file, found))
    return Proposal(proposal.scenario, proposal.terms, proposal.title, proposal.description, proposal.kind,
                    path=file.path)


def check_proposal(proposal: Proposal, scenario: Scenario, found: list) -> None:
    if proposal.scenario != scenario.id:
        found.append(
            (("scenario",), f"this proposal is for scenario `{proposal.scenario}`, not `{scenario.id}`",
             f'load it with its own scenario, or set scenario = "{scenario.id}"')
        )
        return
    for issue_id, option_id in proposal.terms.items():
        if issue_id not in scenario.issue_ids:
            found.append((("terms", issue_id), f"unknown issue `{issue_id}`", suggest(issue_id, scenario.issue_ids)))
        elif option_id not in scenario.issue(issue_id).option_ids:
            options = scenario.issue(issue_id).option_ids
            found.append((("terms", issue_id), f"issue `{issue_id}` has no option `{option_id}`",
                          suggest(option_id, options) + " (or remove this line to leave the issue open)"))
    check_proposal_kind(proposal, scenario, found)


def load_proposal(path: str | Path, scenario: Scenario | None = None) -> Proposal:
    """Loads a proposal; with a scenario, also checks that its terms exist there."""
    return proposal_from_toml(read_toml(path), scenario)


def parse_proposal(text: str, scenario: Scenario | None = None, name: str = "<proposal>") -> Proposal:
    return proposal_from_toml(parse_text(text.encode("utf-8"), name), scenario)


def parse_scenario(text: str, name: str = "<scenario>") -> Scenario:
    return scenario_from_toml(parse_text(text.encode("utf-8"), name))

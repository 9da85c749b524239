"""Reading ``history.toml``: every problem in the file at once, with its line and key path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attrs import evolve

from sim.loading.checks import check_citations, check_id, check_text, check_unique
from sim.loading.converter import _enum_hook, describe_value, make_converter, suggest
from sim.loading.files import problems_in_file_order
from sim.loading.problems import KeyPath, ScenarioError
from sim.loading.structure import structure_element
from sim.loading.toml_file import TomlFile, read_toml
from sim.model import FrozenMap, Scenario
from sim.history.cases import Case, History, Recorded

HISTORY_FILE = "history.toml"

_CONVERTER = make_converter()
_CONVERTER.register_structure_hook(Recorded, _enum_hook(Recorded))


def history_path(scenario: Scenario) -> Path:
    return Path(scenario.path).parent / HISTORY_FILE


def _check_case(i: int, case: Case, raw_verdicts: Any, scenario: Scenario, presets: list[str], found: list) -> None:
    at: KeyPath = ("cases", i)
    check_id(case.id, at + ("id",), found)
    check_text(case.title, at + ("title",), found, "title")
    if case.proposal not in presets:
        found.append((at + ("proposal",), f"no preset `{case.proposal}` in the scenario's proposals/",
                      suggest(case.proposal, presets)))
    if not case.verdicts and not raw_verdicts:  # verdicts that failed to load are reported already
        found.append((at + ("verdicts",), f"case `{case.id}` records no verdict",
                      "add a [cases.verdicts] table: party id = \"reject\" | \"not_reject\" | \"basis\" | \"accept\""))
    for party_id in case.verdicts:
        if party_id not in scenario.party_ids:
            found.append((at + ("verdicts", party_id), f"unknown party `{party_id}`", suggest(party_id, scenario.party_ids)))
    if not case.citations:
        found.append((at + ("citations",), f"case `{case.id}` cites no source",
                      "add a [[cases.citations]] table with source, passage and confidence"))
    sources = {s.id: s for s in scenario.sources}
    check_citations(case.citations, at, sources, found)
    for k, citation in enumerate(case.citations):
        source = sources.get(citation.source)
        # A source cannot report a reception that had not happened yet.
        if source is not None and source.date < case.date:
            found.append((at + ("citations", k, "source"),
                          f"source `{source.id}` is dated {source.date.isoformat()}, before the case ({case.date.isoformat()})",
                          "cite a source published on or after the case's date, or correct the date"))


def _structure_case(item: Any, at: KeyPath, found: list) -> Case | None:
    """A case built piece by piece, so one bad verdict does not hide the checks of the rest."""
    if not isinstance(item, dict) or not isinstance(item.get("verdicts", {}), dict):
        return structure_element(item, Case, at, found, _CONVERTER)
    verdicts = item.get("verdicts", {})
    case = structure_element({**item, "verdicts": {}}, Case, at, found, _CONVERTER)
    good = {}
    for party_id, raw in verdicts.items():
        verdict = structure_element(raw, Recorded, at + ("verdicts", party_id), found, _CONVERTER)
        if verdict is not None:
            good[party_id] = verdict
    return None if case is None else evolve(case, verdicts=FrozenMap(good))


def history_from_toml(file: TomlFile, scenario: Scenario, presets: list[str]) -> History:
    found: list[tuple[KeyPath, str, str]] = []
    for key in file.data:
        if key != "cases":
            found.append(((key,), f"unknown key `{key}`", suggest(key, ["cases"])))
    raw: Any = file.data.get("cases", [])
    cases: list[tuple[int, Case]] = []
    if not isinstance(raw, list):
        found.append((("cases",), f"expected a list of tables, found {describe_value(raw)}", "write [[cases]] tables"))
    else:
        for i, item in enumerate(raw):
            case = _structure_case(item, ("cases", i), found)
            if case is not None:
                cases.append((i, case))
    for i, case in cases:
        _check_case(i, case, raw[i].get("verdicts"), scenario, presets, found)
    check_unique(((c.id, ("cases", i, "id")) for i, c in cases), found, "case")
    if found:
        raise ScenarioError(problems_in_file_order(file, found))
    return History(tuple(c for _, c in cases), path=file.path)


def load_history(scenario: Scenario, presets: list[str]) -> History | None:
    """The scenario's history, or None when its folder has no history.toml."""
    path = history_path(scenario)
    if not path.is_file():
        return None
    return history_from_toml(read_toml(path), scenario, presets)

"""Reading what-if overrides from a TOML file or from command-line flags, with the loader's errors.

The format is documented in scenarios/WHAT_IF.md. Problems are reported all at once, each with the
file, the line, the key path, what is wrong and how to fix it, exactly like a scenario file's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from attrs import evolve

from sim.analysis.overrides import Overrides, PartyChange, PreferenceChange
from sim.loading.converter import describe_value
from sim.loading.problems import KeyPath, Problem, ScenarioError
from sim.loading.structure import structure_element
from sim.loading.toml_file import TomlFile, parse_text, read_toml
from sim.model import FrozenMap
from sim.model.scenario import RedLine
from sim.record import frozen

OPEN = "open"  # the word that keeps an issue open under [fix]


@frozen
class _OverridesHeader:
    scenario: str = ""
    title: str = ""
    fix: FrozenMap[str, str] = FrozenMap()


@frozen
class _PartyHeader:
    id: str
    walk_away: float | None = None
    drop_red_lines: tuple[str, ...] = ()


def _party(raw: Any, at: KeyPath, found: list) -> PartyChange | None:
    if not isinstance(raw, dict):
        found.append((at, f"expected a table, found {describe_value(raw)}", "write a [[parties]] table"))
        return None
    preferences, red_lines = raw.get("preferences", {}), raw.get("red_lines", [])
    header = structure_element({k: v for k, v in raw.items() if k not in ("preferences", "red_lines")},
                        _PartyHeader, at, found)
    changes = {}
    if isinstance(preferences, dict):
        for issue_id, item in preferences.items():
            change = structure_element(item, PreferenceChange, at + ("preferences", issue_id), found)
            if change is not None:
                changes[issue_id] = change
    else:
        found.append((at + ("preferences",), f"expected a table, found {describe_value(preferences)}",
                      "write [parties.preferences.<issue>] tables"))
    added = []
    if isinstance(red_lines, list):
        for j, item in enumerate(red_lines):
            if isinstance(item, dict) and "citations" not in item:
                item = {**item, "citations": []}  # sources are welcome here, not required
            line = structure_element(item, RedLine, at + ("red_lines", j), found)
            if line is not None:
                added.append(line)
    else:
        found.append((at + ("red_lines",), f"expected a list of tables, found {describe_value(red_lines)}",
                      "write [[parties.red_lines]] tables"))
    if header is None:
        return None
    return PartyChange(header.id, header.walk_away, header.drop_red_lines, FrozenMap(changes), tuple(added))


def overrides_from_data(data: dict, name: str) -> tuple[Overrides | None, list]:
    """Overrides from parsed TOML data, and the problems found: (key path, message, fix)."""
    found: list = []
    header = structure_element({k: v for k, v in data.items() if k != "parties"}, _OverridesHeader, (), found)
    raw_parties = data.get("parties", [])
    parties = []
    if isinstance(raw_parties, list):
        for i, raw in enumerate(raw_parties):
            change = _party(raw, ("parties", i), found)
            if change is not None:
                parties.append(change)
    else:
        found.append((("parties",), f"expected a list of tables, found {describe_value(raw_parties)}",
                      "write [[parties]] tables"))
    if header is None or found:
        return None, found
    fix = {issue: None if option == OPEN else option for issue, option in header.fix.items()}
    return Overrides(header.scenario, header.title, FrozenMap(fix), tuple(parties), path=name), found


def _from_file(file: TomlFile) -> Overrides:
    overrides, found = overrides_from_data(file.data, file.path)
    if found:
        problems = [file.problem(path, message, fix) for path, message, fix in found]
        raise ScenarioError(sorted(problems, key=lambda p: p.line or 0))
    return evolve(overrides, locate=file.problem)


def load_overrides(path: str | Path) -> Overrides:
    """Reads an overrides file; ScenarioError listing every problem in it."""
    return _from_file(read_toml(path))


def parse_overrides(text: str, name: str = "<what-if>") -> Overrides:
    return _from_file(parse_text(text.encode("utf-8"), name))


def party_number(value: str) -> tuple[str, float | None]:
    """``"russia=65"`` -> ("russia", 65.0); the number is None when the flag is not of that shape."""
    party_id, sep, text = value.partition("=")
    try:
        number = float(text)
    except ValueError:
        return party_id, None
    return party_id, number if sep and party_id else None


def overrides_from_flags(drop: Sequence[str] = (), walk_away: Sequence[str] = (), fix: Sequence[str] = ()) -> Overrides:
    """Overrides from `--drop PARTY:RED_LINE`, `--walk-away PARTY=N` and `--fix ISSUE=OPTION|open`.

    Problems name the flag as it was typed, on a file called "command line".
    """
    problems: list[Problem] = []
    data: dict[str, Any] = {"fix": {}, "parties": []}
    origin: dict[KeyPath, str] = {}

    def party_entry(party_id: str) -> tuple[int, dict]:
        for i, entry in enumerate(data["parties"]):
            if entry["id"] == party_id:
                return i, entry
        data["parties"].append({"id": party_id})
        return len(data["parties"]) - 1, data["parties"][-1]

    def bad(flag: str, value: str, shape: str) -> None:
        problems.append(Problem("command line", (), f"{flag} {value}: expected {shape}",
                                f"write e.g. {flag} {shape.replace(' ', '')}"))

    for value in drop:
        party_id, sep, line_id = value.partition(":")
        if not (sep and party_id and line_id):
            bad("--drop", value, "PARTY:RED_LINE")
            continue
        i, entry = party_entry(party_id)
        entry.setdefault("drop_red_lines", []).append(line_id)
        origin[("parties", i, "id")] = origin[("parties", i, "drop_red_lines", len(entry["drop_red_lines"]) - 1)] = \
            f"--drop {value}"
    for value in walk_away:
        party_id, number = party_number(value)
        if number is None:
            bad("--walk-away", value, "PARTY=NUMBER")
            continue
        i, entry = party_entry(party_id)
        entry["walk_away"] = number
        origin.setdefault(("parties", i, "id"), f"--walk-away {value}")
        origin[("parties", i, "walk_away")] = f"--walk-away {value}"
    for value in fix:
        issue_id, sep, option_id = value.partition("=")
        if not (sep and issue_id and option_id):
            bad("--fix", value, "ISSUE=OPTION")
            continue
        data["fix"][issue_id] = option_id
        origin[("fix", issue_id)] = f"--fix {value}"
    if problems:
        raise ScenarioError(problems)
    overrides, found = overrides_from_data(data, "command line")
    assert overrides is not None and not found, found  # the flags above only build well-formed data

    def locate(path: KeyPath, message: str, fix: str) -> Problem:
        for cut in range(len(path), 0, -1):
            if tuple(path[:cut]) in origin:
                return Problem("command line", (), f"{origin[tuple(path[:cut])]}: {message}", fix)
        return Problem("command line", tuple(path), message, fix)

    return evolve(overrides, locate=locate)

"""Where scenarios live: the shipped ones, and a user folder for scenarios a teacher writes."""

from __future__ import annotations

import os
from pathlib import Path

from attrs import frozen

from sim.loading import ScenarioError, load_proposal, load_scenario
from sim.loading.problems import suggest
from sim.loading.files import SCENARIO_FILE
from sim.loading.problems import Problem
from sim.model import Proposal, Scenario

DEFAULT_SCENARIO = "ukraine-2025"
PROPOSALS_DIR = "proposals"


def shipped_dir() -> Path:
    """The shipped scenarios: inside the package when installed from a wheel, else the repo's."""
    package = Path(__file__).resolve().parent
    packaged = package / "_shipped_scenarios"
    return packaged if packaged.is_dir() else package.parent / "scenarios"


def data_dir() -> Path:
    """The user's Red Lines folder; REDLINES_HOME overrides it (tests and classrooms use that)."""
    override = os.environ.get("REDLINES_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir  # deferred: only commands that touch user data need it

    return Path(user_data_dir("redlines", appauthor=False))


def user_dir() -> Path:
    return data_dir() / "scenarios"


@frozen
class Entry:
    id: str  # the folder name; a valid scenario's id matches it
    path: Path
    origin: str  # "shipped" or "user"
    scenario: Scenario | None
    error: ScenarioError | None


def _folders() -> list[tuple[Path, str]]:
    found = []
    for root, origin in ((shipped_dir(), "shipped"), (user_dir(), "user")):
        if root.is_dir():
            found += [(p, origin) for p in sorted(root.iterdir()) if (p / SCENARIO_FILE).is_file()]
    return found


def entries() -> list[Entry]:
    """Every scenario found, loaded; a broken one is listed with its error rather than hidden."""
    result = []
    for folder, origin in _folders():
        try:
            result.append(Entry(folder.name, folder, origin, load_scenario(folder), None))
        except ScenarioError as error:
            result.append(Entry(folder.name, folder, origin, None, error))
    return result


def scenario_path(id_or_path: str) -> Path:
    """The folder of a scenario named by id, or by a path to its folder or scenario.toml."""
    given = Path(id_or_path)
    if given.exists():
        return given.parent if given.is_file() else given
    folders = {folder.name: folder for folder, _ in _folders()}
    if id_or_path in folders:
        return folders[id_or_path]
    raise ScenarioError(
        [Problem(id_or_path, (), "no scenario with this id or path", suggest(id_or_path, sorted(folders)))]
    )


def find_scenario(id_or_path: str = DEFAULT_SCENARIO) -> Scenario:
    return load_scenario(scenario_path(id_or_path))


def preset_paths(scenario: Scenario) -> list[Path]:
    folder = Path(scenario.path).parent / PROPOSALS_DIR
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def presets(scenario: Scenario) -> list[Proposal]:
    """The scenario's preset proposals, in file-name order."""
    return [load_proposal(path, scenario) for path in preset_paths(scenario)]


def find_proposal(name_or_path: str, scenario: Scenario) -> Proposal:
    """A proposal from a file path, or a preset of ``scenario`` named by its file stem."""
    given = Path(name_or_path)
    if given.exists():
        return load_proposal(given, scenario)
    stems = {path.stem: path for path in preset_paths(scenario)}
    if name_or_path in stems:
        return load_proposal(stems[name_or_path], scenario)
    raise ScenarioError(
        [Problem(name_or_path, (), f"no such file, nor a preset of `{scenario.id}`", suggest(name_or_path, sorted(stems)))]
    )

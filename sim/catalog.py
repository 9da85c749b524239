"""Where scenarios live: the shipped ones, and a user folder for scenarios a teacher writes."""

from __future__ import annotations

import os
from pathlib import Path


# The loaders are reached through the package at call time (``loading.load_scenario``): importing
# them here would bring the TOML converter into every game, even one that only parses an action.
from sim import loading
from sim.loading import SCENARIO_FILE, ScenarioError
from sim.loading.problems import suggest
from sim.loading.problems import Problem
from sim.model import Proposal, Scenario
from sim.record import frozen

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


def cache_dir() -> Path:
    """Where loaded scenarios are kept between launches (see sim.loading.cache)."""
    return data_dir() / "cache"


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


def _clash(folder: Path, origin: str, scenario: Scenario, shipped: set[str]) -> ScenarioError | None:
    """Why a scenario that loads cannot be used under its folder's name: each autosave is named
    by id, and a user scenario never takes a shipped one's place."""
    file = str(folder / SCENARIO_FILE)
    if scenario.id != folder.name:
        return ScenarioError([Problem(file, ("id",), f"the scenario's id is `{scenario.id}` but its folder is "
                                      f"named `{folder.name}`", f'rename the folder to `{scenario.id}`, or set '
                                      f'id = "{folder.name}"')])
    if origin == "user" and scenario.id in shipped:
        return ScenarioError([Problem(file, ("id",), f"a shipped scenario has the id `{scenario.id}`; the shipped "
                                      "one is used", "give yours another id (and rename its folder to match)")])
    return None


def entries() -> list[Entry]:
    """Every scenario found, loaded; a broken one is listed with its error rather than hidden, and
    so is a user scenario with a shipped one's id (the shipped one wins) or a folder named otherwise
    than its scenario's id."""
    result = []
    shipped = {folder.name for folder, origin in _folders() if origin == "shipped"}
    from sim.loading.cache import remembered

    for folder, origin in _folders():
        try:
            # Kept loaded, as the table's own scenario is: loading every scenario from its TOML
            # was most of the start screen's first frame (some 110 ms for the four shipped ones).
            scenario = remembered(cache_dir(), folder, "listed scenario", lambda: loading.load_scenario(folder))
        except ScenarioError as error:
            result.append(Entry(folder.name, folder, origin, None, error))
            continue
        clash = _clash(folder, origin, scenario, shipped)
        result.append(Entry(folder.name, folder, origin, None if clash else scenario, clash))
    return result


def _looks_like_path(text: str) -> bool:
    return "/" in text or "\\" in text or text.endswith(".toml") or text.startswith(".")


def scenario_path(id_or_path: str) -> Path:
    """The folder of a scenario named by id, or by a path to its folder or scenario.toml.

    An installed id comes first (a folder of that name in the current directory does not take its
    place; write ``./name`` for that), and a shipped scenario before a user one of the same id."""
    folders: dict[str, Path] = {}
    for folder, _ in _folders():
        folders.setdefault(folder.name, folder)  # shipped ones come first, and keep their id
    if id_or_path in folders and not _looks_like_path(id_or_path):
        return folders[id_or_path]
    given = Path(id_or_path)
    if given.exists():
        return given.parent if given.is_file() else given
    raise ScenarioError(
        [Problem(id_or_path, (), "no scenario with this id or path", suggest(id_or_path, sorted(folders)))]
    )


def find_scenario(id_or_path: str = DEFAULT_SCENARIO) -> Scenario:
    """The scenario named by id or path. Found by id, its id must be its folder's name (two
    scenarios must never share one autosave)."""
    folder = scenario_path(id_or_path)
    scenario = loading.load_scenario(folder)
    if folder.name == id_or_path and scenario.id != id_or_path:
        raise _clash(folder, "shipped", scenario, set())  # type: ignore[misc]
    return scenario


def preset_paths(scenario: Scenario) -> list[Path]:
    folder = Path(scenario.path).parent / PROPOSALS_DIR
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def presets(scenario: Scenario) -> list[Proposal]:
    """The scenario's preset proposals, in file-name order."""
    return [loading.load_proposal(path, scenario) for path in preset_paths(scenario)]


def find_proposal(name_or_path: str, scenario: Scenario) -> Proposal:
    """A proposal from a file path, or a preset of ``scenario`` named by its file stem."""
    given = Path(name_or_path)
    if given.exists():
        return loading.load_proposal(given, scenario)
    stems = {path.stem: path for path in preset_paths(scenario)}
    if name_or_path in stems:
        return loading.load_proposal(stems[name_or_path], scenario)
    raise ScenarioError(
        [Problem(name_or_path, (), f"no such file, nor a preset of `{scenario.id}`", suggest(name_or_path, sorted(stems)))]
    )

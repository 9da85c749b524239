"""Starting a game from a scenario on disk: the scenario, its presets and its game.toml."""

from __future__ import annotations

from pathlib import Path

from sim import catalog, loading
from sim.game.setup import GameSetup
from sim.game.state import Difficulty, GameState
from sim.game.step import new_game
from sim.model import FrozenMap, Proposal, Scenario


def scenario_presets(scenario: Scenario) -> FrozenMap[str, Proposal]:
    """The scenario's presets by name (file stem), in file-name order."""
    return FrozenMap({path.stem: loading.load_proposal(path, scenario) for path in catalog.preset_paths(scenario)})


def game_files(scenario: Scenario) -> tuple[GameSetup, FrozenMap[str, Proposal]]:
    """The game setup and presets of a loaded scenario; raises ScenarioError on a bad file."""
    presets = scenario_presets(scenario)
    # Deferred: the setup file's reader brings the TOML converter, which parsing an action never needs.
    from sim.game.setup_file import load_setup

    setup = load_setup(scenario, presets)
    offered = FrozenMap({name: p for name, p in presets.items() if name not in setup.hidden_presets})
    return setup, offered


def kept_game_files(scenario: Scenario) -> tuple[GameSetup, FrozenMap[str, Proposal]]:
    """``game_files``, kept loaded between launches as the scenario itself is (sim.loading.cache):
    the start screen names each scenario's first day from them, and a new game needs them all."""
    if not scenario.path:
        return game_files(scenario)
    from sim.loading.cache import remembered

    return remembered(catalog.cache_dir(), Path(scenario.path).parent, "game files", lambda: game_files(scenario))


def start_game(
    scenario: str | Scenario = catalog.DEFAULT_SCENARIO, difficulty: Difficulty | str = Difficulty.NORMAL,
    seed: int = 0,
) -> GameState:
    """A new game of a scenario named by id or path (or already loaded); ``difficulty`` may be
    given by name."""
    if not isinstance(scenario, Scenario):
        scenario = catalog.find_scenario(scenario)
    setup, presets = game_files(scenario)
    return new_game(scenario, setup, presets, Difficulty(difficulty), seed)

"""The game a report is about: a save file, or a script played headless."""

from __future__ import annotations

from pathlib import Path

from sim import catalog
from sim.game import Difficulty, GameState, load_save, start_game
from sim.game.script import read_script, run_script


def load_game(path: str | Path, scenario: str | None = None) -> GameState:
    """The final state of the game in ``path``: a ``.json`` save replays exactly (or raises
    SaveError); anything else is read as a script (or raises ScenarioError, with its line)."""
    path = Path(path)
    if path.suffix == ".json":
        return load_save(path)
    script = read_script(path)
    state = start_game(scenario or script.scenario or catalog.DEFAULT_SCENARIO,
                       script.difficulty or Difficulty.NORMAL, script.seed or 0)
    state, _ = run_script(script, state)
    return state

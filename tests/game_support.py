"""Shared helpers for the game's tests: games on the shipped tutorial, and a private data folder."""

from __future__ import annotations

from functools import lru_cache

import pytest

from sim import catalog
from sim.game import Difficulty, GameState, new_game
from sim.game.actions import parse_action
from sim.game.start import game_files
from sim.game.step import step
from sim.model import Scenario


@lru_cache(maxsize=None)
def tutorial() -> Scenario:
    return catalog.find_scenario("tutorial")


def tutorial_game(seed: int = 0, difficulty: Difficulty = Difficulty.NORMAL, **setup_changes) -> GameState:
    """A new tutorial game; ``setup_changes`` override fields of its game.toml setup."""
    from attrs import evolve

    scenario = tutorial()
    setup, presets = game_files(scenario)
    if setup_changes:
        setup = evolve(setup, **setup_changes)
    return new_game(scenario, setup, presets, difficulty, seed)


def play(state: GameState, *lines: str) -> GameState:
    for line in lines:
        state, _ = step(state, parse_action(line))
    return state


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Every game test writes saves into its own folder, never the user's."""
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    return tmp_path / "home"

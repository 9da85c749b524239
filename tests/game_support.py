"""Shared helpers for the game's tests: games on the shipped tutorial, and a private data folder."""

from __future__ import annotations

from functools import lru_cache

import pytest

from sim import catalog
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule

from sim.game import Difficulty, GameState, available_actions, new_game, revisions
from sim.game.actions import SetTerm, parse_action
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


# A deal on the tutorial: random revisions rarely reach a signing, so the machines steer to it.
DEAL = {"mirel": "joint_admin", "water": "w50", "monitors": "observers", "prisoners": "all_for_all"}


class TutorialPlayer(RuleBasedStateMachine):
    """The moves a random tutorial game makes; each machine below says what it checks in ``_take``."""

    state: GameState

    def _take(self, action) -> None:
        raise NotImplementedError

    @precondition(lambda self: not self.state.over)
    @rule(data=st.data())
    def move(self, data) -> None:
        self._take(data.draw(st.sampled_from(available_actions(self.state)), label="move"))

    @precondition(lambda self: not self.state.over)
    @rule(data=st.data())
    def revise(self, data) -> None:
        self._take(data.draw(st.sampled_from(revisions(self.state)), label="revision"))

    @precondition(lambda self: not self.state.over and self.state.venue != "tessa-bridge")
    @rule()
    def go_to_the_joint_table(self) -> None:
        self._take(parse_action("travel tessa-bridge"))

    @precondition(lambda self: not self.state.over)
    @rule()
    def write_in_a_known_deal(self) -> None:
        """Steers towards signings, which random revisions rarely reach."""
        for issue, option in DEAL.items():
            if issue not in self.state.locked:
                self._take(SetTerm(issue, option))


def play(state: GameState, *lines: str) -> GameState:
    for line in lines:
        state, _ = step(state, parse_action(line))
    return state


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Every game test writes saves into its own folder, never the user's."""
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    return tmp_path / "home"

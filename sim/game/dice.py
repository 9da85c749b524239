"""Every random choice of a game: drawn from the game's seed and the state's draw counter.

A fresh generator per draw, seeded with ``"<seed>:<draw number>"``, makes each draw a pure
function of the state: saving a game needs two integers, and replaying it gives the same draws.
"""

from __future__ import annotations

import random

from attrs import evolve

from sim.game.state import GameState


def generator(state: GameState) -> tuple[random.Random, GameState]:
    """A generator for one draw (or one batch of draws), and the state that has used it up."""
    rng = random.Random(f"{state.game.seed}:{state.draws}")
    return rng, evolve(state, draws=state.draws + 1)


def chance(state: GameState, probability: float) -> tuple[bool, GameState]:
    """Whether something with this probability happens; certain things use no draw."""
    if probability >= 1:
        return True, state
    rng, state = generator(state)
    return rng.random() < probability, state

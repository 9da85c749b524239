"""A game in progress for an interactive front end: the one mutable holder of the current state.

``act`` takes one player action (pure ``step`` underneath) and autosaves. A save that fails (a
full disk, an unwritable folder) never costs the game: the state in memory moves on, and the
problem is kept in ``save_problem`` for the front end to show until a later save succeeds.
"""

from __future__ import annotations

from pathlib import Path

from sim.game.actions import Action
from sim.game.saves import SaveError, autosave_path, load_save, write_save
from sim.game.state import GameState
from sim.game.step import Outcome, step


class Session:
    def __init__(self, state: GameState, save_path: Path | None = None, autosave: bool = True) -> None:
        self.state = state
        self.save_path = save_path or autosave_path(state.scenario.id)
        self.autosave = autosave
        self.save_problem: SaveError | None = None

    @classmethod
    def resume(cls, path: Path) -> "Session":
        """Continues a saved game; autosaves go back to the same file."""
        return cls(load_save(path), save_path=Path(path))

    def act(self, action: Action) -> Outcome:
        """One player action; raises ActionError (and changes nothing) when it is not legal now."""
        self.state, outcome = step(self.state, action)
        if self.autosave:
            self.save()
        return outcome

    def save(self, path: Path | None = None) -> Path | None:
        """Saves now; returns where, or None when it failed (see ``save_problem``)."""
        try:
            written = write_save(self.state, path or self.save_path)
        except SaveError as error:
            self.save_problem = error
            return None
        self.save_problem = None
        return written

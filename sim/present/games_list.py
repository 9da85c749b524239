"""How the list of saved and finished games reads: a line and a detail for each game.

The words for a game's outcome are the report's too (``sim.present.report``), so a finished game
is called the same thing wherever it is listed or written up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sim.present.play import Choice

OUTCOMES = {"deal": "a deal", "collapsed": "the talks collapsed", "expired": "the clock ran out",
            "ongoing": "still under way"}


class ListedGame(Protocol):
    """What the list needs of a game found on disk (``sim.ui.saved_games.SavedGame`` is one)."""

    path: Path
    scenario: str  # the scenario's id
    difficulty: str
    day: str
    actions: int
    status: str
    score: float

    @property
    def finished(self) -> bool: ...


def game_choice(game: ListedGame, title: str) -> Choice:
    """The game's line (what choosing it does, the scenario's ``title``, how it ended or where it
    stands) and its detail (difficulty, moves, last day, file)."""
    from sim.present.play import Choice  # deferred: the report takes OUTCOMES from here without the game

    if game.finished:
        label = f"Debrief: {title}, {OUTCOMES.get(game.status, game.status)}, score {game.score:g}"
    else:
        label = f"Continue: {title}, {game.day}"
    moves = f"{game.actions} move{'' if game.actions == 1 else 's'}"
    return Choice(("debrief:" if game.finished else "continue:") + str(game.path), label,
                  f"{game.difficulty} · {moves} · last day {game.day} · {game.path.name}")

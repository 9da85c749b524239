"""Finding games: the newest autosave of a game still going on (to continue), and every game that
has ended (to reopen its debrief). Free of Textual."""

from __future__ import annotations

from pathlib import Path

from sim.game import GameState, SaveError, write_save
from sim.game.saves import modified_time, read_save, saves_dir, summary_number, summary_text
from sim.record import frozen

FINISHED_DIR = "finished"  # under the saves folder: ended games, kept when a new game takes the autosave


@frozen
class SavedGame:
    path: Path
    scenario: str
    difficulty: str
    day: str
    actions: int
    status: str = "ongoing"
    score: float = 0.0

    @property
    def label(self) -> str:
        return f"{self.scenario}, {self.day} ({self.difficulty})"

    @property
    def finished(self) -> bool:
        return self.status != "ongoing"


def _read(path: Path) -> tuple[SavedGame, tuple] | None:
    try:
        data = read_save(path)
    except SaveError:
        return None  # loading it by path says what is wrong with it
    summary = data.get("summary") if isinstance(data.get("summary"), dict) else {}  # damaged: treat as blank
    game = SavedGame(path, data["scenario"]["id"], data["difficulty"], summary_text(summary.get("day")) or "?",
                     int(summary_number(summary.get("actions"))), summary_text(summary.get("status")) or "ongoing",
                     summary_number(summary.get("score")))
    return game, (game.scenario, game.difficulty, data["seed"], tuple(data["log"]))


def _saves(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    paths = [p for p in folder.glob("*.json") if not p.name.endswith(".prev.json")]
    return sorted(paths, key=modified_time, reverse=True)


def latest_game() -> SavedGame | None:
    """The most recently saved game that has not ended; unreadable saves are passed over."""
    for path in _saves(saves_dir()):
        if not path.name.startswith("autosave-"):
            continue
        found = _read(path)
        if found is not None and not found[0].finished:
            return found[0]
    return None


def latest_label() -> str | None:
    """A short description of the game the start screen offers to continue, or None."""
    saved = latest_game()
    return saved.label if saved else None


def all_games() -> list[SavedGame]:
    """Every readable save, newest first: games going on, then games that ended. The same game
    kept twice (its autosave and its finished copy) is listed once."""
    seen: set[tuple] = set()
    ongoing, finished = [], []
    for path in _saves(saves_dir() / FINISHED_DIR) + _saves(saves_dir()):
        found = _read(path)
        if found is None or found[1] in seen:
            continue
        seen.add(found[1])
        (finished if found[0].finished else ongoing).append(found[0])
    return ongoing + finished


def keep_finished(state: GameState) -> Path:
    """A copy of an ended game that a new game of the same scenario will not overwrite."""
    stem = f"{state.scenario.id}-{state.day.isoformat()}-seed{state.game.seed}"
    folder = saves_dir() / FINISHED_DIR
    path, number = folder / f"{stem}.json", 2
    while path.exists():
        path, number = folder / f"{stem}-{number}.json", number + 1
    return write_save(state, path)

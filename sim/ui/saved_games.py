"""Finding the game to continue: the newest autosave of a game still going on."""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from sim.game import SaveError
from sim.game.saves import modified_time, read_save, saves_dir, summary_number, summary_text


@frozen
class SavedGame:
    path: Path
    scenario: str
    difficulty: str
    day: str
    actions: int

    @property
    def label(self) -> str:
        return f"{self.scenario}, {self.day} ({self.difficulty})"


def latest_game() -> SavedGame | None:
    """The most recently saved game that has not ended; unreadable saves are passed over (loading
    one by path says what is wrong with it)."""
    folder = saves_dir()
    if not folder.is_dir():
        return None
    candidates = sorted(folder.glob("autosave-*.json"), key=modified_time, reverse=True)
    for path in candidates:
        if path.name.endswith(".prev.json"):
            continue
        try:
            data = read_save(path)
        except SaveError:
            continue
        summary = data.get("summary") if isinstance(data.get("summary"), dict) else {}  # damaged: treat as blank
        if summary.get("status", "ongoing") != "ongoing":
            continue
        return SavedGame(path, data["scenario"]["id"], data["difficulty"], summary_text(summary.get("day")) or "?",
                         int(summary_number(summary.get("actions"))))
    return None

"""One game, one window: a lock beside each save, held while a table has the game open.

Two app instances on one Red Lines folder would otherwise overwrite each other's autosave (and
its ``.prev`` backup) without a word. The lock is an advisory ``flock`` on ``<save>.lock``: the
system drops it when the process ends, however it ends, so a crash never leaves a game locked.
Where ``flock`` does not exist (Windows), locking is skipped and the old behaviour stays.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(save: Path) -> Path:
    return save.with_name(save.name + ".lock")


class SaveLock:
    """Held from ``acquire`` until ``release`` (or the process ends)."""

    def __init__(self, save: Path) -> None:
        self.path = lock_path(Path(save))
        self._handle: int | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> bool:
        """True when this process now holds the game; False when another one has it open.
        A folder where no lock can be made (read-only) counts as free: saving will say what is wrong."""
        if self._handle is not None or fcntl is None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return True
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            os.close(self._handle)  # closing drops the flock
            self._handle = None


def held_elsewhere(save: Path) -> bool:
    """True when another window has the game of ``save`` open now (its table holds the lock)."""
    probe = SaveLock(save)
    if not probe.acquire():
        return True
    probe.release()
    return False


def copy_path(save: Path) -> Path:
    """A free name for a copy of ``save``: autosave-x-copy2.json, -copy3, ..."""
    stem = save.name.removesuffix(".json")
    number = 2
    while (candidate := save.with_name(f"{stem}-copy{number}.json")).exists():
        number += 1
    return candidate

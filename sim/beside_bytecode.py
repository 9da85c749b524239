"""Files a launch keeps for the next one beside the package's bytecode: work done from our own code
alone (attrs' compiled methods, the parsed stylesheet), which Python's ``.pyc`` files do not cover.

They live where Python keeps the bytecode of the module that makes them (``__pycache__``, or under
``sys.pycache_prefix``), and are written only when bytecode is (not under
``PYTHONDONTWRITEBYTECODE``). Anyone who can write that folder can write the ``.pyc`` files Python
runs from it, so a kept file is trusted as they are, and one that others could have written (a
group- or world-writable file, or not a plain file) is ignored.
"""

from __future__ import annotations

import atexit
import os
import sys
from pathlib import Path
from typing import Any, Callable

from sim.trusted_file import read_trusted, write_atomically


def kept_path(module_file: str, name: str) -> Path:
    """Where ``name`` is kept for the module of ``module_file``: the folder
    ``importlib.util.cache_from_source`` would give its bytecode (that module costs 8 ms to import)."""
    folder = Path(os.path.abspath(Path(module_file).parent))
    folder = Path(sys.pycache_prefix, *folder.parts[1:]) if sys.pycache_prefix else folder / "__pycache__"
    return folder / f"{name}.{sys.implementation.cache_tag}"


def read_kept(path: Path) -> bytes | None:
    """The kept file's bytes; None when there is none, or others could have written it."""
    return read_trusted(path, owner_only=False)


def write_kept(path: Path, data: bytes) -> None:
    """Keep ``data`` at ``path``, atomically; nothing when bytecode is not written."""
    if not sys.dont_write_bytecode:
        write_atomically(path, data, mode=0o644)


class KeptStore:
    """One file of kept values by key (a digest), shared by a process: read on first use, and
    written at exit when the launch added to it. ``encode`` turns the whole mapping into the file's
    bytes; ``decode`` turns them back, raising on anything it does not recognise (another version,
    a damaged file), which counts as an empty store. A store grown past ``limit`` entries (old
    versions piling up) is written with only what this launch used or added."""

    def __init__(self, path: Callable[[], Path], *, encode: Callable[[dict], bytes],
                 decode: Callable[[bytes], dict], limit: int, save_at_exit: bool = True) -> None:
        self.path, self._encode, self._decode, self._limit = path, encode, decode, limit
        self._save_at_exit = save_at_exit
        self.kept: dict | None = None  # what the file had; None until first asked
        self.new: dict = {}
        self.used: set = set()

    def get(self, key: bytes) -> Any:
        if self.kept is None:
            self.kept = self._read()
        self.used.add(key)
        found = self.kept.get(key)
        return found if found is not None else self.new.get(key)

    def put(self, key: bytes, value: Any) -> None:
        if not self.new and self._save_at_exit:
            atexit.register(self.save)
        self.new[key] = value

    def _read(self) -> dict:
        data = read_kept(self.path())
        try:
            kept = self._decode(data) if data else {}
        except Exception:  # noqa: BLE001 (damaged, or written by another version: the work is done again)
            return {}
        return kept if isinstance(kept, dict) else {}

    def save(self) -> None:
        if not self.new:
            return
        kept = {**(self.kept or {}), **self.new}
        if len(kept) > self._limit:
            kept = {key: value for key, value in kept.items() if key in self.used or key in self.new}
        write_kept(self.path(), self._encode(kept))

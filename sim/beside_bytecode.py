"""Files a launch keeps for the next one beside the package's bytecode: work done from our own code
alone (attrs' compiled methods, the parsed stylesheet), which Python's ``.pyc`` files do not cover.

They live where Python keeps the bytecode of the module that makes them (``__pycache__``, or under
``sys.pycache_prefix``), and are written only when bytecode is (not under
``PYTHONDONTWRITEBYTECODE``). Anyone who can write that folder can write the ``.pyc`` files Python
runs from it, so a kept file is trusted as they are, and one that others could have written (a
group- or world-writable file, or not a plain file) is ignored.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

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

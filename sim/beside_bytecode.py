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
import stat
import sys
from pathlib import Path


def kept_path(module_file: str, name: str) -> Path:
    """Where ``name`` is kept for the module of ``module_file``: the folder
    ``importlib.util.cache_from_source`` would give its bytecode (that module costs 8 ms to import)."""
    folder = Path(os.path.abspath(Path(module_file).parent))
    folder = Path(sys.pycache_prefix, *folder.parts[1:]) if sys.pycache_prefix else folder / "__pycache__"
    return folder / f"{name}.{sys.implementation.cache_tag}"


def read_kept(path: Path) -> bytes | None:
    """The kept file's bytes; None when there is none, or it is not a plain file only its owner can write."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o022:
            return None
        with os.fdopen(os.dup(handle), "rb") as file:
            return file.read()
    except OSError:
        return None
    finally:
        os.close(handle)


def write_kept(path: Path, data: bytes) -> None:
    """Keep ``data`` at ``path``, atomically; nothing when bytecode is not written, and a folder that
    cannot take it is no error (the next launch does the work again)."""
    if sys.dont_write_bytecode:
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass

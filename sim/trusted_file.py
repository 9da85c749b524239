"""Files the program keeps for itself (its caches): read only when no one else could have written
them, and written whole or not at all, so a reader never sees half a file."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def read_trusted(path: Path, *, owner_only: bool) -> bytes | None:
    """The file's bytes; None when there is none, or it is not a plain file (a link, a pipe), or
    others could have written it: writable by group or world, or (``owner_only``) not ours."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o022:
            return None
        if owner_only and hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        with os.fdopen(os.dup(handle), "rb") as file:
            return file.read()
    except OSError:
        return None
    finally:
        os.close(handle)


def write_atomically(path: Path, data: bytes, *, mode: int, folder_mode: int = 0o777) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed over it; a folder that cannot
    take it is no error (a cache is only ever a shortcut)."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=folder_mode, parents=True, exist_ok=True)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), mode)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass

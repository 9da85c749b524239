"""Reading a file that may be hostile: regular files only, never more than a limit.

A FIFO would block forever and a device (``/dev/zero``) would read without end, so the file's
type is checked before it is opened, and again on the open descriptor (the path may have changed
in between). Every failure is an Unreadable with a message and a fix, never an OSError.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class Unreadable(Exception):
    """Why a file cannot be read, in words for a person, and how to fix it."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _check(mode: int, size: int, limit: int, what: str) -> None:
    kind = _kind(mode)
    if kind == "a folder":
        raise Unreadable("this is a folder, not a file", f"give the path of {what}")
    if kind is not None:
        raise Unreadable(f"this is {kind}, not a regular file", f"give the path of {what} saved on disk")
    if size > limit:
        raise Unreadable(f"the file is {size:,} bytes, more than the {limit:,} allowed",
                         "check that this is the file you meant")


def read_limited(path: str | Path, limit: int, what: str = "a file") -> bytes:
    """The bytes of the regular file at ``path``; raises Unreadable when it is not one, is larger
    than ``limit`` bytes, or cannot be read."""
    path = os.fspath(path)
    try:
        try:
            info = os.stat(path)
        except FileNotFoundError:
            if os.path.islink(path):
                raise Unreadable("this is a link to a file that does not exist", "fix or remove the link") from None
            raise Unreadable("no such file", "check the path and its spelling") from None
        _check(info.st_mode, info.st_size, limit, what)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        handle = os.open(path, flags)
        try:
            info = os.fstat(handle)
            _check(info.st_mode, info.st_size, limit, what)
            chunks, total = [], 0
            while total <= limit:  # the file may grow while it is read: never read past the limit
                chunk = os.read(handle, min(1 << 20, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        finally:
            os.close(handle)
    except PermissionError:
        raise Unreadable("permission denied", "make the file readable") from None
    except IsADirectoryError:
        raise Unreadable("this is a folder, not a file", f"give the path of {what}") from None
    except OSError as error:
        raise Unreadable(f"cannot read the file: {error.strerror or error}", "check the path") from None
    if total > limit:
        raise Unreadable(f"the file is more than the {limit:,} bytes allowed", "check that this is the file you meant")
    return b"".join(chunks)

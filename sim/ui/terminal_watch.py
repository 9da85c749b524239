"""An app whose terminal has gone away ends, rather than spinning on it.

When a terminal window closes, the app normally gets a hang-up signal and ends. Run under
``make play`` it may not (``make`` stays, waiting for it), and Textual's input thread then reads
end-of-file again and again: measured, a lost game kept running at 40-70% of a core until killed.
So an app started on a terminal checks every ``PERIOD`` seconds that it still has one, and when it
has not, it exits as if the player had quit (each screen's saves are flushed as they close).
"""

from __future__ import annotations

import os
import sys

PERIOD = 1.0  # seconds between two checks: one system call each, nothing a player would notice


def terminal_fd() -> int | None:
    """The file descriptor of the terminal the app reads, or None when it reads none (a browser, a test)."""
    stream = sys.__stdin__
    try:
        fd = stream.fileno() if stream is not None else None
    except (OSError, ValueError):
        return None
    return fd if fd is not None and os.isatty(fd) else None


def still_there(fd: int) -> bool:
    """Whether ``fd`` is still a live terminal: a hung-up one answers neither as a terminal nor to
    a query of its process group."""
    try:
        return os.isatty(fd) and os.tcgetpgrp(fd) >= 0
    except OSError:
        return False

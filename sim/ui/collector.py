"""The cyclic garbage collector waits while the app builds its first screen.

Everything made before the first frame lives as long as the app (the game's modules, the scenario,
the widgets), and the collector would walk that growing heap again and again: about 70 ms of CPU
before the table takes input. Paused at the app's start (by `redlines`, before it even imports
Textual), it resumes with the first frame (or when an app ends before one), and collects as usual
from then on. The app's module imports Textual and the screens with it paused too, and leaves it as
it was (a process may import the app and never run it).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

_paused = [False]  # whether we paused it (a collector someone else turned off stays off)


def pause_collector() -> None:
    if gc.isenabled():
        gc.disable()
        _paused[0] = True


def resume_collector() -> None:
    if _paused[0]:
        _paused[0] = False
        gc.enable()


@contextmanager
def paused_while_importing() -> Iterator[None]:
    """No collections while the app's module imports Textual and the screens (some 15 ms of them,
    walking a heap of classes that live as long as the process); afterwards the collector is as it
    was, so a process that imports the app without running it collects as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

"""The cyclic garbage collector waits while the app builds its first screen.

Everything made before the first frame lives as long as the app (the game's modules, the scenario,
the widgets), and the collector would walk that growing heap again and again: about 70 ms of CPU
before the table takes input. Paused at the app's start (by `redlines`, before it even imports
Textual: another 15 ms), it resumes with the first frame (or when an app ends before one), and
collects as usual from then on.
"""

from __future__ import annotations

import gc

_paused = [False]  # whether we paused it (a collector someone else turned off stays off)


def pause_collector() -> None:
    if gc.isenabled():
        gc.disable()
        _paused[0] = True


def resume_collector() -> None:
    if _paused[0]:
        _paused[0] = False
        gc.enable()

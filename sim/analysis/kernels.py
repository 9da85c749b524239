"""Whether a bitset loop runs compiled (``sim.analysis.compiled``, by numba) or in numpy.

Both give the same answers; only the time differs. The compiled loops run about six times faster,
but loading them costs about 0.7 s once per process (importing numba, then reading its cached
machine code; the first run on a machine also compiles them, about 5 s). A one-off command never
repays that on the spaces we know: the full 14x6 benchmark analysis takes 0.2 s in numpy. So a
process loads them the way one decides between renting and buying skis: once its numpy loops have
cost about what loading would (``LOAD_AFTER`` words ANDed, about 0.7 s), which spends at most twice
the best choice made in hindsight. An app, a class server or a script that analyses large spaces
again and again switches after a few analyses; small spaces (every shipped scenario) never load
numba at all. ``load`` switches at once, for a caller that knows it will analyse large spaces (the
benchmarks measure such a process). ``REDLINES_NUMPY_ONLY=1`` in the environment keeps everything
in numpy, for a machine where numba cannot run, and so does a numba that fails to import.
"""

from __future__ import annotations

import os
import threading
from types import ModuleType

LOAD_AFTER = 300_000_000  # words ANDed in numpy loops (about 2 ns each) before loading pays
USE_FROM = 20_000  # words from which a loaded loop beats numpy (below it, the call and setup cost more)

_loaded: list[ModuleType | None] = []  # [] not yet; [module] loaded; [None] unavailable here
_spent = [0]  # words the numpy loops of this process have ANDed so far
_lock = threading.Lock()


def compiled(words: int) -> ModuleType | None:
    """The compiled loops when a loop of ``words`` word operations should run them, else None
    (the caller then runs its numpy loop, and its words count towards loading)."""
    if not _loaded:
        _spent[0] += words
        if _spent[0] < LOAD_AFTER:
            return None
        load()
    module = _loaded[0]
    return module if module is not None and words >= USE_FROM else None


def load() -> ModuleType | None:
    """Loads the compiled loops now (once per process); None where they cannot run."""
    with _lock:
        if not _loaded:
            _loaded.append(_import())
    return _loaded[0]


def _import() -> ModuleType | None:
    if os.environ.get("REDLINES_NUMPY_ONLY"):
        return None
    try:
        from sim.analysis import compiled as module
    except ImportError:  # numba missing or unusable here: numpy answers the same, more slowly
        return None
    return module

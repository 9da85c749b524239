"""Whether a bitset loop runs compiled (``sim.analysis.compiled``, by numba) or in numpy.

Both give the same answers; only the time differs. Loading the compiled loops costs about a third
of a second once per process (importing numba, then reading its cached machine code), which a
small space never repays: the default scenario's whole analysis takes less. So they are loaded the
first time a loop has at least ``LOAD_FROM`` words to AND (about 10 ms of numpy work), and once
loaded they serve every loop from ``USE_FROM`` words on. ``REDLINES_NUMPY_ONLY=1`` in the
environment keeps everything in numpy (for a machine where numba cannot run), and so does a numba
that fails to import.
"""

from __future__ import annotations

import os
from types import ModuleType

LOAD_FROM = 5_000_000  # words to AND before the compiled loops are worth loading
USE_FROM = 20_000  # words from which loaded loops beat numpy (below it, the call and setup cost more)

_loaded: list[ModuleType | None] = []  # [] untried; [module] loaded; [None] unavailable


def compiled(words: int) -> ModuleType | None:
    """The compiled loops when a loop of ``words`` word operations should use them, else None."""
    if _loaded:
        module = _loaded[0]
        return module if module is not None and words >= USE_FROM else None
    if words < LOAD_FROM:
        return None
    if os.environ.get("REDLINES_NUMPY_ONLY"):
        _loaded.append(None)
        return None
    try:
        from sim.analysis import compiled as module
    except ImportError:  # numba missing or unusable here: numpy answers the same, more slowly
        _loaded.append(None)
        return None
    _loaded.append(module)
    return module

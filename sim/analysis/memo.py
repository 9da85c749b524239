"""Per-scenario memory for the analysis, so repeated queries (a game's counter-proposals) start warm.

Keyed by the scenario's identity, like the engine's compiled cache: hashing a whole scenario on every
query would cost more than answering it. An entry goes when its scenario is garbage-collected.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable, Hashable

from sim.model import Scenario

MAX_ENTRIES = 256  # per scenario; a game asks with a new utility level most days, so keep it bounded

_memory: dict[int, tuple[weakref.ref, dict[Hashable, Any]]] = {}


def remembered(scenario: Scenario, key: Hashable, make: Callable[[], Any]) -> Any:
    """``make()``, computed once per scenario object and key."""
    entry = _memory.get(id(scenario))
    if entry is None or entry[0]() is not scenario:
        ident = id(scenario)
        entry = (weakref.ref(scenario, lambda _ref, memory=_memory: memory.pop(ident, None)), {})
        _memory[ident] = entry
    store = entry[1]
    if key not in store:
        if len(store) >= MAX_ENTRIES:
            store.clear()
        store[key] = make()
    return store[key]

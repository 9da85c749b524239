"""Saving the game behind the player's back, off the UI thread.

Every action autosaves, and a draft revision is an action, so saves come as fast as keys are
pressed. Writing (JSON, fsync, rename) must not delay the frame that shows the new draft, so the
latest state goes to one background thread; states that arrive while it writes are coalesced and
only the newest is written next. A failed save never touches the game in memory: ``on_problem``
is told, and the next save tries again.

Even off the UI thread, writing shares the interpreter lock with the frame being drawn, so a
``defer`` function (the screen's ``call_after_refresh``) may hold the start of the write until that
frame is out; ``flush`` starts a deferred write at once.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from sim.game import GameState, SaveError, write_save
from sim.loading.problems import Problem


class AutoSaver:
    def __init__(self, path: Path, on_problem: Callable[[SaveError | None], None],
                 defer: Callable[[Callable[[], None]], object] | None = None) -> None:
        self.path = path
        self._defer = defer  # runs its argument soon (after the next frame); None: write at once
        self._scheduled = False  # a deferred start is waiting
        self._held = False  # ... and it waits for a ``hold`` (the editing to pause), not a frame
        self.on_problem = on_problem  # called from the saving thread: the problem, or None once saving works again
        self._pending: GameState | None = None
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()
        self._failing = False
        self.saved = 0  # how many states were written (tests and the benchmark read it)
        self.enabled = True  # False: a read-only game (open in another window), nothing is written

    def request(self, state: GameState, hold: Callable[[Callable[[], None]], object] | None = None) -> None:
        """Save ``state`` soon; returns at once. ``hold``: start the write later than ``defer`` would
        (a change of a term waits for the editing to pause: a write during the next key's frame
        would share the interpreter lock with it); a later request without one starts it as usual."""
        if not self.enabled:
            return
        with self._lock:
            self._pending = state
            if not self._idle.is_set():
                if not (self._held and hold is None):
                    return  # the running (or deferred) thread will pick it up
                self._held = False  # this move's state must not wait for the editing to pause
            else:
                self._idle.clear()
                self._scheduled = True  # started by the first of defer, hold or flush to come
                self._held = hold is not None
        if hold is not None and self._held:
            hold(self._start_deferred)
        elif self._defer is None:
            self._start_deferred()
        else:
            self._defer(self._start_deferred)

    def _start_deferred(self) -> None:
        with self._lock:
            if not self._scheduled:
                return  # flush (or an earlier call) has started it already
            self._scheduled = self._held = False
        self._start()

    def _start(self) -> None:
        threading.Thread(target=self._run, name="redlines-autosave", daemon=True).start()

    def _run(self) -> None:
        while True:
            with self._lock:
                state, self._pending = self._pending, None
                if state is None:
                    self._idle.set()
                    return
            try:
                write_save(state, self.path)
            except SaveError as error:
                self._failing = True
                self.on_problem(error)
            except Exception as error:  # noqa: BLE001 - a dead saving thread would never save again
                self._failing = True
                self.on_problem(SaveError([Problem(str(self.path), (), f"the game could not be saved ({error})",
                                                   "the game goes on in memory; the next move tries again")]))
            else:
                self.saved += 1
                if self._failing:
                    self._failing = False
                    self.on_problem(None)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every requested state is written (on quitting); False if it took too long."""
        with self._lock:
            deferred, self._scheduled, self._held = self._scheduled, False, False
        if deferred:
            self._start()
        return self._idle.wait(timeout)

"""A time limit on a whole analysis, checked where its loops turn, and a heartbeat for progress.

Analysing a large space (8 parties, 40 issues of 10 options) can take far longer than anyone
waits. A caller that wants a bound (the command line, the app) sets one with ``time_limit``; the
long loops call ``check``, which raises OutOfTime once it has passed, and tells the progress
line that the work goes on. Without a limit, ``check`` only costs a lookup, and nothing depends on
the clock: the game, which must replay exactly, never sets one.
"""

from __future__ import annotations

import contextvars
import time
from contextlib import contextmanager
from typing import Callable, Iterator

Tick = Callable[[float], None]  # told the seconds spent so far


class TooTangled(ValueError):
    """Red lines tie so many issues together that the space cannot be split into listable parts.

    Here rather than beside the numpy blocks that raise it most: the closest-proposal search (a
    game's every move) raises it too and needs no numpy, so a game starts without importing it."""


class OutOfTime(TooTangled):
    """The analysis passed its time limit."""


_limit: contextvars.ContextVar[tuple[float, float, Tick | None] | None] = contextvars.ContextVar("limit", default=None)
_last_tick = [0.0]


@contextmanager
def time_limit(seconds: float | None, tick: Tick | None = None) -> Iterator[None]:
    """Within the block, analysis raises OutOfTime after ``seconds`` (None: no limit, ticks only)."""
    started = time.monotonic()
    token = _limit.set((started, float("inf") if seconds is None else seconds, tick))
    try:
        yield
    finally:
        _limit.reset(token)


def check() -> None:
    """Raises OutOfTime when the current limit has passed; ticks the progress line now and then."""
    limit = _limit.get()
    if limit is None:
        return
    started, seconds, tick = limit
    now = time.monotonic()
    spent = now - started
    if spent > seconds:
        raise OutOfTime(f"the analysis did not finish in {seconds:g} s")
    if tick is not None and now - _last_tick[0] > 0.25:
        _last_tick[0] = now
        tick(spent)

"""The app's two speed goals (issues 5 and 12), measured the way a player meets them:

* ``ui.first_frame.table``: from process start to the first interactive frame of the negotiating
  table, in a real pseudo-terminal; ``ui.first_frame.textual_alone`` is the same for an empty
  Textual app, the floor no app on this machine goes under. The goal is a ratio, measured in one
  run with the two launches taking turns so a busy machine slows both alike:
  ``ui.first_frame.ratio`` at most 1.5 (the median of each, over RUNS launches).
  ``ui.first_frame.start`` is the same for the start screen, the first screen plain ``redlines``
  opens (no goal: a figure to watch, and its ratio to Textual's own);
* ``ui.card_repaint``: from a term change (the arrow key's action) to every party card it changes
  repainted, in the frame that shows the move (a card whose data changed below what it shows has
  nothing to repaint) (goal: the 90th percentile at most 16 ms, one frame), over a run of edits on the default
  scenario with every card live (easy level) and in view; the median, and the 90th percentile (edits
  that change a card's height need a new layout). Each edit starts once the previous frame is out,
  as a key pressed by a person does: otherwise it would wait for that frame's slot as well.
  ``ui.card_repaint.cpu_p90`` is the same spans as the main thread's CPU time: on a shared host the
  wall figure swings with time stolen by other guests, the CPU figure much less.

The machine's load (1-minute average) is printed with the figures: read them against it.
Both probes run with compiled bytecode, as an installed game has (pip compiles it; a checkout
writes it on its first launch): kept in the run's own folder, so a ``PYTHONDONTWRITEBYTECODE`` in
the environment (this machine sets one) does not bill the table for compiling its sources anew.
"""

from __future__ import annotations

import asyncio
import os
import pty
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.timing import report

# Launches of each, taking turns: the median of 7 swung by a fifth between runs here, of 11 still by
# a tenth (1.34-1.54x for one version within minutes); 21 kept three runs within 1.42-1.48x.
RUNS = 21
START_RUNS = 7
FRAME = 1 / 60  # Textual draws at most 60 frames a second

# One app, as `redlines` makes: the probe once made three (two only to reach the class and its
# launch), each computing the theme's colours, some 10 ms the player never pays.
TABLE_PROBE = """
import sys, time
from sim.ui.app import Launch, RedLinesApp

class Probe(RedLinesApp):
    def on_red_lines_app_ready(self, message):
        with open(sys.argv[1], "w") as out:
            out.write(repr(time.time()))
        self.exit()

Probe(Launch(screen="table", seed=1)).run()
"""

START_PROBE = TABLE_PROBE.replace('screen="table"', 'screen="start"')

TEXTUAL_PROBE = """
import sys, time
from textual.app import App
from textual.widgets import Static

class Empty(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        with open(sys.argv[1], "w") as out:
            out.write(repr(time.time()))
        self.exit()

Empty().run()
"""


def first_frame_seconds(probe: str, home: Path) -> float:
    """Wall time from starting the process to the probe's first frame, in a pseudo-terminal 100x30."""
    stamp = home / "first-frame"
    stamp.unlink(missing_ok=True)
    leader, follower = pty.openpty()
    os.set_blocking(leader, False)
    env = dict(os.environ, REDLINES_HOME=str(home), COLUMNS="100", LINES="30", TERM="xterm-256color",
               PYTHONPYCACHEPREFIX=str(home / "bytecode"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    process = subprocess.Popen([sys.executable, "-c", probe, str(stamp)], stdin=follower, stdout=follower,
                               stderr=follower, env=env, close_fds=True)
    os.close(follower)
    deadline = time.monotonic() + 30
    while process.poll() is None and time.monotonic() < deadline:
        try:
            os.read(leader, 65536)  # drain the screen output so the app never blocks on a full pty
        except (BlockingIOError, OSError):
            time.sleep(0.005)
    os.close(leader)
    if process.poll() is None:
        process.kill()
        raise RuntimeError("the app did not reach its first frame within 30 s")
    return float(stamp.read_text()) - started


async def card_repaint_seconds(edits: int = 40, cpu: list[float] | None = None) -> list[float]:
    """Each edit's repaint time; ``cpu``, when given, gets the same spans as the main thread's CPU
    time (the app runs in it), which a host's stolen time and other processes do not inflate."""
    from textual.screen import Screen

    from sim.ui.app import make_app
    from sim.ui.widgets.draft_editor import DraftEditor
    from sim.ui.widgets.party_card import PartyCard

    painted: dict[str, tuple[float, float]] = {}  # party id -> when its card last drew itself (wall, CPU)
    original = PartyCard.render

    def timed_render(card):
        painted[card.data.party_id] = time.perf_counter(), time.thread_time()
        return original(card)

    frames = [0]  # frames drawn (by the screen's compositor)
    original_frame = Screen._compositor_refresh

    def counted_frame(screen):
        original_frame(screen)
        frames[0] += 1

    PartyCard.render = timed_render
    Screen._compositor_refresh = counted_frame
    try:
        app = make_app(screen="table", seed=1, difficulty="easy")
        async with app.run_test(size=(140, 100)) as pilot:  # tall enough that every card is in view
            await pilot.pause()
            await app.workers.wait_for_complete()  # the warm-up after the first frame, not part of an edit
            screen = app.screen
            editor = screen.query_one(DraftEditor)
            timings = []
            for number in range(edits):
                editor.highlighted = number % len(screen.scenario.issues)
                await pilot.pause()
                await asyncio.sleep(2 * FRAME)  # the cursor's frame is out, as between two key presses
                before = {card.data.party_id: card.data for card in screen.query(PartyCard)}
                moves = len(screen.state.log)
                painted.clear()
                frame = frames[0]
                started, started_cpu = time.perf_counter(), time.thread_time()
                editor.action_cycle(1)  # what the right arrow does
                while len(screen.state.log) == moves:
                    await asyncio.sleep(0)
                changed = {card.data.party_id for card in screen.query(PartyCard) if card.data != before[card.data.party_id]}
                while frames[0] == frame and time.perf_counter() - started < 1:  # the frame that shows the move
                    await asyncio.sleep(0.0002)
                # A card whose data changed below what it shows (a utility within its rounding) has
                # nothing to repaint: the edit is timed to the last card it did repaint.
                repainted = changed & set(painted)
                if repainted:
                    last = max(painted[party] for party in repainted)
                    timings.append(last[0] - started)
                    if cpu is not None:
                        cpu.append(last[1] - started_cpu)
            screen.saver.flush()
            return timings
    finally:
        PartyCard.render = original
        Screen._compositor_refresh = original_frame


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        # Warm the disk cache, the bytecode and the kept scenario, as a second launch would find them.
        first_frame_seconds(TABLE_PROBE, home)
        first_frame_seconds(TEXTUAL_PROBE, home)
        tables, alones = [], []
        for _ in range(RUNS):  # taking turns: a load that comes and goes weighs on both alike
            tables.append(first_frame_seconds(TABLE_PROBE, home))
            alones.append(first_frame_seconds(TEXTUAL_PROBE, home))
        table, alone = statistics.median(tables), statistics.median(alones)
        report("ui.first_frame.table", table, "s")
        report("ui.first_frame.textual_alone", alone, "s")
        report("ui.first_frame.ratio", table / alone, "x (goal <= 1.5)")
        first_frame_seconds(START_PROBE, home)
        start = statistics.median(first_frame_seconds(START_PROBE, home) for _ in range(START_RUNS))
        report("ui.first_frame.start", start, f"s ({start / alone:.2f}x Textual's own; no goal)")
        os.environ["REDLINES_HOME"] = str(home)
        cpu: list[float] = []
        timings = asyncio.run(card_repaint_seconds(cpu=cpu))
        report("ui.card_repaint.median", statistics.median(timings) * 1000, "ms")
        report("ui.card_repaint.p90", statistics.quantiles(timings, n=10)[-1] * 1000, "ms (goal <= 16)")
        report("ui.card_repaint.cpu_p90", statistics.quantiles(cpu, n=10)[-1] * 1000, "ms of CPU (the same spans)")
        report("ui.load_average", os.getloadavg()[0], "(1 min, 2 cores shared)")


if __name__ == "__main__":
    main()

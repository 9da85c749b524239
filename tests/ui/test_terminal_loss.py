"""An app whose terminal goes away without a hang-up signal (a window closed on ``make play``)
ends within seconds, instead of spinning on end-of-file (``sim.ui.terminal_watch``)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time

import pytest


def test_the_app_ends_when_its_terminal_goes_away(redlines_home) -> None:
    leader, follower = pty.openpty()
    env = dict(os.environ, REDLINES_HOME=str(redlines_home), COLUMNS="100", LINES="30", TERM="xterm-256color")
    # Not the terminal's session leader, so closing it sends no hang-up: the case make leaves.
    process = subprocess.Popen([sys.executable, "-m", "sim"], stdin=follower, stdout=follower, stderr=follower,
                               env=env, close_fds=True)
    os.close(follower)
    shown = b""
    deadline = time.monotonic() + 60
    while b"New game" not in shown and time.monotonic() < deadline and process.poll() is None:
        if select.select([leader], [], [], 0.2)[0]:
            try:
                shown += os.read(leader, 65536)
            except OSError:
                break
    assert b"New game" in shown, "the start screen never showed"
    os.close(leader)  # the window closes
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail("the app kept running after its terminal went away")

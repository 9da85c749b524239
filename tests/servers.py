"""A real Red Lines server for a test: `redlines ARGS` on a free local port, waited on until it
listens, and stopped at the end whatever happens (`bench/servers.py` is the benchmarks' own).

Its output goes to a file, not a pipe: nobody reads a pipe until it fills and blocks the server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], object], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"gave up after {seconds:.0f} s waiting for {what}")


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def start(home: Path, log_path: Path, *args: str) -> subprocess.Popen:
    """`redlines ARGS` with ``home`` as its Red Lines folder, writing everything it says to ``log_path``."""
    with log_path.open("wb") as log:  # the server keeps its own copy of the file
        return subprocess.Popen([sys.executable, "-c", "from sim.cli import main; raise SystemExit(main())", *args],
                                env=dict(os.environ, REDLINES_HOME=str(home)), stdout=log, stderr=subprocess.STDOUT)


@contextmanager
def running(home: Path, log_path: Path, port: int, *args: str, seconds: float = 20) -> Iterator[subprocess.Popen]:
    """`redlines ARGS` (which must listen on ``port``) from when it listens until the block ends;
    a server that exits first fails the test with what it said."""
    process = start(home, log_path, *args)
    try:
        wait_for(lambda: listening(port) or process.poll() is not None, seconds, "the server to listen")
        assert process.poll() is None, log_path.read_text()
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()

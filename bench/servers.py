"""Starting a server for a benchmark: a free port, and waiting until it listens."""

from __future__ import annotations

import socket
import subprocess
import time


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, seconds: float, pause: float) -> None:
    """Until something listens on ``port`` or ``seconds`` pass (the benchmark then reports the failure)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(pause)


def stop(server: subprocess.Popen, seconds: float = 20) -> None:
    """Stop the server, and kill it when it does not stop within ``seconds``."""
    server.terminate()
    try:
        server.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        server.kill()

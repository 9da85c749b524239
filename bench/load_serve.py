"""How many browser sessions one `redlines serve` holds on this machine: a bounded load test.

    python -m bench.load_serve --sessions 10 20 30 40

For each count it starts a server on a free loopback port (never another address), opens that many
sessions the way the browser page does (a websocket each; each starts its own app process), lets
them join a second apart like a class and, once all are in, has every session play the same few
keys with a pause between them. It reports how long the first screen took to arrive while the class
was joining, and how long each key took until its effect was fully drawn during play. Everything is bounded: a fixed number of sessions and keys, and a deadline.
A count is *held* when every session starts and the 95th percentile of key latency stays under
HELD_LATENCY seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.servers import free_port, stop, wait_for_port
from bench.timing import report

ANSI = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-_])")


def key_plan() -> list[tuple[str, str, str]]:
    """(name, keys, text that shows the key took effect) for a few moves on the default scenario."""
    from sim.game import start_game
    from sim.model.plain import option_label
    from sim.present import cards

    state = start_game()  # what a new game of the default scenario opens on
    scenario, draft = state.scenario, state.draft
    first, second = scenario.issues[0].id, scenario.issues[1].id
    next_first = cards.cycle_option(scenario, first, draft.option(first), 1)
    next_second = cards.cycle_option(scenario, second, draft.option(second), 1)
    label = lambda issue, option: option_label(scenario, issue, option)  # noqa: E731
    return [
        ("new_game", "n", "Briefing · "),
        ("to_table", "t", "to the deadline"),
        ("set_term", "\x1b[C", label(first, next_first)),
        ("wait", "w", "day 2 "),
        ("move_down", "\x1b[B", scenario.issues[1].title[:20]),
        ("set_term_2", "\x1b[C", label(second, next_second)),
    ]
THINK_SECONDS = 1.5  # a player's pause between keys
JOIN_SECONDS = 1.0  # students join a second apart
QUIET_SECONDS = 0.4  # no output for this long: the screen has settled
DEADLINE_SECONDS = 240
HELD_LATENCY = 0.25


async def settle(ws: aiohttp.ClientWebSocketResponse, first_timeout: float) -> float | None:
    """Wait for output, then until it stops; returns when the last output came (None: none came),
    so a key's latency is the time until its effect is fully drawn, not its first byte."""
    last = None
    timeout = first_timeout
    while (await receive(ws, timeout)) is not None:
        last = time.perf_counter()
        timeout = QUIET_SECONDS
    return last


async def receive(ws: aiohttp.ClientWebSocketResponse, timeout: float) -> aiohttp.WSMessage | None:
    """The next message, or None when none comes within ``timeout`` or the socket ends."""
    try:
        message = await asyncio.wait_for(ws.receive(), timeout)
    except asyncio.TimeoutError:
        return None
    if message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
        return None
    return message


class Room:
    """The class: sessions join one by one; play starts when every one has its first screen."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.joined = 0
        self.everyone = asyncio.Event()

    def arrive(self) -> None:
        self.joined += 1
        if self.joined >= self.size:
            self.everyone.set()


async def until_shown(ws: aiohttp.ClientWebSocketResponse, text: str, timeout: float) -> float | None:
    """When ``text`` appears in the terminal output (escape sequences removed); None if it never does."""
    seen = ""
    deadline = time.perf_counter() + timeout
    while (left := deadline - time.perf_counter()) > 0:
        message = await receive(ws, left)
        if message is None:
            return None
        if message.type is aiohttp.WSMsgType.BINARY:
            seen = (seen + ANSI.sub("", message.data.decode("utf-8", "ignore")))[-4000:]
            if text in seen:
                return time.perf_counter()
    return None


async def one_session(url: str, delay: float, room: Room, plan, starts: list, latencies: list, failures: list) -> None:
    await asyncio.sleep(delay)
    arrived = False
    try:
        async with aiohttp.ClientSession() as client, client.ws_connect(url, heartbeat=None) as ws:
            began = time.perf_counter()
            first = await settle(ws, 60)
            room.arrive()
            arrived = True
            if first is None:
                failures.append("no first screen")
                return
            starts.append(first - began)
            await room.everyone.wait()
            await settle(ws, QUIET_SECONDS)  # whatever drew while waiting
            await asyncio.sleep(delay % THINK_SECONDS)  # players do not press keys in step
            for name, keys, shown in plan:
                await asyncio.sleep(THINK_SECONDS)
                sent = time.perf_counter()
                await ws.send_json(["stdin", keys])
                answered = await until_shown(ws, shown, 20)
                if answered is None:
                    failures.append(f"{name}: {shown!r} never shown")
                    return
                latencies.append((name, answered - sent))
                await settle(ws, QUIET_SECONDS)
    except (aiohttp.ClientError, OSError) as error:
        failures.append(str(error))
    finally:
        if not arrived:
            room.arrive()


def descendants_rss_mb(pid: int) -> float:
    """Resident memory of every process the server started (the shells and the apps), in MB."""
    parents, rss = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry.name)] = int(fields.get("PPid", "0").strip() or 0)
        rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0])
    family, grew = {pid}, True
    while grew:
        found = {child for child, parent in parents.items() if parent in family} - family
        grew = bool(found)
        family |= found
    return sum(rss.get(p, 0) for p in family - {pid}) / 1024


async def load(url: str, sessions: int, server_pid: int, plan) -> dict:
    starts, latencies, failures = [], [], []
    room = Room(sessions)
    peak = 0.0

    async def watch_memory() -> None:
        nonlocal peak
        while True:
            peak = max(peak, descendants_rss_mb(server_pid))
            await asyncio.sleep(1)

    watcher = asyncio.create_task(watch_memory())
    try:
        await asyncio.wait_for(
            asyncio.gather(*[one_session(url, i * JOIN_SECONDS, room, plan, starts, latencies, failures) for i in range(sessions)]),
            DEADLINE_SECONDS,
        )
    except asyncio.TimeoutError:
        failures.append("deadline")
    finally:
        watcher.cancel()
    return {"starts": starts, "latencies": latencies, "failures": failures, "peak_mb": peak}


def run_count(sessions: int, plan) -> bool:
    port = free_port()
    with tempfile.TemporaryDirectory() as home:
        command = [sys.executable, "-c", "from sim.cli import main; raise SystemExit(main())", "serve", "--port", str(port)]
        with open(Path(home) / "serve.log", "wb") as log:
            server = subprocess.Popen(command, env=dict(os.environ, REDLINES_HOME=home), stdout=log, stderr=subprocess.STDOUT)
            try:
                wait_for_port(port, seconds=10, pause=0.1)
                url = f"http://127.0.0.1:{port}/ws?width=100&height=30"
                result = asyncio.run(load(url, sessions, server.pid, plan))
            finally:
                stop(server)
    by_key: dict[str, list[float]] = {}
    for key, seconds in result["latencies"]:
        by_key.setdefault(key, []).append(seconds)
    latencies = sorted(seconds for _, seconds in result["latencies"])
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) >= 2 else float("inf")
    held = not result["failures"] and len(result["starts"]) == sessions and p95 < HELD_LATENCY
    name = f"serve.{sessions}_sessions"
    report(f"{name}.started", len(result["starts"]), "sessions")
    if result["starts"]:
        report(f"{name}.first_screen_median", statistics.median(result["starts"]), "s")
        report(f"{name}.first_screen_max", max(result["starts"]), "s")
    if latencies:
        report(f"{name}.key_latency_median", statistics.median(latencies) * 1000, "ms")
        report(f"{name}.key_latency_p95", p95 * 1000, "ms")
    for key, seconds in by_key.items():
        report(f"{name}.key_latency_median.{key}", statistics.median(seconds) * 1000, "ms")
    report(f"{name}.memory_peak", result["peak_mb"], "MB")
    report(f"{name}.held", 1.0 if held else 0.0, "yes=1")
    for failure in sorted(set(result["failures"]))[:5]:
        print(f"  failure: {failure}")
    return held


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 20, 30, 40])
    args = parser.parse_args(argv)
    if not all(0 < count <= 80 for count in args.sessions):
        parser.error("--sessions: between 1 and 80 (the test is bounded)")
    plan = key_plan()
    for count in args.sessions:
        run_count(count, plan)


if __name__ == "__main__":
    main()

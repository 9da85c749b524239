"""A class on one `redlines class` server: 30 students at 8 tables, on loopback only, bounded.

    python -m bench class        (also part of `make bench`)

Starts the server on a free loopback port with a fresh store, on the default scenario. 30 students
join within 10 s (8 mediators, the rest in the parties' seats, the seats other than the ones they
take played by the engine); each gets its first screen (the join, then its seat's whole page) and
opens the page's websocket. Then every table's mediator plays the same few moves with a pause
between them (a term, a day's wait, a journey, the draft tabled to a party played in person, who
answers it), as a class would. Each client behaves like the page's script: on a websocket message it
fetches its view. Measured: how long a move takes to reach every other seat at its table (the POST
sent until that seat has fetched a view showing it), to reach the teacher's console, and the first
screen while the class joins; the server's memory per seat. Bounded: a fixed number of clients and
moves, and a deadline.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.servers import free_port, stop, wait_for_port
from bench.timing import report

STUDENTS, TABLES = 30, 8
JOIN_WINDOW = 10.0  # seconds over which the 30 join
THINK = 1.5  # seconds between a mediator's moves
DEADLINE = 240.0
GOALS = {"move_to_table_p95": 0.25, "move_to_console_p95": 1.0, "first_screen_max": 2.0}
VERSION = re.compile(r'class="status" data-version="([0-9.]+)"')


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def seat_plan() -> tuple[list[tuple[int, str]], list[str], str]:
    """Who sits where (table, role), the mediator's moves, and the party the draft is tabled to."""
    from sim.game import start_game

    state = start_game(seed=0)
    here = state.setup.venue(state.venue)
    party = here.parties[0]  # tabled at the first venue: no journey needed first
    elsewhere = next(v.id for v in state.setup.venues if v.id != state.venue)
    issue = state.scenario.issues[0]
    option = next(o for o in issue.option_ids if o != state.draft.option(issue.id))
    roles = ["mediator", party, *[p for p in state.scenario.party_ids if p != party]]
    seats = [(t, roles[0]) for t in range(1, TABLES + 1)]
    k = 1
    while len(seats) < STUDENTS:  # the rest fill the parties' seats, table by table
        for t in range(1, TABLES + 1):
            if len(seats) < STUDENTS and k < len(roles):
                seats.append((t, roles[k]))
        k += 1
    moves = [f"set {issue.id} {option}", f"table {party}", "wait", f"travel {elsewhere}"]
    return seats, moves, party


class Client:
    """One student's page: a seat, its websocket, and a view fetched on every message."""

    def __init__(self, session: aiohttp.ClientSession, base: str, table: int, role: str) -> None:
        self.session, self.base, self.table, self.role = session, base, table, role
        self.seat = ""
        self.seen: dict[int, float] = {}  # table version -> when a fetched view first showed it
        self.busy = False
        self.again = False

    async def join(self) -> float:
        start = time.perf_counter()
        origin = {"Origin": self.base}
        async with self.session.post(f"{self.base}/join", data={"table": str(self.table), "role": self.role},
                                     headers=origin, allow_redirects=False) as response:
            self.seat = response.headers["Location"]
        async with self.session.get(self.base + self.seat) as response:
            await response.read()
        return time.perf_counter() - start

    async def listen(self, path: str, view: str) -> None:
        async with self.session.ws_connect(self.base + path, headers={"Origin": self.base}) as ws:
            async for _ in ws:
                asyncio.ensure_future(self.refresh(view))

    async def refresh(self, view: str) -> None:
        if self.busy:
            self.again = True
            return
        self.busy = True
        try:
            async with self.session.get(self.base + view) as response:
                text = await response.text()
            now = time.perf_counter()
            for found in VERSION.findall(text)[:1]:
                for part, version in enumerate(found.strip(".").split(".")):
                    key = int(version) if "." not in found else (part + 1) * 10_000 + int(version)
                    self.seen.setdefault(key, now)
        finally:
            self.busy = False
            if self.again:
                self.again = False
                await self.refresh(view)

    async def move(self, data: dict) -> int:
        async with self.session.post(f"{self.base}{self.seat}/move", data=data,
                                     headers={"Origin": self.base, "Accept": "application/json"}) as response:
            answer = await response.json()
        if not answer["ok"]:
            raise RuntimeError(f"table {self.table} {self.role}: {answer['error']}")
        return 0


async def wait_seen(clients: list[Client], key, after: float, limit: float = 10.0) -> list[float]:
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        if all(key(c) in c.seen for c in clients):
            return [c.seen[key(c)] - after for c in clients]
        await asyncio.sleep(0.005)
    raise RuntimeError("a move never reached every seat")


async def run_class(base: str, pid: int) -> dict[str, float]:
    seats, moves, party = seat_plan()
    rss_empty = rss_mb(pid)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        clients = [Client(session, base, t, r) for t, r in seats]
        console = Client(session, base, 0, "teacher")
        listeners = [asyncio.ensure_future(console.listen("/ws", "/console/view"))]
        gap = JOIN_WINDOW / len(clients)

        async def arrive(k: int, client: Client) -> float:
            await asyncio.sleep(k * gap)
            took = await client.join()
            listeners.append(asyncio.ensure_future(client.listen(f"/ws?seat={client.seat.rsplit('/', 1)[1]}",
                                                                 f"{client.seat}/view")))
            return took

        first = await asyncio.gather(*(arrive(k, c) for k, c in enumerate(clients)))
        await asyncio.sleep(1.0)
        versions = {t: 0 for t in range(1, TABLES + 1)}
        to_table: list[float] = []
        to_console: list[float] = []

        async def play(table: int) -> None:
            await asyncio.sleep(table * THINK / TABLES)  # tables are not in step
            mine = [c for c in clients if c.table == table]
            mediator = next(c for c in mine if c.role == "mediator")
            answerer = next((c for c in mine if c.role == party), None)
            others = [c for c in mine if c is not mediator]
            for line in moves:
                steps = [(mediator, {"move": line})]
                if line.startswith("table") and answerer is not None:
                    steps.append((answerer, {"choice": "reject"}))
                for who, data in steps:
                    start = time.perf_counter()
                    await who.move(data)
                    versions[table] += 1
                    version = versions[table]
                    watchers = [c for c in [mediator, *others] if c is not who]
                    to_table.extend(await wait_seen(watchers, lambda c: version, start))
                    to_console.extend(await wait_seen([console], lambda c: table * 10_000 + version, start))
                    await asyncio.sleep(THINK)

        await asyncio.wait_for(asyncio.gather(*(play(t) for t in range(1, TABLES + 1))), DEADLINE)
        rss_full = rss_mb(pid)
        for task in listeners:
            task.cancel()
    return {
        "first_screen_median": statistics.median(first), "first_screen_max": max(first),
        "move_to_table_p95": percentile(to_table, 95), "move_to_table_median": statistics.median(to_table),
        "move_to_console_p95": percentile(to_console, 95), "move_to_console_median": statistics.median(to_console),
        "rss_empty": rss_empty, "rss_full": rss_full, "per_seat": (rss_full - rss_empty) / len(seats),
        "moves": len(to_console),
    }


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    port = free_port()
    home = tempfile.mkdtemp(prefix="redlines-bench-class-")
    command = [sys.executable, "-c", "from sim.cli import main; raise SystemExit(main())", "class",
               "--host", "127.0.0.1", "--port", str(port), "--tables", str(TABLES)]
    server = subprocess.Popen(command, env=dict(os.environ, REDLINES_HOME=home), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, seconds=60, pause=0.2)
        base = f"http://127.0.0.1:{port}"
        figures = asyncio.run(run_class(base, server.pid))
    finally:
        stop(server, seconds=10)
        shutil.rmtree(home, ignore_errors=True)
    report("class_first_screen_median", figures["first_screen_median"], "s")
    report("class_first_screen_max", figures["first_screen_max"], "s")
    report("class_move_to_table_median", figures["move_to_table_median"], "s")
    report("class_move_to_table_p95", figures["move_to_table_p95"], "s")
    report("class_move_to_console_median", figures["move_to_console_median"], "s")
    report("class_move_to_console_p95", figures["move_to_console_p95"], "s")
    report("class_server_rss_empty", figures["rss_empty"], "MB")
    report("class_server_rss_30_seats", figures["rss_full"], "MB")
    report("class_memory_per_seat", figures["per_seat"], "MB")
    held = all(figures[k] <= v for k, v in GOALS.items())
    print(f"class_goals_met: {'yes' if held else 'no'} ({figures['moves']} moves; goals: "
          + ", ".join(f"{k} <= {v} s" for k, v in GOALS.items()) + ")", flush=True)


if __name__ == "__main__":
    main()

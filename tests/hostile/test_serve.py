"""`redlines serve` as a classroom meets it: a foreign page, one visitor too many, a reload, a busy port.

A real server on a free local port, spoken to with aiohttp (textual-serve's own client library):
bounded by timeouts, and the server is stopped at the end whatever happens.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

from sim.cli.web_server import clean_visitors, origin_allowed  # noqa: E402
from tests.servers import free_port, running, start, wait_for  # noqa: E402

TOKEN = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def server(redlines_home: Path, tmp_path: Path):
    port = free_port()
    with running(redlines_home, tmp_path / "serve.log", port, "serve", "--port", str(port), "--scenario", "tutorial",
                 "--max-sessions", "1"):
        yield port


async def classroom(port: int, home: Path) -> dict:
    base = f"http://127.0.0.1:{port}"
    seen: dict = {}
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(base + "/") as page:
            seen["page"] = await page.text()
            seen["cookie"] = page.cookies.get("redlines_visitor")
        async with session.get(base + "/static/") as listing:
            seen["listing"] = listing.status
        try:
            async with session.ws_connect(base + "/ws", origin="http://evil.example"):
                seen["foreign"] = "accepted"
        except aiohttp.WSServerHandshakeError as error:
            seen["foreign"] = error.status
        first = await session.ws_connect(base + "/ws?width=80&height=24", origin=base,
                                         headers={"Cookie": f"redlines_visitor={TOKEN}"})
        await asyncio.to_thread(wait_for, lambda: (home / "visitors" / TOKEN).is_dir(), 20, "the visitor's folder")
        async with session.get(base + "/") as full_page:
            seen["full_status"], seen["full_page"] = full_page.status, await full_page.text()
        second = await session.ws_connect(base + "/ws", origin=base)
        told = b""
        async for message in second:
            if message.type == aiohttp.WSMsgType.BINARY:
                told += message.data
        seen["turned_away"], seen["close_code"] = told.decode(), second.close_code
        await first.close()
        for _ in range(100):  # the session ends when its websocket does
            async with session.get(base + "/") as again:
                if again.status == 200:
                    seen["after"] = 200
                    break
            await asyncio.sleep(0.2)
    return seen


def test_a_classroom_server_refuses_foreign_pages_and_visitors_beyond_its_cap(server, redlines_home) -> None:
    seen = asyncio.run(asyncio.wait_for(classroom(server, redlines_home), 90))
    assert seen["foreign"] == 403
    assert seen["listing"] in (403, 404)
    assert "googleapis" not in seen["page"] and "fonts/RobotoMono-VariableFont_wght.ttf" in seen["page"]
    assert seen["cookie"] is not None and len(seen["cookie"].value) == 32
    assert seen["full_status"] == 503 and "This Red Lines server is full" in seen["full_page"]
    assert "This Red Lines server is full: 1 of 1 games" in seen["turned_away"] and seen["close_code"] == 1013
    assert seen.get("after") == 200


def test_a_busy_port_is_one_line_and_exit_2(server, redlines_home, tmp_path) -> None:
    process = start(redlines_home, tmp_path / "second.log", "serve", "--port", str(server), "--scenario", "tutorial")
    assert process.wait(timeout=30) == 2
    text = (tmp_path / "second.log").read_text()
    assert text.strip().splitlines() == [
        f"--port {server}: the port is in use (another `redlines serve`?); stop that one, or pick another port, "
        f"e.g. --port {server + 1}."]


@pytest.mark.parametrize("origin, host, allowed", [
    (None, "localhost:8000", True),
    ("http://localhost:8000", "localhost:8000", True),
    ("http://127.0.0.1:8000", "127.0.0.1:8000", True),
    ("http://evil.example", "localhost:8000", False),
    ("http://evil.example:8000", "evil.example:8000", False),  # a DNS name rebound to this machine
    ("http://localhost:9999", "localhost:8000", False),
    ("null", "localhost:8000", False),
])
def test_origins(origin, host, allowed) -> None:
    assert origin_allowed(origin, host, {"localhost"}) is allowed


def test_stale_visitor_folders_go_and_the_teachers_scenarios_stay(tmp_path) -> None:
    teacher = tmp_path / "scenarios"
    (teacher / "mine").mkdir(parents=True)
    visitors = tmp_path / "visitors"
    old, fresh, live = visitors / "old", visitors / "fresh", visitors / "live"
    for folder in (old, fresh, live):
        (folder / "saves").mkdir(parents=True)
        (folder / "saves" / "autosave-tutorial.json").write_text("{}")
        (folder / "scenarios").symlink_to(teacher, target_is_directory=True)
    month_ago = time.time() - 30 * 86400
    for folder in (old, live):
        for path in (folder / "saves" / "autosave-tutorial.json", folder / "saves", folder):
            os.utime(path, (month_ago, month_ago))
    removed = clean_visitors(visitors, keep_days=14, keep={"live"})
    assert removed == [old] and fresh.is_dir() and live.is_dir() and (teacher / "mine").is_dir()

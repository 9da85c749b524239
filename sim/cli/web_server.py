"""textual-serve, hardened for a classroom: who may connect, how many, and where their games live.

* **Origin.** A browser sends the page's origin with every websocket. Only this server's own pages
  may open one: otherwise any web page a visitor opens could start sessions here.
* **A cap on sessions**, each an app process: a visitor beyond it gets a page that says so.
* **A visitor keeps their folder.** The first page sets a cookie with a random token; the
  session's app runs with ``visitors/<token>/`` as its Red Lines folder, so a reload (or a
  closed tab) comes back to the same saves and offers to continue.
* **Stale visitor folders** (untouched for ``keep_days``) are removed on start and every hour.
* Static files are served without directory listings, and the page loads its font from this
  server, not from the internet (a classroom may be offline).
"""

from __future__ import annotations

import asyncio
import html
import ipaddress
import logging
import re
import secrets
import shutil
import socket
import time
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

log = logging.getLogger("redlines-serve")

COOKIE = "redlines_visitor"
TOKEN = re.compile(r"[0-9a-f]{32}")
LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
TEMPLATE = "app_index.html"
# The stock page asks Google for Roboto Mono; textual-serve ships the font itself, so use that.
REMOTE_FONT = re.compile(r'<link\s+rel="stylesheet"\s+href="https://fonts\.googleapis\.com/[^"]*"\s*/>')
LOCAL_FONT = """<style>
      @font-face { font-family: "Roboto Mono"; font-style: normal;
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype"); }
      @font-face { font-family: "Roboto Mono"; font-style: italic;
        src: url("{{ config.static.url }}fonts/RobotoMono-Italic-VariableFont_wght.ttf") format("truetype"); }
    </style>"""
FULL_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Red Lines: the server is full</title></head>
<body style="background:#0c181f;color:#eee;font-family:monospace;padding:3em">
<h1>This Red Lines server is full</h1>
<p>{sessions} of {cap} games are being played on it right now, which is as many as it takes.</p>
<p>Try again in a few minutes, or ask whoever runs it to start it with a larger <code>--max-sessions</code>.</p>
</body></html>"""


def page_loader(templates: Path) -> jinja2.BaseLoader:
    """textual-serve's own page, with the internet font replaced by the copy it ships."""

    def load(name: str) -> str | None:
        path = templates / name
        if not path.is_file():
            return None
        text = path.read_text(encoding="utf-8")
        return REMOTE_FONT.sub(LOCAL_FONT, text) if name == TEMPLATE else text

    return jinja2.FunctionLoader(load)


def known_hosts(public_url: str) -> set[str]:
    names = set(LOCAL_NAMES) | {socket.gethostname().lower(), socket.getfqdn().lower()}
    host = urlsplit(public_url).hostname
    if host:
        names.add(host.lower())
    return names


def ours(host_header: str | None, hosts: set[str]) -> bool:
    """True when a Host header names this machine (by a name it goes by, or an address), so that a
    DNS name rebound to this machine by a foreign page does not pass."""
    if not host_header:
        return False
    name = (urlsplit(f"//{host_header}").hostname or "").lower()
    if name in hosts:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def origin_allowed(origin: str | None, host_header: str | None, hosts: set[str], public_url: str = "") -> bool:
    """A websocket may come from a page of this server only: its Origin is the public address, or
    names the host the request was sent to and that host is this machine. No Origin at all is not a
    browser, and no foreign web page can send one without it."""
    if origin is None:
        return True
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https"):
        return False
    public = urlsplit(public_url)
    if public_url and (parts.scheme, parts.netloc.lower()) == (public.scheme, public.netloc.lower()):
        return True
    return bool(host_header) and parts.netloc.lower() == host_header.lower() and ours(host_header, hosts)


def clean_visitors(folder: Path, keep_days: float, keep: set[str] = frozenset()) -> list[Path]:
    """Removes visitor folders nothing was written to for ``keep_days`` (never those in ``keep``);
    returns what it removed. A folder's link to the teacher's scenarios is removed, never followed."""
    if not folder.is_dir():
        return []
    cutoff = time.time() - keep_days * 86400
    removed = []
    for visitor in folder.iterdir():
        if visitor.name in keep or visitor.is_symlink() or not visitor.is_dir():
            continue
        try:
            newest = max([visitor.lstat().st_mtime] + [p.lstat().st_mtime for p in visitor.rglob("*") if not p.is_symlink()])
            if newest < cutoff:
                shutil.rmtree(visitor)
                removed.append(visitor)
        except OSError as error:  # one unremovable folder does not stop the server
            log.warning("could not remove the stale visitor folder %s: %s", visitor, error)
    return removed


class ClassroomServer(Server):
    """textual-serve's Server with the checks above."""

    def __init__(self, command_for: Callable[[str], str], *, visitors: Path, max_sessions: int,
                 keep_days: float, explicit_url: bool = False, **options) -> None:
        super().__init__(command_for(""), **options)
        self.explicit_url = explicit_url  # --public-url given: a proxy's address, used as it is
        self.command_for = command_for
        self.visitors = visitors
        self.max_sessions = max_sessions
        self.keep_days = keep_days
        self.sessions: dict[int, str] = {}  # id of a live websocket → its visitor token
        self.hosts = known_hosts(self.public_url)

    async def _make_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=page_loader(Path(self.templates_path)))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_cleanup.append(self.on_cleanup)
        return app

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(f"Red Lines on {self.public_url}  (at most {self.max_sessions} games at once; Ctrl+C stops)",
                           highlight=False, markup=False)
        self._cleaner = asyncio.get_running_loop().create_task(self._clean_every_hour())

    async def on_cleanup(self, app: web.Application) -> None:
        self._cleaner.cancel()

    async def _clean_every_hour(self) -> None:
        while True:
            removed = await asyncio.to_thread(clean_visitors, self.visitors, self.keep_days, set(self.sessions.values()))
            if removed:
                log.info("removed %d stale visitor folder(s)", len(removed))
            await asyncio.sleep(3600)

    def page_context(self, request: web.Request) -> dict:
        """The page's addresses: the public URL when one was given, else the address the visitor
        used (http://127.0.0.1:8000 and http://localhost:8000 are two origins, with two cookies)."""
        base = self.public_url if self.explicit_url or not ours(request.host, self.hosts) \
            else f"{request.scheme}://{request.host}"
        socket_base = ("wss:" if base.startswith("https") else "ws:") + base.split(":", 1)[1]
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": socket_base + str(request.app.router["websocket"].url_for()),
            "config": {"static": {"url": base + str(request.app.router["static"].url_for(filename="/")).rstrip("/") + "/"}},
            "application": {"name": self.title},
        }

    def full(self) -> bool:
        return len(self.sessions) >= self.max_sessions

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.full():
            return web.Response(status=503, content_type="text/html", headers={"Retry-After": "120"},
                                text=FULL_PAGE.format(sessions=len(self.sessions), cap=self.max_sessions))
        response = aiohttp_jinja2.render_template(TEMPLATE, request, self.page_context(request))
        token = request.cookies.get(COOKIE, "")
        if not TOKEN.fullmatch(token):
            token = secrets.token_hex(16)
        # Renewed on every visit: a month after the last one the folder may be cleaned up anyway.
        response.set_cookie(COOKIE, token, max_age=30 * 86400, httponly=True, samesite="Strict", path="/")
        return response

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        if not origin_allowed(request.headers.get("Origin"), request.headers.get("Host"), self.hosts,
                              self.public_url if self.explicit_url else ""):
            log.warning("refused a websocket from the foreign origin %s", html.escape(request.headers.get("Origin", "")))
            raise web.HTTPForbidden(text="This server only takes connections from its own pages.")
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if self.full():
            await websocket.send_bytes(
                f"\r\n  This Red Lines server is full: {len(self.sessions)} of {self.max_sessions} games are being "
                "played.\r\n  Try again in a few minutes.\r\n".encode())
            await websocket.close(code=1013, message=b"the server is full")  # 1013: try again later
            return websocket
        token = request.cookies.get(COOKIE, "")
        token = token if TOKEN.fullmatch(token) else secrets.token_hex(16)
        key = id(websocket)
        self.sessions[key] = token
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None
        try:
            app_service = AppService(self.command_for(token), write_bytes=websocket.send_bytes,
                                     write_str=websocket.send_str, close=websocket.close,
                                     download_manager=self.download_manager, debug=self.debug)
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 - one broken session never stops the server
            log.exception(error)
        finally:
            self.sessions.pop(key, None)
            if app_service is not None:
                await app_service.stop()
        return websocket

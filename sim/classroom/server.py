"""The class on the web (aiohttp): the join page, each seat's page, the teacher's console, the
report, and one websocket per page that says "this table changed" (the page then fetches its view).

Pages are server-rendered by Jinja2 with autoescape on, so no scenario text reaches a page as
markup; the only script is our own static/class.js (no external assets). A seat's page works
without it too: every form posts and redirects.
"""

from __future__ import annotations

import asyncio
import json
import time
import weakref
from pathlib import Path
from urllib.parse import quote

from aiohttp import WSMsgType, web
from jinja2 import Environment, FileSystemLoader, select_autoescape

from sim.classroom import views
from sim.classroom.access import origin_ok, same
from sim.classroom.forms import mediator_line, party_line
from sim.classroom.report import class_report
from sim.classroom.room import MEDIATOR, TEACHER, PAUSE, RESUME, ClassError, Classroom
from sim.classroom.store import StoreError

HERE = Path(__file__).parent
CODE_TRIES, CODE_WINDOW = 10, 60.0  # wrong class codes one machine may try per minute: no guessing the code
MAX_SOCKETS = 400  # 30 tables of at most 8 seats, a few tabs each, and the consoles
COOKIE_KEY = "redlines_teacher"
ROOM = web.AppKey("room", Classroom)
SETTINGS = web.AppKey("settings", dict)
SOCKETS = web.AppKey("sockets", weakref.WeakKeyDictionary)
TEMPLATES = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                        trim_blocks=True, lstrip_blocks=True)


def render(name: str, **context) -> web.Response:
    return web.Response(text=TEMPLATES.get_template(name).render(**context), content_type="text/html",
                        headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY",
                                 "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'"})


def cookie_name(room: Classroom) -> str:
    return f"redlines_seat_{room.record.id}"


def _room(request: web.Request) -> Classroom:
    return request.app[ROOM]


def _local(request: web.Request) -> bool:
    return request.app[SETTINGS]["local"]


def _check_origin(request: web.Request, websocket: bool = False) -> None:
    if not origin_ok(request.headers.get("Origin"), request.headers.get("Host"), required=websocket):
        raise web.HTTPForbidden(text="This request did not come from this class's own pages.")


def _teacher(request: web.Request) -> bool:
    if _local(request):
        return True
    key = _room(request).record.teacher_key
    return same(request.query.get("key"), key) or same(request.cookies.get(COOKIE_KEY), key)


def _seat(request: web.Request):
    seat = _room(request).seat(request.match_info["token"])
    if seat is None:
        raise web.HTTPNotFound(text="This seat link no longer works (the teacher may have handed the seat on). "
                                    "Go back to the class's first page and pick a seat, or ask the teacher.")
    return seat


async def join_page(request: web.Request) -> web.Response:
    room = _room(request)
    mine = room.seat(request.cookies.get(cookie_name(room), ""))
    tables = [{"number": t.number, "seats": views.header(room, t)["seats"]} for t in room.tables]
    return render("join.html", title=room.scenario.title, tables=tables, mine=mine, need_code=not _local(request),
                  error=request.query.get("error", ""), ended=room.ended, role_name=room.role_name)


async def join(request: web.Request) -> web.Response:
    _check_origin(request)
    room = _room(request)
    form = await request.post()
    if not _local(request):
        misses = request.app[SETTINGS]["misses"]
        who, now = request.remote or "", time.monotonic()
        recent = [t for t in misses.get(who, []) if now - t < CODE_WINDOW]
        if len(recent) >= CODE_TRIES:
            raise web.HTTPSeeOther("/?error=" + quote("Too many wrong codes from this machine: wait a minute."))
        if not same(str(form.get("code", "")), room.record.code):
            if len(misses) > 10_000:
                misses.clear()  # bounded: a flood of addresses forgets them all rather than fill memory
            misses[who] = [*recent, now]
            raise web.HTTPSeeOther("/?error=" + quote("That is not this class's code: ask the teacher for it."))
    try:
        seat = await asyncio.to_thread(room.take_seat, int(str(form.get("table", "0")) or 0), str(form.get("role", "")))
    except (ClassError, ValueError) as error:
        raise web.HTTPSeeOther("/?error=" + quote(str(error)))
    response = web.HTTPSeeOther(f"/seat/{seat.token}")
    response.set_cookie(cookie_name(room), seat.token, httponly=True, samesite="Strict", max_age=7 * 86400)
    raise response


def _seat_context(room: Classroom, seat) -> dict:
    table = room.table(seat.table_no)
    if seat.role == MEDIATOR:
        return views.mediator(room, table)
    return views.party(room, table, seat.role)


async def seat_page(request: web.Request) -> web.Response:
    room, seat = _room(request), _seat(request)
    context = _seat_context(room, seat)
    response = render("seat.html", v=context, token=seat.token, error=request.query.get("error", ""),
                      body=_fragment(seat.role, context, seat.token))
    response.set_cookie(cookie_name(room), seat.token, httponly=True, samesite="Strict", max_age=7 * 86400)
    return response


def _fragment(role: str, context: dict, token: str) -> str:
    return TEMPLATES.get_template("mediator.html" if role == MEDIATOR else "party.html").render(v=context, token=token)


async def seat_view(request: web.Request) -> web.Response:
    room, seat = _room(request), _seat(request)
    return web.Response(text=_fragment(seat.role, _seat_context(room, seat), seat.token), content_type="text/html",
                        headers={"Cache-Control": "no-store"})


def _answer(request: web.Request, error: str, back: str) -> web.Response:
    if "application/json" in request.headers.get("Accept", ""):
        return web.json_response({"ok": not error, "error": error})
    raise web.HTTPSeeOther(back + ("?error=" + quote(error) if error else ""))


async def seat_move(request: web.Request) -> web.Response:
    _check_origin(request)
    room, seat = _room(request), _seat(request)
    form = await request.post()
    try:
        if seat.role == MEDIATOR:
            line = mediator_line(room.scenario, form)
        else:
            line = party_line(room.scenario, seat.role, form)
        await asyncio.to_thread(room.play, seat.table_no, seat.role, line)
        error = ""
    except (ClassError, StoreError) as problem:
        error = str(problem)
    return _answer(request, error, f"/seat/{seat.token}")


async def console_page(request: web.Request) -> web.Response:
    if not _teacher(request):
        return render("locked.html", title="Teacher's console")
    room = _room(request)
    response = render("console.html", c=views.console(room), body=_console_fragment(room),
                      code=room.record.code, local=_local(request), address=request.app[SETTINGS]["address"])
    if "key" in request.query:
        response.set_cookie(COOKIE_KEY, request.query["key"], httponly=True, samesite="Strict")
    return response


def _console_fragment(room: Classroom) -> str:
    return TEMPLATES.get_template("console_tables.html").render(c=views.console(room))


async def console_view(request: web.Request) -> web.Response:
    if not _teacher(request):
        raise web.HTTPForbidden(text="The console needs the teacher's key.")
    return web.Response(text=_console_fragment(_room(request)), content_type="text/html",
                        headers={"Cache-Control": "no-store"})


async def console_do(request: web.Request) -> web.Response:
    _check_origin(request)
    if not _teacher(request):
        raise web.HTTPForbidden(text="The console needs the teacher's key.")
    room = _room(request)
    form = await request.post()
    op, where = str(form.get("op", "")), str(form.get("table", "all"))
    error = ""
    try:
        if op == "end":
            await asyncio.to_thread(room.end)
        elif op == "hand":
            await asyncio.to_thread(room.hand_on, str(form.get("token", "")))
        elif op == "free":
            await asyncio.to_thread(room.release, str(form.get("token", "")))
        elif op in (PAUSE, RESUME, "inject"):
            line = op if op != "inject" else f"inject {form.get('event', '')}"
            numbers = [t.number for t in room.tables] if where == "all" else [int(where)]
            problems = []
            for number in numbers:
                try:
                    await asyncio.to_thread(room.play, number, TEACHER, line)
                except ClassError as problem:
                    problems.append(f"table {number}: {problem}")
            error = "; ".join(problems) if where != "all" or len(problems) == len(numbers) else ""
        else:
            error = f"unknown console action `{op}`"
    except (ClassError, StoreError, ValueError) as problem:
        error = str(problem)
    return _answer(request, error, "/console")


async def report(request: web.Request) -> web.Response:
    if not _teacher(request):
        raise web.HTTPForbidden(text="The class report needs the teacher's key.")
    data = await asyncio.to_thread(class_report, _room(request))
    if request.match_info["format"] == "json":
        data.pop("chart")  # drawing coordinates: the page's business, not the data's
        return web.json_response(data, dumps=lambda d: json.dumps(d, indent=2, ensure_ascii=False))
    return render("report.html", r=data)


async def socket(request: web.Request) -> web.WebSocketResponse:
    _check_origin(request, websocket=True)
    room, sockets = _room(request), request.app[SOCKETS]
    token = request.query.get("seat")
    if token is not None:
        seat = room.seat(token)
        if seat is None:
            raise web.HTTPNotFound()
        table = seat.table_no
    elif _teacher(request):
        table = 0  # every table
    else:
        raise web.HTTPForbidden()
    if len(sockets) >= MAX_SOCKETS:
        raise web.HTTPServiceUnavailable(text="Too many open pages on this class.")
    ws = web.WebSocketResponse(heartbeat=20)
    await ws.prepare(request)
    sockets[ws] = (table, token)
    try:
        async for message in ws:
            if message.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                break  # the socket only talks one way: anything the browser sends is ignored
    finally:
        sockets.pop(ws, None)
    return ws


def _broadcaster(app: web.Application):
    loop = asyncio.get_running_loop()

    async def push(number: int, version: int) -> None:
        text = json.dumps({"table": number, "version": version})
        for ws, (table, token) in list(app[SOCKETS].items()):
            if table in (0, number) and not ws.closed:
                if token is not None and app[ROOM].seat(token) is None:
                    await ws.close(message=b"seat handed on")
                    continue
                try:
                    await ws.send_str(text)
                except ConnectionError:
                    pass

    def changed(number: int, version: int) -> None:
        loop.call_soon_threadsafe(lambda: asyncio.ensure_future(push(number, version)))

    return changed


async def _stand_in(app: web.Application) -> None:
    """Every few seconds, the engine makes one move at each table that has parties played in person
    and nobody in the mediator's seat (the pace lets the students read and answer)."""
    room, pace = app[ROOM], app[SETTINGS]["pace"]
    while True:
        await asyncio.sleep(pace)
        for table in room.tables:
            try:
                await asyncio.to_thread(room.stand_in, table.number)
            except (ClassError, StoreError):
                pass  # the move was refused (e.g. the table was paused meanwhile): try again next time


async def _start(app: web.Application) -> None:
    app[ROOM].listeners.append(_broadcaster(app))
    if app[SETTINGS]["pace"] > 0:
        app[SETTINGS]["stand_in"] = asyncio.ensure_future(_stand_in(app))


async def _stop(app: web.Application) -> None:
    if "stand_in" in app[SETTINGS]:
        app[SETTINGS]["stand_in"].cancel()
    for ws in list(app[SOCKETS]):
        await ws.close()


def make_app(room: Classroom, *, local: bool = True, address: str = "", pace: float = 0.0) -> web.Application:
    """The class's web app; ``pace`` > 0: the engine mediates, one move every ``pace`` seconds, at
    tables whose mediator's seat nobody took."""
    app = web.Application(client_max_size=64 * 1024)
    app[ROOM] = room
    app[SETTINGS] = {"local": local, "address": address, "pace": pace, "misses": {}}
    app[SOCKETS] = weakref.WeakKeyDictionary()
    app.on_startup.append(_start)
    app.on_shutdown.append(_stop)
    app.router.add_get("/", join_page)
    app.router.add_post("/join", join)
    app.router.add_get("/seat/{token}", seat_page)
    app.router.add_get("/seat/{token}/view", seat_view)
    app.router.add_post("/seat/{token}/move", seat_move)
    app.router.add_get("/console", console_page)
    app.router.add_get("/console/view", console_view)
    app.router.add_post("/console/do", console_do)
    app.router.add_get(r"/report.{format:(html|json)}", report)
    app.router.add_get("/ws", socket)
    app.router.add_static("/static", HERE / "static")
    return app

"""The class's web pages over real HTTP (aiohttp's test server): joining, each seat's page, reloads,
the console, access from elsewhere, the Origin check, and escaping of every scenario text."""

from __future__ import annotations

import asyncio
import json
import re

import attrs
import pytest
from aiohttp.test_utils import TestClient, TestServer

from sim import catalog
from sim.classroom.room import Classroom
from sim.classroom.server import ROOM, make_app
from sim.classroom.store import Store


def run(coroutine):
    return asyncio.run(coroutine)


def room_for(tmp_path, scenario=None) -> Classroom:
    store = Store(f"sqlite:///{tmp_path / 'classes.sqlite'}")
    return Classroom.open(store, scenario or catalog.find_scenario("tutorial"), tables=2, seed=1)


class Browser:
    """A client that sends the Origin a browser on the class's page would."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.origin = f"http://{client.server.host}:{client.server.port}"

    async def post(self, path: str, data: dict, **headers):
        return await self.client.post(path, data=data, allow_redirects=False,
                                      headers={"Origin": self.origin, "Host": f"{self.client.server.host}:{self.client.server.port}", **headers})

    async def join(self, table: int, role: str, **extra) -> str:
        response = await self.post("/join", {"table": str(table), "role": role, **extra})
        assert response.status == 303, await response.text()
        return response.headers["Location"]

    async def move(self, seat: str, **data) -> dict:
        response = await self.post(f"{seat}/move", data, Accept="application/json")
        return await response.json()


async def serve(room: Classroom, local: bool = True):
    client = TestClient(TestServer(make_app(room, local=local)))
    await client.start_server()
    return client


def test_a_table_plays_to_a_deal_through_its_pages_and_a_reload_finds_the_same_seat(tmp_path) -> None:
    async def scene():
        client = await serve(room_for(tmp_path))
        try:
            mediator = belmark = Browser(client)  # one client: seats are told apart by their address
            m = await mediator.join(1, "mediator")
            b = await belmark.join(1, "belmark")
            for line in ["set monitors observers", "set prisoners all_for_all", "set crossing reopen",
                         "travel belgrad", "table belmark"]:
                assert (await mediator.move(m, move=line))["ok"]
            page = await (await belmark.client.get(f"{b}/view")).text()
            assert "A draft is tabled to you" in page and "The engine's reading" in page
            refused = await mediator.move(m, move="convene")
            assert "has not answered this draft" in refused["error"]
            assert (await belmark.move(b, choice="accept"))["ok"]
            for line in ["travel tessa-bridge", "convene"]:
                assert (await mediator.move(m, move=line))["ok"], line
            view = await (await mediator.client.get(f"{m}/view")).text()
            assert 'data-status="deal"' in view
            # A reload: the seat's address still works, and the join page offers the way back.
            again = await belmark.client.get("/")
            assert f'href="{b}"' in await again.text()
            assert (await belmark.client.get(b)).status == 200
        finally:
            await client.close()
    run(scene())


def test_a_party_sees_its_own_brief_only_and_answers_only_for_itself(tmp_path) -> None:
    async def scene():
        client = await serve(room_for(tmp_path))
        try:
            browser = Browser(client)
            b = await browser.join(1, "belmark")
            m = await browser.join(2, "mediator")
            mine = await (await client.get(f"{b}/view")).text()
            assert "Your confidential brief" in mine and "less than 40 to you" in mine
            arvenia = client.server.app[ROOM].scenario.party("arvenia")
            assert f"less than {round(arvenia.walk_away)} to you" not in mine
            assert "confidential brief" not in await (await client.get(f"{m}/view")).text()
            answer = await browser.move(b, move="wait")
            assert not answer["ok"] and "answer with accept, reject or counter" in answer["error"]
            assert "no draft is waiting" in (await browser.move(b, choice="accept"))["error"]
            assert (await client.get("/seat/not-a-seat/view")).status == 404
        finally:
            await client.close()
    run(scene())


def test_from_elsewhere_a_class_code_and_the_teachers_key_are_needed(tmp_path) -> None:
    room = room_for(tmp_path)

    async def scene():
        client = await serve(room, local=False)
        try:
            browser = Browser(client)
            response = await browser.post("/join", {"table": "1", "role": "mediator", "code": "nope"})
            assert "not this class" in response.headers["Location"].replace("%20", " ").replace("%27", "'")
            seat = await browser.join(1, "mediator", code=room.record.code)
            assert seat.startswith("/seat/")
            for _ in range(10):  # guessing: after ten wrong codes in a minute, even the right one waits
                await browser.post("/join", {"table": "1", "role": "belmark", "code": "not-a-code"})
            blocked = await browser.post("/join", {"table": "1", "role": "belmark", "code": room.record.code})
            assert "Too%20many%20wrong%20codes" in blocked.headers["Location"]
            assert "needs the teacher" in await (await client.get("/console")).text()
            assert (await client.get("/report.json")).status == 403
            assert (await browser.post("/console/do", {"op": "end"})).status == 403
            page = await client.get(f"/console?key={room.record.teacher_key}")
            assert room.record.code in await page.text()
            report = await client.get("/report.json")  # the key now rides in a cookie
            data = json.loads(await report.text())
            assert [t["table"] for t in data["tables"]] == [1, 2]
        finally:
            await client.close()
    run(scene())


def test_pages_and_sockets_from_another_origin_are_refused(tmp_path) -> None:
    async def scene():
        client = await serve(room_for(tmp_path))
        try:
            browser = Browser(client)
            seat = await browser.join(1, "mediator")
            token = seat.rsplit("/", 1)[1]
            forged = await client.post("/join", data={"table": "1", "role": "belmark"}, allow_redirects=False,
                                       headers={"Origin": "http://elsewhere.example"})
            assert forged.status == 403
            with pytest.raises(Exception):
                await client.ws_connect(f"/ws?seat={token}", headers={"Origin": "http://elsewhere.example"})
            with pytest.raises(Exception):
                await client.ws_connect(f"/ws?seat={token}")  # no Origin: not a browser on our page
            socket = await client.ws_connect(f"/ws?seat={token}", headers={"Origin": browser.origin})
            other = await browser.join(1, "arvenia")
            message = await asyncio.wait_for(socket.receive(), 5)
            assert json.loads(message.data)["table"] == 1
            await socket.close()
            assert other
        finally:
            await client.close()
    run(scene())


def test_every_scenario_text_is_escaped(tmp_path) -> None:
    scenario = catalog.find_scenario("tutorial")
    evil = "<script>alert(1)</script>"
    parties = tuple(attrs.evolve(p, name=p.name + evil, position=evil) if p.id == "belmark" else p
                    for p in scenario.parties)
    scenario = attrs.evolve(scenario, parties=parties, title=evil)

    async def scene():
        client = await serve(room_for(tmp_path, scenario))
        try:
            browser = Browser(client)
            pages = [await (await client.get("/")).text()]
            b = await browser.join(1, "belmark")
            m = await browser.join(1, "mediator")
            pages += [await (await client.get(path)).text() for path in (b, m, "/console", "/report.html")]
            for page in pages:
                assert "<script>alert" not in page
                assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
                assert not re.search(r"<script(?! src=\"/static/class.js\">)", page)
        finally:
            await client.close()
    run(scene())


def test_the_console_pauses_injects_hands_a_seat_on_and_ends_the_class(tmp_path) -> None:
    room = room_for(tmp_path)

    async def scene():
        client = await serve(room)
        try:
            browser = Browser(client)
            seat = await browser.join(2, "mediator")
            console = lambda **data: browser.post("/console/do", data, Accept="application/json")  # noqa: E731
            assert (await (await console(op="pause", table="2")).json())["ok"]
            assert "paused" in (await browser.move(seat, move="wait"))["error"]
            assert (await (await console(op="resume", table="all")).json())["ok"]
            assert (await browser.move(seat, move="wait"))["ok"]
            event = next(e.id for e in room.opening.setup.events if e.id not in room.opening.fired)
            assert (await (await console(op="inject", table="all", event=event)).json())["ok"]
            assert all(event in t.state.fired for t in room.tables)
            view = await (await client.get("/console/view")).text()
            assert "teacher: inject" in view and 'id="table-2"' in view
            token = seat.rsplit("/", 1)[1]
            assert (await (await console(op="hand", token=token)).json())["ok"]
            assert (await client.get(seat)).status == 404
            new = room.seated(2)["mediator"]
            assert (await client.get(f"/seat/{new}")).status == 200
            party = await browser.join(2, "belmark")
            assert (await (await console(op="free", token=party.rsplit("/", 1)[1])).json())["ok"]
            assert "belmark" not in room.seated(2) and (await client.get(party)).status == 404
            assert (await (await console(op="end")).json())["ok"]
            assert "has ended" in (await browser.move(f"/seat/{new}", move="wait"))["error"]
            data = json.loads(await (await client.get("/report.json")).text())
            assert data["ended"] and [m["seat"] for m in data["tables"][1]["log"]][:2] == ["teacher", "teacher"]
            assert "<svg" in await (await client.get("/report.html")).text()
        finally:
            await client.close()
    run(scene())


def test_a_server_restart_brings_every_student_back_to_the_same_seat_and_game(tmp_path) -> None:
    async def first():
        client = await serve(room_for(tmp_path))
        try:
            browser = Browser(client)
            seat = await browser.join(1, "mediator")
            for line in ["travel belgrad", "wait 2"]:
                assert (await browser.move(seat, move=line))["ok"]
            return seat, await (await client.get(f"{seat}/view")).text()
        finally:
            await client.close()

    async def second(seat: str):
        room = room_for(tmp_path)  # a new process would do the same: open the store, replay the logs
        assert room.resumed
        client = await serve(room)
        try:
            return await (await client.get(f"{seat}/view")).text()
        finally:
            await client.close()

    seat, before = run(first())
    after = run(second(seat))
    day = re.search(r'class="day">([0-9-]+)<', before).group(1)
    assert f'class="day">{day}<' in after and "Belgrad" in after


def test_the_mediator_hears_a_party_played_in_person_from_the_person(tmp_path) -> None:
    async def scene():
        client = await serve(room_for(tmp_path))
        try:
            browser = Browser(client)
            m, b = await browser.join(1, "mediator"), await browser.join(1, "belmark")
            for line in ["travel belgrad", "table belmark"]:
                assert (await browser.move(m, move=line))["ok"]
            waiting = await (await client.get(f"{m}/view")).text()
            assert "Waiting for Belmark" in waiting and "Belmark rejects the draft" not in waiting
            assert (await browser.move(b, choice="accept"))["ok"]
            heard = await (await client.get(f"{m}/view")).text()
            assert "Belmark (played in person) accepts the draft" in heard
        finally:
            await client.close()
    run(scene())

"""A class kept in a real database (SQLite and PostgreSQL): who may play what, and nothing lost on a restart."""

from __future__ import annotations

import pytest

from sim import catalog
from sim.classroom.room import MEDIATOR, TEACHER, ClassError, Classroom
from sim.classroom.store import MoveRecord, Store, StoreError
from sim.game import Status

FINAL = ["set monitors observers", "set prisoners all_for_all", "set crossing reopen"]


@pytest.fixture
def tutorial():
    return catalog.find_scenario("tutorial")


def open_room(url: str, scenario, **options) -> Classroom:
    return Classroom.open(Store(url), scenario, tables=3, seed=1, **options)


def test_a_restart_replays_every_table_and_keeps_every_seat(store_url: str, tutorial) -> None:
    room = open_room(store_url, tutorial, new=True)
    mediator = room.take_seat(1, MEDIATOR)
    belmark = room.take_seat(1, "belmark")
    for line in [*FINAL, "travel belgrad", "table belmark"]:
        room.play(1, MEDIATOR, line)
    room.play(1, "belmark", "answer belmark accept")
    room.play(2, MEDIATOR, "wait 2")
    room.play(2, TEACHER, "pause")
    before = [t.state for t in room.tables]
    room.store.close()

    again = open_room(store_url, tutorial)
    assert again.record.id == room.record.id
    assert [t.state for t in again.tables] == before
    assert again.seat(mediator.token).role == MEDIATOR and again.seat(belmark.token).role == "belmark"
    assert again.table(2).paused and not again.table(1).paused
    assert again.table(1).state.human_answers[-1].party == "belmark"
    assert again.table(1).lines == 6
    again.store.close()


def test_a_handed_on_seat_has_a_new_link_and_the_old_one_stops_working_even_after_a_restart(store_url, tutorial) -> None:
    room = open_room(store_url, tutorial, new=True)
    old = room.take_seat(2, "arvenia")
    new = room.hand_on(old.token)
    assert (new.table_no, new.role) == (2, "arvenia") and new.token != old.token
    assert room.seat(old.token) is None
    again = open_room(store_url, tutorial)
    assert again.seat(old.token) is None and again.seat(new.token).role == "arvenia"


def test_seats_are_bounded_and_each_seat_plays_only_its_own_part(store_url, tutorial) -> None:
    room = open_room(store_url, tutorial, new=True)
    room.take_seat(1, "belmark")
    with pytest.raises(ClassError, match="is taken"):
        room.take_seat(1, "belmark")
    with pytest.raises(ClassError, match="no table 4"):
        room.take_seat(4, MEDIATOR)
    with pytest.raises(ClassError, match="no seat `russia`"):
        room.take_seat(1, "russia")
    with pytest.raises(ClassError, match="answer only for Belmark"):
        room.play(1, "belmark", "wait")
    with pytest.raises(ClassError, match="answer only for Belmark"):
        room.play(1, "belmark", "answer arvenia accept")
    with pytest.raises(ClassError, match="cannot answer for a party"):
        room.play(1, MEDIATOR, "answer belmark accept")
    with pytest.raises(ClassError, match="teacher may pause"):
        room.play(1, TEACHER, "wait")
    assert room.table(1).lines == 0  # nothing refused was kept


def test_a_meeting_waits_for_every_principal_played_in_person(store_url, tutorial) -> None:
    room = open_room(store_url, tutorial, new=True)
    room.take_seat(1, "arvenia")
    room.take_seat(1, "belmark")
    for line in [*FINAL, "travel oda", "table arvenia"]:
        room.play(1, MEDIATOR, line)
    room.play(1, "arvenia", "answer arvenia accept")
    room.play(1, MEDIATOR, "travel tessa-bridge")
    with pytest.raises(ClassError, match="Belmark .played in person. has not answered"):
        room.play(1, MEDIATOR, "convene")
    for line in ["travel belgrad", "table belmark"]:
        room.play(1, MEDIATOR, line)
    room.play(1, "belmark", "answer belmark accept")
    room.play(1, MEDIATOR, "travel tessa-bridge")
    room.play(1, MEDIATOR, "convene")
    assert room.table(1).state.status is Status.DEAL


def test_the_teacher_pauses_injects_and_ends(store_url, tutorial) -> None:
    room = open_room(store_url, tutorial, new=True)
    room.play(3, TEACHER, "pause")
    with pytest.raises(ClassError, match="paused"):
        room.play(3, MEDIATOR, "wait")
    event = next(e.id for e in room.opening.setup.events if e.id not in room.opening.fired)
    room.play(3, TEACHER, f"inject {event}")
    assert event in room.table(3).state.fired and event not in room.table(1).state.fired
    room.play(3, TEACHER, "resume")
    room.play(3, MEDIATOR, "wait")
    room.end()
    with pytest.raises(ClassError, match="ended"):
        room.play(1, MEDIATOR, "wait")
    again = open_room(store_url, tutorial)
    assert again.record.id != room.record.id  # an ended class is not carried on: a new one starts


def test_two_writers_of_the_same_move_cannot_both_land(store_url, tutorial) -> None:
    room = open_room(store_url, tutorial, new=True)
    room.play(1, MEDIATOR, "wait")
    with pytest.raises(StoreError, match="the class store failed"):
        room.store.append(room.record.id, MoveRecord(1, 1, MEDIATOR, "wait 2"))


def test_a_bad_store_address_says_what_to_write(tmp_path) -> None:
    with pytest.raises(StoreError, match="only SQLite and PostgreSQL"):
        Store("mysql://somewhere/db")
    with pytest.raises(StoreError, match="not a database address"):
        Store("not a url")
    with pytest.raises(StoreError, match="cannot open the class store"):
        Store("postgresql://nobody@127.0.0.1:1/none")


def test_the_engine_stands_in_for_a_mediator_nobody_took_and_waits_for_people(store_url, tutorial) -> None:
    room = open_room(store_url, tutorial, new=True)
    assert room.stand_in(1) is None  # nobody at the table at all: nothing to mediate for
    room.take_seat(1, "belmark")
    played, answers = [], 0
    for _ in range(60):
        line = room.stand_in(1)
        if line is None:
            state = room.table(1).state
            if state.over:
                break
            assert state.party("belmark").heard is not None  # it waits only for the person's answer
            room.play(1, "belmark", "answer belmark accept")
            answers += 1
        else:
            played.append(line)
    # The tutorial's first draft suits Arvenia (the engine); Belmark's student accepts it: signed.
    assert played[:2] == ["travel oda", "table arvenia"] and "table belmark" in played and answers == 1
    assert room.table(1).state.status is Status.DEAL and played[-1] == "convene"
    room.take_seat(1, MEDIATOR)
    assert room.stand_in(1) is None  # a student took the seat: the engine stands aside
    with pytest.raises(ClassError, match="stands aside"):
        room.play(1, "engine", "wait")

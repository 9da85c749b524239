"""A class: its tables, who sits where, and every move, checked against the seat that makes it.

Each table is one game (sim.game) whose log of lines is kept in the store as it is played; on a
restart the class replays every log and carries on. The engine plays every party seat nobody
took, exactly as in the single-player game; a party seat taken by a person answers in person
(sim.game.seats). Thread-safe: the web server plays moves off its event loop.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from typing import Callable

from sim.game import ActionError, Difficulty, GameState, start_game
from sim.game.human import unanswered
from sim.game.seats import ANSWER_VERB, INJECT_VERB, play_line
from sim.classroom.stand_in import ENGINE, next_move
from sim.classroom.store import ClassRecord, MoveRecord, SeatRecord, Store
from sim.model import Scenario

MEDIATOR, TEACHER = "mediator", "teacher"
PAUSE, RESUME = "pause", "resume"
MAX_TABLES = 30
RECENT = 8  # moves each table keeps for the console
MAX_MOVES = 3000  # per table: far more than any game takes, so a runaway page cannot fill the store


class ClassError(Exception):
    """A move or a seat request that cannot be done: the message says why and what to do."""


class ClassTable:
    """One table's game, and the bookkeeping the console shows."""

    def __init__(self, number: int, state: GameState) -> None:
        self.number = number
        self.state = state
        self.paused = False
        self.lines = 0
        self.version = 0
        self.lock = threading.Lock()
        self.recent: deque[tuple[float, str, str]] = deque(maxlen=RECENT)
        self.history: list[tuple[str, str]] = []  # (who, line): the whole log, for the report
        self.problems: list[str] = []  # lines of the stored log that no longer replay


class Classroom:
    def __init__(self, store: Store, record: ClassRecord, scenario: Scenario) -> None:
        self.store = store
        self.record = record
        self.scenario = scenario
        self.ended = record.ended
        self.resumed = False  # True when carried on from the store after a restart
        self.roles = (MEDIATOR, *scenario.party_ids)
        opening = start_game(scenario, Difficulty(record.difficulty), record.seed)
        self.opening = opening
        self.tables = [ClassTable(n, opening) for n in range(1, record.tables + 1)]
        self.seats: dict[str, SeatRecord] = {}  # token -> seat
        self.listeners: list[Callable[[int, int], None]] = []
        self._seat_lock = threading.Lock()
        for seat in store.seats(record.id):
            self.seats[seat.token] = seat
        for move in store.moves(record.id):
            if 1 <= move.table_no <= len(self.tables):
                self._replay(self.tables[move.table_no - 1], move)

    @classmethod
    def open(cls, store: Store, scenario: Scenario, *, tables: int = 8, difficulty: str = "normal", seed: int = 0,
             new: bool = False) -> "Classroom":
        """Carries on the scenario's open class in the store, or starts one."""
        record = None if new else store.open_class(scenario.id)
        resumed = record is not None
        if record is None:
            if not 1 <= tables <= MAX_TABLES:
                raise ClassError(f"--tables {tables}: a class has 1 to {MAX_TABLES} tables")
            record = ClassRecord(secrets.token_hex(8), scenario.id, Difficulty(difficulty).value, seed, tables,
                                 code=f"{secrets.randbelow(10**6):06d}", teacher_key=secrets.token_urlsafe(18),
                                 ended=False)
            store.create_class(record)
        room = cls(store, record, scenario)
        room.resumed = resumed
        return room

    # --- seats -------------------------------------------------------------------------------

    def table(self, number: int) -> ClassTable:
        if not 1 <= number <= len(self.tables):
            raise ClassError(f"there is no table {number}: tables are numbered 1 to {len(self.tables)}")
        return self.tables[number - 1]

    def seat(self, token: str) -> SeatRecord | None:
        return self.seats.get(token)

    def seated(self, number: int) -> dict[str, str]:
        """role -> token of the seats taken at a table."""
        return {s.role: s.token for s in self.seats.values() if s.table_no == number}

    def take_seat(self, number: int, role: str) -> SeatRecord:
        self.table(number)
        if role not in self.roles:
            raise ClassError(f"no seat `{role}`: the seats are {', '.join(self.roles)}")
        if self.ended:
            raise ClassError("the class has ended")
        with self._seat_lock:
            if role in self.seated(number):
                raise ClassError(f"{self.role_name(role)} at table {number} is taken: pick a free seat")
            seat = SeatRecord(secrets.token_urlsafe(18), number, role)
            self.store.add_seat(self.record.id, seat)
            self.seats[seat.token] = seat
        self._changed(self.table(number))
        return seat

    def hand_on(self, token: str) -> SeatRecord:
        """The teacher gives a seat to another student: a new link, and the old one stops working."""
        with self._seat_lock:
            old = self.seats.pop(token, None)
            if old is None:
                raise ClassError("no such seat (it may have been handed on already)")
            self.store.revoke_seat(token)
            seat = SeatRecord(secrets.token_urlsafe(18), old.table_no, old.role)
            self.store.add_seat(self.record.id, seat)
            self.seats[seat.token] = seat
        self._changed(self.table(seat.table_no))
        return seat

    def release(self, token: str) -> None:
        """The teacher frees a seat: its link stops working and the engine plays the party again."""
        with self._seat_lock:
            old = self.seats.pop(token, None)
            if old is None:
                raise ClassError("no such seat (it may have been handed on already)")
            self.store.revoke_seat(token)
        self._changed(self.table(old.table_no))

    def role_name(self, role: str) -> str:
        return "The mediator" if role == MEDIATOR else self.scenario.party(role).name

    def human_parties(self, number: int) -> tuple[str, ...]:
        return tuple(r for r in self.seated(number) if r != MEDIATOR)

    # --- moves -------------------------------------------------------------------------------

    def play(self, number: int, role: str, line: str) -> int:
        """One move from a seat (or the teacher); returns the table's new version."""
        table = self.table(number)
        line = " ".join(line.split())
        with table.lock:
            self._check(table, role, line)
            if line in (PAUSE, RESUME):
                state = table.state
            else:
                try:
                    state = play_line(table.state, line)
                except ActionError as error:
                    raise ClassError(str(error)) from None
            self.store.append(self.record.id, MoveRecord(number, table.lines + 1, role, line))
            self._apply(table, role, line, state)
        self._changed(table)
        return table.version

    def _check(self, table: ClassTable, role: str, line: str) -> None:
        if self.ended:
            raise ClassError("the class has ended: the teacher is showing the results")
        if table.lines >= MAX_MOVES:
            raise ClassError(f"table {table.number} has played {MAX_MOVES} moves, the most a table may keep")
        verb = line.split()[0] if line else ""
        if role == TEACHER:
            if verb not in (PAUSE, RESUME, INJECT_VERB):
                raise ClassError("the teacher may pause, resume, or inject an event")
            return
        if table.paused:
            raise ClassError("the teacher has paused this table: wait for the talks to resume")
        if role == ENGINE and MEDIATOR in self.seated(table.number):
            raise ClassError("a student has the mediator's seat: the engine stands aside")
        if role in (MEDIATOR, ENGINE):
            if verb in (ANSWER_VERB, INJECT_VERB, PAUSE, RESUME):
                raise ClassError("the mediator cannot answer for a party or play the teacher")
            if verb in ("convene", "summit"):
                waiting = unanswered(table.state, self.human_parties(table.number))
                if waiting:
                    names = ", ".join(self.role_name(p) for p in waiting)
                    raise ClassError(f"{names} (played in person) has not answered this draft yet: "
                                     "table it to them and wait for their answer")
            return
        if verb != ANSWER_VERB or len(line.split()) < 2 or line.split()[1] != role:
            raise ClassError(f"from this seat you answer only for {self.role_name(role)}")

    def _apply(self, table: ClassTable, role: str, line: str, state: GameState) -> None:
        table.state = state
        table.lines += 1
        table.version += 1
        if line == PAUSE:
            table.paused = True
        elif line == RESUME:
            table.paused = False
        table.recent.append((time.time(), role, line))
        table.history.append((role, line))

    def _replay(self, table: ClassTable, move: MoveRecord) -> None:
        state = table.state
        if move.line not in (PAUSE, RESUME):
            try:
                state = play_line(table.state, move.line)
            except ActionError as error:
                table.problems.append(f"line {move.seq} `{move.line}` no longer plays: {error}")
        self._apply(table, move.role, move.line, state)

    def stand_in(self, number: int) -> str | None:
        """The engine's next move in the mediator's seat at a table where parties are played in
        person and nobody took that seat; returns the line played, or None when it waits."""
        table = self.table(number)
        humans = self.human_parties(number)
        if self.ended or table.paused or not humans or MEDIATOR in self.seated(number):
            return None
        line = next_move(table.state, humans)
        if line is None:
            return None
        self.play(number, ENGINE, line)
        return line

    def end(self) -> None:
        self.store.end_class(self.record.id)
        self.ended = True
        for table in self.tables:
            table.version += 1
            self._changed(table)

    def _changed(self, table: ClassTable) -> None:
        for listener in list(self.listeners):
            listener(table.number, table.version)

"""Where a class lives between restarts: every table's action log, the seats, the class itself.

One code path for SQLite (the default, a file in the Red Lines folder) and PostgreSQL
(``postgresql://...``), through SQLAlchemy Core. A table's game is never stored, only its lines:
the game is deterministic, so replaying the log rebuilds it exactly (see sim.game.seats.play_line).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from sim.record import frozen

metadata = MetaData()

classes = Table(
    "redlines_classes", metadata,
    Column("id", String(40), primary_key=True),
    Column("scenario", String(200), nullable=False),
    Column("difficulty", String(20), nullable=False),
    Column("seed", Integer, nullable=False),
    Column("tables", Integer, nullable=False),
    Column("code", String(40), nullable=False),
    Column("teacher_key", String(80), nullable=False),
    Column("created", DateTime, nullable=False),
    Column("ended", DateTime, nullable=True),
)

seats = Table(
    "redlines_seats", metadata,
    Column("token", String(80), primary_key=True),
    Column("class_id", String(40), nullable=False, index=True),
    Column("table_no", Integer, nullable=False),
    Column("role", String(100), nullable=False),  # "mediator" or a party id
    Column("created", DateTime, nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
)

moves = Table(
    "redlines_moves", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("class_id", String(40), nullable=False),
    Column("table_no", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("role", String(100), nullable=False),  # who played it: "mediator", a party id, "teacher"
    Column("line", Text, nullable=False),
    Column("created", DateTime, nullable=False),
    UniqueConstraint("class_id", "table_no", "seq", name="redlines_moves_one_per_seq"),
)


class StoreError(Exception):
    """The store cannot be opened or written: what and how to fix it."""


@frozen
class ClassRecord:
    id: str
    scenario: str
    difficulty: str
    seed: int
    tables: int
    code: str
    teacher_key: str
    ended: bool


@frozen
class SeatRecord:
    token: str
    table_no: int
    role: str


@frozen
class MoveRecord:
    table_no: int
    seq: int
    role: str
    line: str


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def engine_url(url: str) -> str:
    """The SQLAlchemy URL for a store address: plain ``postgresql://`` goes through psycopg 3."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def default_url(home: Path) -> str:
    return f"sqlite:///{home / 'classes.sqlite'}"


class Store:
    """The class store; every method is one short transaction."""

    def __init__(self, url: str) -> None:
        try:
            parsed = make_url(engine_url(url))
        except ArgumentError:
            raise StoreError(f"--store {url}: not a database address; "
                             "use sqlite:///PATH or postgresql://USER@HOST/DB") from None
        if parsed.get_backend_name() not in ("sqlite", "postgresql"):
            raise StoreError(f"--store {url}: only SQLite and PostgreSQL are supported")
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.engine: Engine = create_engine(parsed, pool_pre_ping=True)
            metadata.create_all(self.engine)
        except (SQLAlchemyError, ImportError) as error:
            raise StoreError(f"--store {url}: cannot open the class store ({_first_line(error)}); "
                             "check the address, that the server runs and that you may create tables") from None

    def close(self) -> None:
        self.engine.dispose()

    def _run(self, statement):
        try:
            with self.engine.begin() as connection:
                return connection.execute(statement)
        except SQLAlchemyError as error:
            raise StoreError(f"the class store failed: {_first_line(error)}") from None

    def create_class(self, record: ClassRecord) -> None:
        values = {k: getattr(record, k) for k in ("id", "scenario", "difficulty", "seed", "tables", "code", "teacher_key")}
        self._run(insert(classes).values(**values, created=_now()))

    def open_class(self, scenario: str) -> ClassRecord | None:
        """The latest class of this scenario that has not ended, to carry on after a restart."""
        query = (select(classes).where(classes.c.scenario == scenario, classes.c.ended.is_(None))
                 .order_by(classes.c.created.desc()).limit(1))
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return None if row is None else _class(row)

    def get_class(self, class_id: str) -> ClassRecord | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(classes).where(classes.c.id == class_id)).first()
        return None if row is None else _class(row)

    def end_class(self, class_id: str) -> None:
        self._run(update(classes).where(classes.c.id == class_id).values(ended=_now()))

    def add_seat(self, class_id: str, seat: SeatRecord) -> None:
        self._run(insert(seats).values(token=seat.token, class_id=class_id, table_no=seat.table_no, role=seat.role,
                                       created=_now(), revoked=False))

    def revoke_seat(self, token: str) -> None:
        self._run(update(seats).where(seats.c.token == token).values(revoked=True))

    def seats(self, class_id: str) -> list[SeatRecord]:
        query = (select(seats.c.token, seats.c.table_no, seats.c.role)
                 .where(seats.c.class_id == class_id, seats.c.revoked.is_(False)).order_by(seats.c.created))
        with self.engine.connect() as connection:
            return [SeatRecord(*row) for row in connection.execute(query)]

    def append(self, class_id: str, move: MoveRecord) -> None:
        """Adds one line to a table's log; a second writer of the same step fails here."""
        self._run(insert(moves).values(class_id=class_id, table_no=move.table_no, seq=move.seq, role=move.role,
                                       line=move.line, created=_now()))

    def moves(self, class_id: str) -> list[MoveRecord]:
        query = (select(moves.c.table_no, moves.c.seq, moves.c.role, moves.c.line)
                 .where(moves.c.class_id == class_id).order_by(moves.c.table_no, moves.c.seq))
        with self.engine.connect() as connection:
            return [MoveRecord(*row) for row in connection.execute(query)]


def _class(row) -> ClassRecord:
    return ClassRecord(row.id, row.scenario, row.difficulty, row.seed, row.tables, row.code, row.teacher_key,
                       row.ended is not None)


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__

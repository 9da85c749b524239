"""Whatever a class plays, a restart rebuilds it exactly: a property over random moves from every seat."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sim import catalog
from sim.classroom.room import MEDIATOR, TEACHER, ClassError, Classroom
from sim.classroom.store import Store
from sim.game import available_actions, revisions

SEATS = [MEDIATOR, "arvenia", "belmark", TEACHER]


def lines_for(room: Classroom, role: str, table: int) -> list[str]:
    """Every line this seat could send now, legal or not for the room to judge."""
    state = room.table(table).state
    if role == MEDIATOR:
        return [a.line for a in available_actions(state)] + [a.line for a in revisions(state)][:12]
    if role == TEACHER:
        return ["pause", "resume", *(f"inject {e.id}" for e in state.setup.events)]
    return [f"answer {role} accept", f"answer {role} reject", "wait"]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SEATS), st.integers(1, 2), st.integers(0, 10_000)), max_size=30))
def test_a_restart_rebuilds_every_table_exactly(moves) -> None:
    scenario = catalog.find_scenario("tutorial")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'classes.sqlite'}"
        room = Classroom.open(Store(url), scenario, tables=2, seed=3)
        room.take_seat(1, "belmark")
        played = 0
        for role, table, pick in moves:
            options = lines_for(room, role, table)
            try:
                room.play(table, role, options[pick % len(options)])
                played += 1
            except ClassError:
                pass  # refused moves leave no trace: checked below through the count
        room.store.close()
        again = Classroom.open(Store(url), scenario)
        assert sum(t.lines for t in again.tables) == played
        for before, after in zip(room.tables, again.tables):
            assert after.state == before.state
            assert after.paused == before.paused and after.history == before.history
            assert not after.problems
        again.store.close()

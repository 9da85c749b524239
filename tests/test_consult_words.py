"""What a consultation tells, in the player's words, even about a red line a dated change dropped."""

from __future__ import annotations

from attrs import evolve

from sim.game.consult import describe_fact
from sim.game.start import start_game


def test_a_dropped_red_line_is_told_by_its_words_never_its_id() -> None:
    state = start_game("belfast-1998", "hard", 0)
    party, change, line_id = next((p, c, line) for p in state.scenario.parties for c in p.changes for line in c.drop_red_lines)
    statement = party.red_line(line_id).statement.rstrip(".")
    after = evolve(state, day=change.date)
    told = describe_fact(after, party.id, f"red_line:{line_id}")
    assert line_id not in told
    assert told == f"it no longer holds a red line it had: {statement}"
    assert describe_fact(state, party.id, f"red_line:{line_id}") == f"it holds a red line: {statement}"

"""The game core's support for people in the parties' seats and a teacher's injects (sim.game.seats)."""

from __future__ import annotations

import pytest

from sim.engine import Verdict
from sim.game import ActionError, Status, start_game
from sim.game.human import awaiting, unanswered
from sim.game.seats import answer_line, play_line

# The tutorial's solved game (scenarios/tutorial/games/deal.txt), up to the joint meeting.
SOLVED = ["travel oda", "consult arvenia", "table arvenia", "travel belgrad", "table belmark",
          "set monitors observers", "set prisoners all_for_all", "table belmark", "set crossing reopen",
          "travel tessa-bridge"]


def play(lines: list[str]):
    state = start_game("tutorial", seed=1)
    for line in lines:
        state = play_line(state, line)
    return state


def test_the_engine_alone_still_signs_the_solved_game() -> None:
    assert play([*SOLVED, "convene"]).status is Status.DEAL


def test_a_person_who_rejects_what_the_engine_accepts_blocks_the_deal_and_the_departure_is_kept() -> None:
    state = play(SOLVED[:-1])
    state = play_line(state, "table belmark")
    assert awaiting(state, "belmark")
    state = play_line(state, answer_line("belmark", "reject"))
    given = state.human_answers[-1]
    assert given.verdict is Verdict.REJECT and given.engine_verdict is Verdict.ACCEPT and given.departed
    assert "engine's reading was: accept" in state.feed[-1].text
    assert not awaiting(state, "belmark")
    state = play_line(play_line(state, "travel tessa-bridge"), "convene")
    assert state.status is Status.ONGOING  # the person's "no" counts at the meeting


def test_a_person_who_accepts_is_what_signs() -> None:
    state = play([*SOLVED[:-1], "table belmark", answer_line("belmark", "accept"), "travel tessa-bridge"])
    assert not state.human_answers[-1].departed
    assert unanswered(state, ("belmark",)) == ()
    assert unanswered(state, ("arvenia",)) == ("arvenia",)
    assert play_line(state, "convene").status is Status.DEAL


def test_a_counter_proposal_is_the_partys_counter_and_the_mediator_can_adopt_it() -> None:
    state = play(["travel belgrad", "table belmark"])
    draft = dict(state.party("belmark").heard.terms)
    draft["water"] = next(o for o in state.scenario.issue("water").option_ids if o != draft.get("water"))
    state = play_line(state, answer_line("belmark", "counter", draft))
    assert state.party("belmark").verdict is Verdict.BASIS
    assert dict(state.party("belmark").counter.terms) == draft
    state = play_line(state, "adopt belmark")
    assert dict(state.draft.terms) == draft


@pytest.mark.parametrize("line, words", [
    ("answer belmark accept", "no draft is waiting"),
    ("answer belmrk accept", "no party `belmrk`"),
    ("answer belmark maybe", "unknown answer `maybe`"),
    ("answer belmark", "takes a party and a choice"),
    ("inject no-such-event", "no event `no-such-event`"),
])
def test_wrong_lines_say_what_is_wrong(line: str, words: str) -> None:
    with pytest.raises(ActionError, match=words):
        play_line(start_game("tutorial", seed=1), line)


def test_a_counter_must_change_something_and_name_real_terms() -> None:
    state = play(["travel belgrad", "table belmark"])
    heard = dict(state.party("belmark").heard.terms)
    with pytest.raises(ActionError, match="the draft itself"):
        play_line(state, answer_line("belmark", "counter", heard))
    with pytest.raises(ActionError, match="has no option `nope`"):
        play_line(state, "answer belmark counter water=nope")


def test_an_inject_fires_an_event_today_once() -> None:
    state = start_game("tutorial", seed=1)
    event = next(e for e in state.setup.events if e.id not in state.fired)
    state = play_line(state, f"inject {event.id}")
    assert event.id in state.fired
    assert any(item.event == event.id for item in state.feed)
    with pytest.raises(ActionError, match="already happened"):
        play_line(state, f"inject {event.id}")


def test_the_log_of_lines_replays_to_an_equal_state() -> None:
    lines = [*SOLVED[:-1], "table belmark", answer_line("belmark", "reject"), "wait"]
    assert play(lines) == play(lines)


def _mood(state, party: str) -> tuple[float, float]:
    return state.party(party).trust, state.party(party).patience


def test_a_persons_answer_moves_the_partys_mood_not_the_engines_reading() -> None:
    from sim.game.answers import mood_move

    tabled = play_line(play(SOLVED[:-1]), "table belmark")
    assert tabled.party("belmark").verdict is Verdict.ACCEPT  # the engine would sign
    took = tabled.party("belmark").reaction
    assert (took.trust, took.patience) == mood_move(Verdict.ACCEPT, 0, False, False)
    # As answered by a person: the engine's acceptance taken back, and a rejection (no line
    # crossed) in its place.
    rejected = play_line(tabled, answer_line("belmark", "reject"))
    trust, patience = mood_move(Verdict.REJECT, 0, False, False)
    assert _mood(rejected, "belmark") == (tabled.party("belmark").trust - took.trust + trust,
                                          tabled.party("belmark").patience - took.patience + patience)
    assert _mood(rejected, "belmark") != _mood(tabled, "belmark")
    # A person who accepts what the engine accepts leaves the engine's move as it was.
    accepted = play_line(tabled, answer_line("belmark", "accept"))
    assert _mood(accepted, "belmark") == _mood(tabled, "belmark")


def test_a_person_who_accepts_a_draft_the_engine_rejects_gains_the_partys_trust() -> None:
    tabled = play(["travel belgrad", "table belmark"])
    assert tabled.party("belmark").verdict is not Verdict.ACCEPT
    accepted = play_line(tabled, answer_line("belmark", "accept"))
    assert accepted.party("belmark").trust > tabled.party("belmark").trust
    assert accepted.party("belmark").patience > tabled.party("belmark").patience
    # ...and the replayed log (a class table's game) comes to the same mood.
    again = play(["travel belgrad", "table belmark", answer_line("belmark", "accept")])
    assert _mood(again, "belmark") == _mood(accepted, "belmark")

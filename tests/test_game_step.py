"""One action at a time: the clock, travel, answers and counter-proposals, consultations, levers,
events, walk-outs and the endings, on the shipped tutorial."""

from __future__ import annotations

import datetime as dt

import pytest
from attrs import evolve

from sim.engine import Verdict, assess
from sim.game import ActionError, Status, effective_scenario, step
from sim.game.actions import Consult, Table, Travel, UseLever, Wait, parse_action
from sim.game.concession import demand
from sim.game.setup import Condition, Effect, Event
from sim.game.state import FeedKind
from tests.game_support import play, private_home, tutorial_game  # noqa: F401 - fixture

DAY = dt.timedelta(days=1)


def test_travel_takes_the_destination_s_days_and_moves_the_mediator() -> None:
    state = tutorial_game()
    after, outcome = step(state, Travel("oda"))
    assert after.venue == "oda" and after.day == state.day + DAY and outcome.days == 1
    assert after.log[-1].line == "travel oda" and after.log[-1].day == state.day


def test_a_wrong_move_says_how_to_fix_it_and_changes_nothing() -> None:
    state = tutorial_game()
    with pytest.raises(ActionError) as caught:
        step(state, Table("arvenia"))
    assert str(caught.value) == ("Arvenia is not at Regional Union headquarters; "
                                 "travel to oda first, then table to arvenia")
    with pytest.raises(ActionError, match="did you mean `oda`"):
        step(state, Travel("odda"))
    with pytest.raises(ActionError, match="did you mean `water`"):
        step(state, parse_action("set watr w50"))
    assert state == tutorial_game(), "the state a failed action was given is untouched"


def test_revisions_are_free_and_logged() -> None:
    state = play(tutorial_game(), "set monitors observers", "open prisoners", "wait")
    assert state.draft.option("monitors") == "observers" and state.draft.option("prisoners") is None
    assert [e.line for e in state.log] == ["set monitors observers", "open prisoners", "wait"]
    assert state.days_used == 1


def test_a_tabled_draft_gets_the_engine_s_verdict_and_a_counter_within_the_party_s_red_lines() -> None:
    state = play(tutorial_game(), "travel belgrad")
    after, outcome = step(state, Table("belmark"))
    scenario = effective_scenario(state)
    expected = assess(scenario, state.draft).party("belmark")
    assert outcome.answer.verdict is expected.verdict is Verdict.REJECT
    counter = after.party("belmark").counter
    assert counter is not None
    judged = assess(scenario, counter).party("belmark")
    assert judged.verdict is Verdict.ACCEPT and not judged.violations
    assert after.party("belmark").heard == state.draft
    assert "red_line:watched_if_shared" in after.party("belmark").revealed
    answer = [item for item in outcome.feed if item.kind is FeedKind.ANSWER][0]
    assert "If Mirel is shared, someone must watch the ceasefire line" in answer.text
    assert answer.citations, "the answer cites the sources behind the red lines it names"


def test_a_party_asks_for_less_as_its_deadline_nears_and_pressure_grows() -> None:
    state = tutorial_game()
    scenario = effective_scenario(state)
    early = demand(state, scenario, "belmark")
    later = evolve(state, day=state.day + 10 * DAY)
    pressed = later.with_party(evolve(later.party("belmark"), pressure=80.0))
    assert early > demand(later, scenario, "belmark") > demand(pressed, scenario, "belmark")
    assert demand(pressed, scenario, "belmark") >= scenario.party("belmark").walk_away


def test_repeating_a_rejected_draft_costs_more_patience() -> None:
    state = play(tutorial_game(), "travel belgrad")
    first = play(state, "table belmark")
    second = play(first, "table belmark")
    lost_first = state.party("belmark").patience - first.party("belmark").patience
    lost_second = first.party("belmark").patience - second.party("belmark").patience
    assert lost_second > lost_first


def test_consulting_reveals_facts_and_builds_trust_less_each_time() -> None:
    state = play(tutorial_game(), "travel oda")
    once = play(state, "consult arvenia")
    twice = play(once, "consult arvenia")
    assert len(once.party("arvenia").revealed) == 2 and len(twice.party("arvenia").revealed) == 4
    gain_first = once.party("arvenia").trust - state.party("arvenia").trust
    gain_second = twice.party("arvenia").trust - once.party("arvenia").trust
    assert gain_first > gain_second > 0


def test_levers_move_walk_away_levels_less_each_time_and_run_out() -> None:
    state = tutorial_game()
    base = effective_scenario(state).party("belmark").walk_away
    once = play(state, "lever union-funds")
    twice = play(once, "lever union-funds")
    first_cut = base - effective_scenario(once).party("belmark").walk_away
    second_cut = effective_scenario(once).party("belmark").walk_away - effective_scenario(twice).party("belmark").walk_away
    assert first_cut == pytest.approx(6) and second_cut == pytest.approx(3)
    assert twice.party("arvenia").trust < state.party("arvenia").trust, "an inducement for one side costs the other"
    with pytest.raises(ActionError, match="used all 2 times"):
        step(twice, UseLever("union-funds"))


def test_events_happen_on_their_dates_and_change_the_effective_scenario() -> None:
    state = play(tutorial_game(), "wait 9")
    assert state.day == dt.date(2031, 3, 10)
    assert {"hardliners-rally", "prisoner-families", "bridge-vote"} <= set(state.fired)
    scenario = effective_scenario(state)
    assert scenario.party("arvenia").walk_away == state.scenario.party("arvenia").walk_away + 4
    assert scenario.party("belmark").preferences["prisoners"].weight == 30
    assert "bridge_open" in [line.id for line in scenario.party("belmark").red_lines]
    assert "bridge_open" not in [line.id for line in state.scenario.party("belmark").red_lines]
    news = [item for item in state.feed if item.event == "bridge-vote"]
    assert news and news[0].day == dt.date(2031, 3, 10)


def _walk_out(state, party_id):
    return state.with_party(evolve(state.party(party_id), patience=0.5))


def test_a_party_out_of_patience_walks_out_and_the_talks_collapse_after_the_grace_days() -> None:
    state = _walk_out(tutorial_game(), "belmark")
    state = play(state, "wait")
    assert not state.party("belmark").present
    assert any(item.kind is FeedKind.WALKOUT for item in state.feed)
    # The tutorial's return event is a 30% chance a day: find the seed-free ending by forbidding it.
    no_return = evolve(state.setup, events=tuple(e for e in state.setup.events if e.id != "belmark-returns"))
    state = evolve(state, game=evolve(state.game, setup=no_return))
    state = play(state, "wait 10")
    assert state.status is Status.COLLAPSED
    assert state.day == state.party("belmark").out_since + dt.timedelta(days=state.setup.walkout_grace_days)
    with pytest.raises(ActionError, match="the game is over"):
        step(state, Wait())


def test_a_party_that_walked_out_returns_after_an_event_that_says_so() -> None:
    back = Event("back", dt.date(2031, 3, 1), "Back", "It comes back.", note="test",
                 when=Condition(walked_out=("belmark",)), effects=(Effect("belmark", returns=True),))
    state = tutorial_game(events=(back,))
    state = play(_walk_out(state, "belmark"), "wait 2")
    assert state.party("belmark").present and "back" in state.fired
    assert any(item.kind is FeedKind.RETURN for item in state.feed)


def test_the_mediator_can_coax_a_trusting_party_back_in_person() -> None:
    state = play(tutorial_game(events=()), "travel belgrad")
    state = _walk_out(state, "belmark")
    state = play(state, "wait")
    assert not state.party("belmark").present
    with pytest.raises(ActionError, match="has walked out"):
        step(state, Table("belmark"))
    state = play(state, "consult belmark")
    assert state.party("belmark").present


def test_the_game_expires_when_the_calendar_passes_the_deadline() -> None:
    state = tutorial_game()
    state = play(state, f"wait {state.days_left}")
    assert state.status is Status.ONGOING and state.day == state.setup.deadline
    state = play(state, "wait")
    assert state.status is Status.EXPIRED and "deadline" in state.ending


def test_a_deal_is_signed_at_a_joint_meeting_when_every_principal_accepts() -> None:
    state = play(tutorial_game(), "set monitors observers", "set prisoners all_for_all", "travel tessa-bridge")
    assert assess(effective_scenario(state), state.draft).deal
    state = play(state, "convene")
    assert state.status is Status.DEAL
    deal = state.agreements[-1]
    assert not deal.interim and set(state.game.principals) <= set(deal.signatories)
    result = assess(effective_scenario(state), state.draft)
    assert all(result.party(p).verdict is Verdict.ACCEPT for p in deal.signatories)


def test_nobody_signs_for_a_mediator_it_distrusts() -> None:
    state = play(tutorial_game(), "set monitors observers", "set prisoners all_for_all", "travel tessa-bridge")
    state = state.with_party(evolve(state.party("arvenia"), trust=10.0))
    state = play(state, "convene")
    assert state.status is Status.ONGOING and not state.agreements
    meeting = [item for item in state.feed if item.kind is FeedKind.MEETING][-1]
    assert meeting.text.startswith("Joint meeting at the Tessa bridge checkpoint: Arvenia will sign nothing you broker")


def test_a_summit_on_a_draft_that_is_not_a_deal_fails_in_public() -> None:
    state = tutorial_game()
    after = play(state, "summit")
    assert after.status is Status.ONGOING
    assert all(after.party(p).trust < state.party(p).trust for p in state.game.principals)


def test_convene_needs_a_venue_that_hosts_every_principal() -> None:
    with pytest.raises(ActionError, match="travel to tessa-bridge first"):
        step(tutorial_game(), parse_action("convene"))


def test_consult_and_table_need_the_party_at_the_venue() -> None:
    with pytest.raises(ActionError, match="travel to belgrad first"):
        step(tutorial_game(), Consult("belmark"))


def test_counter_proposals_ask_for_less_as_the_demand_falls_but_never_cross_a_hard_red_line() -> None:
    from sim.game.counter import counter_proposal

    state = tutorial_game()
    scenario = effective_scenario(state)
    # Arvenia's opening with observers on the line: a settlement must settle Mirel, so Belmark's
    # counter moves Mirel, to its own claim while it is demanding and to a shared town later.
    draft = state.game.presets["arvenia_opening"].with_term("monitors", "observers")
    asked = []
    for days, pressure in [(0, 0.0), (6, 30.0), (12, 60.0), (13, 100.0)]:
        later = evolve(state, day=state.day + days * DAY)
        later = later.with_party(evolve(later.party("belmark"), pressure=pressure, patience=10.0))
        counter = counter_proposal(later, scenario, "belmark", draft)
        judged = assess(scenario, counter.proposal).party("belmark")
        assert judged.verdict is Verdict.ACCEPT and not judged.violations
        assert judged.utility >= demand(later, scenario, "belmark") - 1e-9
        asked.append(judged.utility)
    assert asked == sorted(asked, reverse=True) and asked[0] > asked[-1]

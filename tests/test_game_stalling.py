"""Consequences of stalling: dated events that happen only while nothing of a kind is signed, and
what they change, felt in the feed (with their source, or marked as not from the sources)."""

from __future__ import annotations

import datetime as dt

import pytest
from attrs import evolve

from sim import catalog
from sim.game import Status, effective_scenario
from sim.game.script import read_script, run_script
from sim.game.setup import Condition, Effect, Event
from sim.game.start import start_game
from sim.game.state import Agreement, FeedKind
from sim.model import FrozenMap
from sim.present import play as play_words
from sim.present.markdown import feed_item_markdown
from tests.game_support import play, private_home, tutorial_game  # noqa: F401 - fixture

DEADLINE = dt.date(2031, 3, 5)
NOTHING_FIGHTING = Condition(unsigned=("ceasefire", "settlement"))


def _deadline_game(**event_changes):
    """The tutorial with one more event: on 5 March, unless a ceasefire or settlement is signed,
    Belmark goes home and Arvenia hardens."""
    event = Event(
        "ultimatum", DEADLINE, "The Union's deadline passes", "The Union's envoys pack their bags.",
        effects=(Effect("belmark", walks_out=True), Effect("arvenia", walk_away=5)),
        when=NOTHING_FIGHTING, until=DEADLINE, note="Invented for this test.", **event_changes,
    )
    state = tutorial_game()
    return evolve(state, game=evolve(state.game, setup=evolve(state.setup, events=state.setup.events + (event,))))


def _signed(state, kind: str):
    terms = FrozenMap({"monitors": state.scenario.issue("monitors").option_ids[0]})
    return evolve(state, agreements=(Agreement(state.day, True, terms, state.game.principals, kind),))


def test_a_stalled_game_feels_the_deadline_on_its_day() -> None:
    state = play(_deadline_game(), "wait 3")
    assert "ultimatum" not in state.fired and state.party("belmark").present, "not before its day"
    state = play(state, "wait")
    assert state.day == DEADLINE and "ultimatum" in state.fired
    assert not state.party("belmark").present
    base = state.scenario.party("arvenia").walk_away
    assert effective_scenario(state).party("arvenia").walk_away == pytest.approx(base + 4 + 5)  # with the rally's 4
    news = next(item for item in state.feed if item.event == "ultimatum")
    assert news.text == ("The Union's deadline passes. The Union's envoys pack their bags. "
                         "From now on Arvenia asks more of any deal.")
    walkout = next(item for item in state.feed if item.kind is FeedKind.WALKOUT)
    assert walkout.text == "Belmark walks out of the talks: The Union's deadline passes."


def test_a_game_that_signed_in_time_does_not() -> None:
    state = play(_signed(_deadline_game(), "ceasefire"), "wait 6")
    assert "ultimatum" not in state.fired and state.party("belmark").present
    assert effective_scenario(state).party("arvenia").walk_away == pytest.approx(state.scenario.party("arvenia").walk_away + 4)


def test_only_the_kinds_named_count_as_signed_in_time() -> None:
    state = play(_signed(_deadline_game(), "exchange"), "wait 4")
    assert "ultimatum" in state.fired, "a prisoner exchange is no ceasefire"


def test_a_deadline_is_checked_on_its_day_only() -> None:
    state = play(_deadline_game(chance=0.0001), "wait 6")
    assert "ultimatum" not in state.fired, "a missed roll on the day is not tried again the day after"


def test_an_event_that_ends_the_talks_ends_the_game_with_its_reason() -> None:
    state = play(_deadline_game(ends=True), "wait 6")
    assert state.status is Status.EXPIRED and state.day == DEADLINE
    assert state.ending == "The talks end: The Union's deadline passes."
    assert state.feed[-1].kind is FeedKind.END and state.feed[-1].text == state.ending
    assert not play(_signed(_deadline_game(ends=True), "settlement"), "wait 6").over


def test_the_feed_marks_an_invented_event_and_reads_its_note() -> None:
    state = play(_deadline_game(), "wait 4")
    news = next(item for item in state.feed if item.event == "ultimatum")
    assert play_words.feed_origin(news) == "  ▸ not from the sources"
    assert "## Where this comes from\n\nInvented for this test." in feed_item_markdown(state.scenario, news)
    sourced = next(item for item in state.feed if item.citations)
    assert play_words.feed_origin(sourced) == "  ▸ sources"


def _shipped(name: str):
    script = read_script(catalog.shipped_dir() / "ukraine-2025" / "games" / f"{name}.txt")
    state, _ = run_script(script, start_game(script.scenario, script.difficulty or "normal", script.seed or 0))
    return state


STALLING = {"washington-impatient", "kremlin-hardens", "us-steps-back"}


def test_the_ukraine_game_that_signs_nothing_feels_washington_s_deadline_and_moscow_s_price() -> None:
    state = _shipped("clock")
    assert not state.agreements and STALLING <= set(state.fired)
    walkouts = [item for item in state.feed if item.kind is FeedKind.WALKOUT and item.party == "united_states"]
    assert walkouts and walkouts[0].day == dt.date(2025, 12, 19)
    hardens = next(item for item in state.feed if item.event == "kremlin-hardens")
    assert "From now on Russia asks more of any deal." in hardens.text
    assert play_words.feed_origin(hardens) == "  ▸ not from the sources"


def test_the_ukraine_game_that_signs_an_interim_agreement_in_time_does_not() -> None:
    state = _shipped("interim")
    assert state.agreements and state.agreements[0].day < dt.date(2025, 12, 12)
    assert not STALLING & set(state.fired)


def test_a_wrong_kind_or_a_contradictory_effect_is_reported_with_its_line_path_and_fix() -> None:
    from tests.test_game_setup_file import GOOD, problems

    text = GOOD + """
[[events]]
id = "ultimatum"
date = 2031-03-05
until = 2031-03-05
title = "A deadline"
news = "It passes."
note = "Invented."
ends = true

[events.when]
unsigned = ["ceasfire", "settlement"]

[[events.effects]]
party = "belmark"
returns = true
walks_out = true
"""
    assert problems(text) == [
        "game.toml:21: events[0].when.unsigned[0]: the scenario has no kind of agreement `ceasfire`; "
        "did you mean `ceasefire`?",
        "game.toml:26: events[0].effects[0].walks_out: an effect cannot both bring a party back and send it away; "
        "keep `returns` or `walks_out`, not both",
    ]

"""The game judges with the positions of its day, and its feed says when a position changes."""

from __future__ import annotations

import datetime as dt

from attrs import evolve

from sim.game.effective import effective_scenario
from sim.model.scenario import Change, Citation
from tests.game_support import play, tutorial_game


def _with_belmark_change(day: dt.date):
    state = tutorial_game()
    scenario = state.game.scenario
    change = Change(day, "Belmark hardens after a border incident.",
                    (Citation("bel-statement", "A paraphrase for the test.", on=None),), walk_away=60.0)
    belmark = scenario.party("belmark")
    parties = tuple(evolve(p, changes=p.changes + (change,)) if p.id == "belmark" else p for p in scenario.parties)
    return evolve(state, game=evolve(state.game, scenario=evolve(scenario, parties=parties))), belmark


def test_a_change_applies_from_its_day_and_the_feed_says_why_with_its_source() -> None:
    state, _ = _with_belmark_change(dt.date(2031, 3, 3))
    assert effective_scenario(state).party("belmark").walk_away == 40  # the change of 24 February holds
    later = play(state, "wait 1")
    assert effective_scenario(later).party("belmark").walk_away == 40
    assert not any("position changes" in item.text for item in later.feed)
    later = play(later, "wait 1")
    assert effective_scenario(later).party("belmark").walk_away == 60
    news = [item for item in later.feed if "position changes" in item.text]
    assert [item.text for item in news] == ["Belmark's position changes: Belmark hardens after a border incident."]
    assert news[0].day == dt.date(2031, 3, 3) and news[0].citations[0].source == "bel-statement"


def test_a_deal_of_a_kind_that_does_not_end_the_fighting_is_signed_as_an_interim_agreement() -> None:
    state = tutorial_game()
    scenario = state.game.scenario
    parties = tuple(evolve(p, walk_away_by_kind=p.walk_away_by_kind.replace(exchange=20.0)) if p.id == "arvenia"
                    else p for p in scenario.parties)
    state = evolve(state, game=evolve(state.game, scenario=evolve(scenario, parties=parties)))
    state = play(state, "draft empty", "set prisoners all_for_all", "set crossing reopen", "travel tessa-bridge",
                 "convene")
    assert not state.over, "a prisoner exchange does not end the war, so the game goes on"
    assert [a.interim for a in state.agreements] == [True]
    assert dict(state.agreements[0].terms) == {"prisoners": "all_for_all", "crossing": "reopen"}


def test_kind_titles_never_double_their_article() -> None:
    from sim.engine.kinds import kind_phrase

    assert kind_phrase("A comprehensive agreement", True) == "a comprehensive agreement"
    assert kind_phrase("A constitutional and institutional settlement") == "constitutional and institutional settlement"
    assert kind_phrase("Interim humanitarian agreement", True) == "an interim humanitarian agreement"

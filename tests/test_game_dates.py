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

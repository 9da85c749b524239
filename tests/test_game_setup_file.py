"""game.toml: loaded strictly, with every problem reported at once (file, line, key path, fix)."""

from __future__ import annotations

import datetime as dt

import pytest

from sim import catalog
from sim.game.setup_file import default_setup, load_setup, parse_setup
from sim.game.start import scenario_presets
from sim.loading import ScenarioError
from tests.game_support import tutorial

GOOD = """
start = 2031-03-01
deadline = 2031-03-21
start_venue = "hq"

[[venues]]
id = "hq"
name = "Headquarters"
parties = ["arvenia", "belmark", "union"]
"""


def problems(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        parse_setup(text, tutorial(), presets=["first_draft"], name="game.toml")
    return [str(p) for p in caught.value.problems]


def test_a_minimal_file_loads_with_defaults() -> None:
    setup = parse_setup(GOOD, tutorial())
    assert setup.start == dt.date(2031, 3, 1)
    assert setup.costs.convene == 2 and setup.walkout_grace_days == 5
    assert setup.temperament("arvenia").trust == 50.0


@pytest.mark.parametrize("scenario_id", ["tutorial", "ukraine-2025"])
def test_the_shipped_game_files_load(scenario_id: str) -> None:
    scenario = catalog.find_scenario(scenario_id)
    setup = load_setup(scenario, scenario_presets(scenario))
    assert setup.events, "the shipped games have timelines"
    assert [e.date for e in setup.events] == sorted(e.date for e in setup.events)


def test_every_problem_is_reported_at_once_with_line_and_fix() -> None:
    text = GOOD + """
[[venues]]
id = "hq"
name = "Again"
parties = ["belmrk"]
travel_days = 1.5

[[levers]]
id = "funds"
name = "Money"
kind = "bribe"
party = "union"
walk_away = -300

[[events]]
id = "late"
date = 2031-04-01
title = "Too late"
news = "After the deadline."

[[events.effects]]
party = "arvenia"
walkaway = 3
"""
    assert problems(text) == [
        "game.toml:12: venues[1].id: duplicate venue id `hq`; give each a different id",
        "game.toml:14: venues[1].parties: unknown party `belmrk`; did you mean `belmark`?",
        "game.toml:15: venues[1].travel_days: expected a whole number, found a number 1.5; write a whole number, like 2",
        'game.toml:20: levers[0].kind: expected "pressure" or "inducement", found text \'bribe\'; '
        "valid: `pressure`, `inducement`",
        "game.toml:22: levers[0].walk_away: -300 is out of range; use a number from -100 to 100",
        "game.toml:24: events[0]: event `late` cites no source; add [[events.citations]], or a `note` saying "
        "where it comes from or that it is invented",
        "game.toml:26: events[0].date: 2031-04-01 is outside the game (2031-03-01 to 2031-03-21); "
        "date the event within the game, or tell it in the scenario's briefing",
        "game.toml:32: events[0].effects[0].walkaway: unknown key `walkaway`; did you mean `walk_away`?",
    ]


def test_references_are_checked_against_the_scenario() -> None:
    found = problems(GOOD.replace('start_venue = "hq"', 'start_venue = "hqq"\ndraft = "frist_draft"') + """
[[events]]
id = "shift"
date = 2031-03-05
title = "A shift"
news = "Something moves."
note = "invented"
preset = "nope"

[[events.effects]]
party = "union"
weights = { mirel = 10 }
drop_red_lines = ["fair_water_splt"]
""")
    assert any("start_venue: unknown venue `hqq`; did you mean `hq`?" in p for p in found)
    assert any("draft: the scenario has no preset `frist_draft`; did you mean `first_draft`?" in p for p in found)
    assert any("preset: the scenario has no preset `nope`" in p for p in found)
    assert any("weights.mirel: party `union` has no preferences on `mirel`" in p for p in found)
    assert any("drop_red_lines[0]: party `union` has no red line `fair_water_splt`; did you mean `fair_water_split`?"
               in p for p in found)


def test_added_red_lines_are_checked_like_the_scenario_s() -> None:
    found = problems(GOOD + """
[[events]]
id = "new-line"
date = 2031-03-05
title = "A new red line"
news = "Belmark hardens."
note = "invented"

[[events.effects]]
party = "belmark"

[[events.effects.add_red_lines]]
id = "keep_mirel"
statement = "Again."
rule = { issue = "mirell", require = "x" }
""")
    assert any("add_red_lines[0].id: party `belmark` already has a red line `keep_mirel`" in p for p in found)
    assert any("add_red_lines[0].citations: red line `keep_mirel` cites no source" in p for p in found)
    assert any("add_red_lines[0].rule.issue: unknown issue `mirell`; did you mean `mirel`?" in p for p in found)


def test_a_party_nobody_can_meet_is_a_problem() -> None:
    found = problems(GOOD.replace('["arvenia", "belmark", "union"]', '["arvenia", "belmark"]'))
    assert found == ['game.toml:6: venues: party `union` can be met at no venue; '
                     'add "union" to the `parties` of the venue where the mediator meets it']


def test_a_toml_syntax_error_names_its_line() -> None:
    found = problems(GOOD + "\n[[events]\n")
    assert len(found) == 1 and found[0].startswith("game.toml:11: TOML syntax error")


def test_without_game_toml_a_scenario_gets_a_default_game() -> None:
    setup = default_setup(tutorial())
    assert setup.start == tutorial().as_of and setup.total_days == 30
    hosted = {p for v in setup.venues for p in v.parties}
    assert hosted == set(tutorial().party_ids)
    assert setup.venue(setup.start_venue).parties == tutorial().party_ids


def test_some_venue_must_hold_a_joint_meeting() -> None:
    text = GOOD.replace('parties = ["arvenia", "belmark", "union"]', 'parties = ["arvenia", "union"]') + """
[[venues]]
id = "belgrad"
name = "Belgrad"
parties = ["belmark"]
"""
    assert problems(text) == ["game.toml:6: venues: no venue can hold a joint meeting of every principal; "
                              "mark one venue with joint_meetings = true, or list every principal in its parties"]
    assert parse_setup(text.replace('name = "Belgrad"', 'name = "Belgrad"\njoint_meetings = true'), tutorial())

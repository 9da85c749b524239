"""A game that starts before its scenario's as-of date opens with its own briefing."""

from __future__ import annotations

from sim import catalog
from sim.game import start_game
from sim.present import markdown


def test_ukraine_game_opens_with_the_briefing_of_its_first_day() -> None:
    state = start_game("ukraine-2025", seed=1)
    setup = state.game.setup
    assert setup.start < state.game.scenario.as_of  # the game replays the run-up to the as-of date
    page = markdown.situation_markdown(state.game.scenario, (setup.start, setup.briefing))
    assert "*As of 2025-11-20*" in page and "has leaked" in page
    # The scenario's own briefing tells of the 2 December Kremlin meeting: on 20 November it is the future.
    flat = " ".join  # the texts wrap lines anywhere
    assert "five hours" in flat(state.game.scenario.briefing.split())
    assert "five hours" not in flat(page.split())
    assert "trimmed to about twenty" not in flat(page.split())  # the summary speaks for 4 December too
    assert page.count("\n\n") >= 6  # its paragraphs stay apart


def test_without_an_opening_the_scenario_speaks_for_its_own_date() -> None:
    scenario = catalog.find_scenario("tutorial")
    page = markdown.situation_markdown(scenario)
    assert f"*As of {scenario.as_of.isoformat()}*" in page
    assert scenario.briefing.split()[0] in page


def test_the_start_screen_and_the_briefing_name_the_games_first_day() -> None:
    from sim.game import game_files
    from sim.present.library import facts, game_start

    for scenario_id in ("ukraine-2025", "tutorial", "belfast-1998"):
        scenario = catalog.find_scenario(scenario_id)
        start = game_files(scenario)[0].start
        assert game_start(scenario) == start
        period = dict(facts(scenario, start))["Period"]
        assert start.isoformat() in period
        if scenario.library.period:
            assert period.startswith(scenario.library.period)
    ukraine = catalog.find_scenario("ukraine-2025")
    assert ukraine.as_of.isoformat() not in dict(facts(ukraine, game_start(ukraine)))["Period"]


def test_a_game_without_its_own_briefing_still_opens_on_its_first_day() -> None:
    import datetime as dt

    scenario = catalog.find_scenario("tutorial")
    earlier = scenario.as_of - dt.timedelta(days=3)
    page = markdown.situation_markdown(scenario, (earlier, ""))
    assert f"*As of {earlier.isoformat()}*" in page
    assert f"written as of {scenario.as_of.isoformat()}" in page  # the scenario's text keeps its own date
    assert scenario.briefing.split()[0] in page

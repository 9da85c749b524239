"""The main flow of a game, as a player goes through it: start, briefing, the table, a term edited,
the draft tabled, the answer in the feed, saved, quit, and continued where it was left."""

from __future__ import annotations

import pytest

import json

from sim.engine import Verdict
from sim.game import SetTerm, Table, Travel
from sim.game.saves import autosave_path
from sim.ui.app import make_app
from sim.ui.screens.analysis import AnalysisScreen
from sim.ui.screens.briefing import BriefingScreen
from sim.ui.screens.choice import ChoiceScreen
from sim.ui.screens.counter import CounterScreen
from sim.ui.screens.end import EndScreen
from sim.ui.screens.start import StartScreen
from sim.ui.screens.table import TableScreen
from sim.ui.widgets.action_bar import ACTIONS, ActionBar
from sim.ui.widgets.draft_editor import DraftEditor
from sim.ui.widgets.news_feed import NewsFeed
from sim.ui.widgets.party_card import PartyCard


def unique(messages: list) -> list:
    return list({id(m): m for m in messages}.values())


async def wait_saved(table: TableScreen) -> None:
    table.saver.flush()


def test_start_to_answer_then_quit_and_continue(run) -> None:
    seen: list = []

    async def play() -> None:
        app = make_app(scenario="tutorial", seed=11, difficulty="easy")
        async with app.run_test(size=(100, 32), message_hook=seen.append) as pilot:
            assert isinstance(app.screen, StartScreen)
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, BriefingScreen)
            await pilot.press("t")
            await pilot.pause()
            table = app.screen
            assert isinstance(table, TableScreen)
            assert table.state.game.seed == 11 and table.state.game.difficulty.value == "easy"

            # Edit a term: the first issue (Mirel) from the first draft's joint administration to the next option.
            before = table.state.draft.option("mirel")
            await pilot.press("right")
            await pilot.pause()
            assert table.state.draft.option("mirel") != before
            assert table.state.log[-1].line.startswith("set mirel")

            # The tutorial opens at the Union's seat: table the draft to the Union.
            feed_before = len(table.state.feed)
            await pilot.press("t")
            await pilot.pause()
            assert table.state.log[-1].line == "table union"
            assert len(table.state.feed) > feed_before
            feed = table.query_one(NewsFeed)
            assert feed.shown == len(table.state.feed)
            assert "Regional Union" in str(feed.get_option_at_index(feed.option_count - 1).prompt)
            await wait_saved(table)
            day = table.state.day
            log = [entry.line for entry in table.state.log]

            await pilot.press("escape")  # back to the start screen; the game is saved
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)

        saved = json.loads(autosave_path("tutorial").read_text())
        assert saved["log"] == log

        app = make_app(scenario="tutorial")
        async with app.run_test(size=(100, 32)) as pilot:
            start = app.screen
            assert start.saved_game is not None and "tutorial" in start.saved_game
            await pilot.press("c")
            await pilot.pause()
            table = app.screen
            assert isinstance(table, TableScreen)
            assert table.state.day == day
            assert [entry.line for entry in table.state.log] == log

    run(play())
    chosen = [m for m in unique(seen) if isinstance(m, DraftEditor.TermChosen)]
    assert [m.issue_id for m in chosen] == ["mirel"]


def test_travel_through_the_menu_and_refused_moves_change_nothing(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="tutorial", seed=1)
        async with app.run_test(size=(100, 32), notifications=True) as pilot:
            table = app.screen
            await pilot.press("v")  # convene at the Union's seat: the principals are not there
            await pilot.pause()
            assert table.state.log == ()
            assert table.query_one(ActionBar).is_disabled("convene")  # the bar greys it out, too
            await pilot.press("g")
            assert isinstance(app.screen, ChoiceScreen)
            options = app.screen.query_one("#choice-options")
            venues = [c.value for c in app.screen.choices]
            await pilot.press(*["down"] * (venues.index("tessa-bridge") - options.highlighted), "enter")
            await pilot.pause()
            assert table.state.venue == "tessa-bridge"
            assert table.state.log[-1].line == "travel tessa-bridge"
            assert not table.query_one(ActionBar).is_disabled("convene")

    run(play())


def test_a_counter_proposal_is_adopted_term_by_term(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="tutorial", seed=3)
        async with app.run_test(size=(100, 32)) as pilot:
            table = app.screen
            table.act(Table("union"))
            await pilot.pause()
            counter = table.state.party("union").counter
            assert counter is not None
            await pilot.press("r")
            review = app.screen
            assert isinstance(review, CounterScreen)
            first = review.changes[0]
            await pilot.press("space", "enter")
            await pilot.pause()
            assert isinstance(app.screen, TableScreen)
            assert table.state.draft.option(first.issue) == counter.option(first.issue)
            others = [c.issue for c in review.changes[1:]]
            assert all(table.state.draft.option(i) != counter.option(i) for i in others)
            assert table.state.log[-1].line == f"adopt union {first.issue}"

    run(play())


def test_cards_show_only_what_the_difficulty_allows(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="tutorial", seed=3, difficulty="hard")
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            card = app.screen.query_one("#card-arvenia", PartyCard)
            assert card.data.utility is None and card.data.walk_away is None
            assert card.data.crossed == ()  # red lines are not known until the party says them
            await pilot.press("a")
            assert isinstance(app.screen, AnalysisScreen) and app.screen.hidden

    run(play())


def test_easy_cards_follow_every_edit_live(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="tutorial", seed=3, difficulty="easy")
        async with app.run_test(size=(100, 32)) as pilot:
            table = app.screen
            table.act(SetTerm("water", "w30"))
            await pilot.pause()
            card = table.query_one("#card-arvenia", PartyCard)
            assert card.data.verdict is Verdict.REJECT and card.data.utility is not None
            assert any("half of the lake" in line.statement for line in card.data.crossed)

    run(play())


def test_the_game_ends_in_a_debrief(run, redlines_home) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="tutorial", seed=2, difficulty="easy")
        async with app.run_test(size=(100, 32)) as pilot:
            table = app.screen
            for _ in range(40):
                if table.state.over:
                    break
                table.act(Travel("oda") if table.state.venue != "oda" else Travel("belgrad"))
                await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, EndScreen)
            # Kept apart from the autosave, so a new game cannot take its debrief away.
            assert len(list((redlines_home / "saves" / "finished").glob("tutorial-*.json"))) == 1
            assert "## Score" in app.screen.text and "| **Total** |" in app.screen.text
            await pilot.pause(0.5)  # the Nash column arrives from a worker
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "Nash point" in app.screen.text

    run(play())


def test_the_analysis_adopts_the_closest_acceptable_draft(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="tutorial", seed=3, difficulty="easy")
        async with app.run_test(size=(100, 40)) as pilot:
            table = app.screen
            await pilot.press("a")
            analysis = app.screen
            assert isinstance(analysis, AnalysisScreen)
            await app.workers.wait_for_complete()
            await pilot.pause()
            closest = analysis.findings.closest
            assert closest is not None and closest.changes
            await pilot.press("u")
            await pilot.pause()
            assert app.screen is table
            assert table.state.draft.terms == closest.proposal.terms

    run(play())


def test_the_action_bar_plays_the_move_its_button_names(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="tutorial", seed=3)
        async with app.run_test(size=(100, 32)) as pilot:
            table = app.screen
            day = table.state.day
            bar = table.query_one(ActionBar)
            assert bar.is_disabled("convene")  # at the Union's seat the principals are not there
            spans = {verb: (start, end) for start, end, verb in bar.spans()}
            drawn = str(bar.render())
            assert [drawn[start:end] for start, end in spans.values()] == [f" {label} " for _, label in ACTIONS]
            await pilot.click(ActionBar, offset=(spans["convene"][0] + 1, 0))  # greyed out: nothing happens
            await pilot.pause()
            assert table.state.log == () and table.state.day == day
            await pilot.click(ActionBar, offset=(spans["wait"][1] - 2, 0))  # the label's last letter
            await pilot.pause()
            assert table.state.log[-1].line == "wait" and table.state.day > day

    run(play())


def test_sources_list_the_game_events_that_cite_them(run) -> None:
    from sim.ui.screens.sources import SourcesScreen

    async def play() -> None:
        app = make_app(screen="table", seed=1)
        async with app.run_test(size=(100, 32)) as pilot:
            state = app.screen.state
            cited = next(c.source for e in state.setup.events for c in e.citations)
            await pilot.press("s")
            sources = app.screen
            assert isinstance(sources, SourcesScreen)
            assert "**Event, " in sources.page(cited)

    run(play())


@pytest.mark.parametrize(("difficulty", "hidden"), [("easy", False), ("normal", True), ("hard", True)])
def test_the_analysis_opens_during_a_game_only_at_the_easy_level(run, difficulty: str, hidden: bool) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="tutorial", seed=3, difficulty=difficulty)
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            await pilot.press("a")
            assert isinstance(app.screen, AnalysisScreen) and app.screen.hidden is hidden

    run(play())

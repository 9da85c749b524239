"""What a screen offers is what it can do: the footer, the analysis lock, the clock of the last move,
and a picker that keeps the keys it is given."""

from __future__ import annotations

from sim.game import Summit, Travel
from sim.ui.app import make_app
from sim.ui.messages import OpenAnalysis, ShowBriefing
from sim.ui.screens.analysis import AnalysisScreen
from sim.ui.screens.briefing import BriefingScreen
from sim.ui.screens.choice import ChoiceScreen
from sim.ui.screens.sandbox import SandboxScreen
from sim.ui.screens.start import StartScreen
from sim.ui.screens.table import TableScreen


def footer_keys(screen) -> set[str]:
    """The actions the footer shows on ``screen`` (those its bindings allow now)."""
    return {binding.action for _, binding, enabled, _ in screen.active_bindings.values() if binding.show and enabled}


def test_the_sandbox_analysis_stays_open_after_a_normal_game(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="tutorial", seed=3, difficulty="normal")
        async with app.run_test(size=(100, 32)) as pilot:
            assert app.session is not None and not app.session.state.game.difficulty.shows_analysis
            app.push_screen(app.sandbox_screen(app.scenario))
            await pilot.pause()
            assert isinstance(app.screen, SandboxScreen)
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, AnalysisScreen) and not app.screen.hidden
            assert "adopt" in footer_keys(app.screen)

    run(play())


def test_the_locked_analysis_offers_no_adopting(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="tutorial", seed=3, difficulty="normal")
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, AnalysisScreen) and app.screen.hidden
            assert "adopt" not in footer_keys(app.screen)
            await pilot.press("u")  # and the key itself does nothing
            await pilot.pause()
            assert isinstance(app.screen, AnalysisScreen)

    run(play())


def test_continue_is_in_the_footer_only_when_there_is_a_game_to_continue(run) -> None:
    async def play() -> None:
        app = make_app(screen="start", scenario="tutorial")
        async with app.run_test(size=(100, 32)) as pilot:
            start = app.screen
            assert isinstance(start, StartScreen) and start.saved_game is None
            assert "continue_game" not in footer_keys(start)
            await pilot.press("n")
            await pilot.pause()
            await pilot.press("t")  # past the briefing, to the table: the game is saved there
            await pilot.pause()
            table = app.screen
            assert isinstance(table, TableScreen)
            table.saver.flush()
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is start and start.saved_game is not None
            assert "continue_game" in footer_keys(start)

    run(play())


def test_a_summit_that_signs_still_takes_its_days() -> None:
    from sim import catalog
    from sim.analysis import nash_point
    from sim.game import Difficulty, SetTerm, start_game, step

    scenario = catalog.find_scenario("tutorial")
    state = start_game(scenario, Difficulty.EASY, 1)
    for issue, option in nash_point(scenario).proposal.terms.items():
        state, _ = step(state, SetTerm(issue, option))
    before = state.day
    state, outcome = step(state, Summit())
    assert state.status.value == "deal"
    assert outcome.days == state.setup.costs.summit == (state.day - before).days


def test_consult_with_several_parties_here_keeps_its_keys(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", seed=1)
        async with app.run_test(size=(100, 32)) as pilot:
            table = app.screen
            table.act(Travel("geneva"))
            await pilot.pause()
            draft = table.state.draft
            await pilot.press("c")
            await pilot.pause()
            picker = app.screen
            assert isinstance(picker, ChoiceScreen)
            values = [c.value for c in picker.choices]
            await pilot.press("down", "enter")
            await pilot.pause()
            assert app.screen is table
            assert table.state.log[-1].line == f"consult {values[1]}"
            assert table.state.draft == draft  # no key reached the draft editor

    run(play())


def test_the_table_asks_the_app_for_the_analysis_and_the_briefing_by_message(run) -> None:
    async def play() -> None:
        posted: list = []
        app = make_app(screen="table", scenario="tutorial", seed=3, difficulty="normal")
        async with app.run_test(size=(100, 32), message_hook=posted.append) as pilot:
            await pilot.press("a")
            await pilot.pause()
            asked = [m for m in posted if isinstance(m, OpenAnalysis)]
            assert len({id(m) for m in asked}) == 1 and asked[0].game is app.session.state
            assert asked[0].adopt is not None, "the table offers to adopt; the game's rule then withholds it"
            assert isinstance(app.screen, AnalysisScreen) and app.screen.adopt is None
            await pilot.press("escape", "b")
            await pilot.pause()
            assert any(isinstance(m, ShowBriefing) for m in posted)
            assert isinstance(app.screen, BriefingScreen)

    run(play())

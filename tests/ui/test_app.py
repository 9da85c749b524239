"""App-wide behaviour: the start screen's flows, help, the palette, remapped keys, too small a terminal."""

from __future__ import annotations

from textual.widgets import OptionList

from sim.ui.app import MIN_SIZE, RedLinesApp, make_app
from sim.ui.screens.briefing import BriefingScreen
from sim.ui.screens.help import HelpScreen
from sim.ui.screens.proposal_picker import ProposalPicker
from sim.ui.screens.sandbox import SandboxScreen
from sim.ui.screens.sources import SourcesScreen
from sim.ui.screens.start import StartScreen
from sim.ui.screens.too_small import TooSmallScreen
from sim.ui.themes import DEFAULT_THEME, HIGH_CONTRAST_THEME


def test_the_app_says_when_it_has_drawn_its_first_screen(run) -> None:
    seen = []

    async def scenario() -> None:
        async with make_app(screen="sandbox", scenario="tutorial").run_test(message_hook=seen.append) as pilot:
            await pilot.pause()

    run(scenario())
    assert [m.screen_name for m in seen if isinstance(m, RedLinesApp.Ready)][:1] == ["sandbox"]


def test_start_lists_the_scenarios_and_opens_the_sandbox_on_the_one_chosen(run) -> None:
    async def scenario() -> None:
        app = make_app(scenario="tutorial", seed=42)
        async with app.run_test(size=(80, 24)) as pilot:
            start = app.screen
            assert isinstance(start, StartScreen)
            assert "tutorial" in [start.query_one("#scenarios", OptionList).get_option_at_index(i).id
                                  for i in range(start.query_one("#scenarios", OptionList).option_count)]
            assert start.choice().seed == 42 and start.choice().scenario_id == "tutorial"
            await pilot.press("x")
            await pilot.pause()
            assert isinstance(app.screen, SandboxScreen) and app.screen.scenario.id == "tutorial"
            await pilot.press("escape")
            assert isinstance(app.screen, StartScreen)

    run(scenario())


def test_new_game_opens_the_briefing_whose_topics_show_each_party(run) -> None:
    async def scenario() -> None:
        app = make_app(scenario="tutorial")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.click("#button-new-game")
            await pilot.pause()
            briefing = app.screen
            assert isinstance(briefing, BriefingScreen)
            await pilot.press("down")  # the first party
            await pilot.pause()
            page = briefing.page("arvenia")
            assert "half the lake is the least" in page  # its red line's source, paraphrased
            await pilot.press("s")
            assert isinstance(app.screen, SourcesScreen)
            await pilot.press("escape", "t")
            await pilot.pause()
            assert not isinstance(app.screen, BriefingScreen)

    run(scenario())


def test_the_seed_typed_on_the_start_screen_is_the_game_seed(run) -> None:
    async def scenario() -> None:
        app = make_app(scenario="tutorial", seed=5)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.click("#seed")
            await pilot.press("end", "backspace", "7")
            await pilot.press("tab")
            assert app.screen.choice().seed == 7
            await pilot.click("#difficulty-hard")
            assert app.screen.choice().difficulty == "hard"

    run(scenario())


def test_the_start_screen_s_help_button_opens_the_help(run) -> None:
    async def scenario() -> None:
        app = make_app()
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            await pilot.click("#button-help")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)

    run(scenario())


def test_help_lists_every_key_with_its_id(run) -> None:
    async def scenario() -> None:
        app = make_app(screen="sandbox", scenario="tutorial")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f1")
            assert isinstance(app.screen, HelpScreen)
            assert "| `p` | Presets | `sandbox.presets` |" in app.screen.text
            assert "| `e` | Export report | `end.export` |" in app.screen.text  # the debrief's report
            assert "# How to play Red Lines" in app.screen.text

    run(scenario())


def test_a_remapped_key_works_and_a_misspelt_id_is_reported(run, redlines_home) -> None:
    (redlines_home / "keys.toml").write_text('"sandbox.presets" = "y"\n"sandbox.prests" = "z"\n')

    async def scenario() -> None:
        app = make_app(screen="sandbox", scenario="tutorial")
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.user_keymap == {"sandbox.presets": "y"}
            assert len(app.keymap_problems) == 1
            assert "`sandbox.prests`" in app.keymap_problems[0] and "sandbox.presets" in app.keymap_problems[0]
            await pilot.press("y")
            assert isinstance(app.screen, ProposalPicker)

    run(scenario())


def test_a_broken_keys_file_leaves_the_default_keys(run, redlines_home) -> None:
    (redlines_home / "keys.toml").write_text("this is not toml = = \n")

    async def scenario() -> None:
        app = make_app(screen="sandbox", scenario="tutorial")
        async with app.run_test(size=(80, 24)) as pilot:
            assert "TOML syntax error" in app.keymap_problems[0]
            await pilot.press("p")
            assert isinstance(app.screen, ProposalPicker)

    run(scenario())


def test_the_palette_switches_to_high_contrast(run) -> None:
    async def scenario() -> None:
        app = make_app(screen="sandbox", scenario="tutorial")
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.theme == DEFAULT_THEME
            await pilot.press("ctrl+p")
            await pilot.press(*"high contrast")
            await pilot.pause(0.3)  # the palette searches in the background
            await pilot.press("enter")
            await pilot.pause()
            assert app.theme == HIGH_CONTRAST_THEME
            names = [name for name, _, _ in app.palette_commands()]
            assert "Theme: high contrast off" in names

    run(scenario())


def test_a_terminal_too_small_says_so_until_it_grows(run) -> None:
    async def scenario() -> None:
        app = make_app(screen="sandbox", scenario="tutorial")
        async with app.run_test(size=(MIN_SIZE[0] - 1, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen)
            assert f"this one is {MIN_SIZE[0] - 1}×24" in str(app.screen.query_one("#too-small-text").render())
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert isinstance(app.screen, SandboxScreen)

    run(scenario())


def test_with_a_saved_game_every_start_button_fits_at_80x24(run) -> None:
    from textual.widgets import Button, Static

    from sim.game import start_game, write_save
    from sim.game.saves import autosave_path

    write_save(start_game("ukraine-2025", seed=2), autosave_path("ukraine-2025"))

    async def scenario() -> None:
        app = make_app(scenario="tutorial")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            start = app.screen
            assert not start.query_one("#button-continue", Button).disabled
            assert "ukraine-2025" in str(start.query_one("#saved-game", Static).render())
            for button in start.query(Button):
                region = button.region
                assert region.width > 0 and region.right <= 80, f"{button.id} is off screen: {region}"

    run(scenario())

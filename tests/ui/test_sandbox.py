"""The sandbox: edit a draft with keys and mouse, load presets, compare, and read why a party says no."""

from __future__ import annotations

from sim import catalog
from sim.engine import Verdict, assess
from sim.present import cards
from sim.ui.app import make_app
from sim.ui.screens.compare import CompareScreen
from sim.ui.screens.option_picker import OptionPicker
from sim.ui.screens.proposal_picker import ProposalPicker
from sim.ui.screens.reading import ReadingScreen
from sim.ui.screens.sandbox import SandboxScreen
from sim.ui.widgets.draft_editor import DraftEditor
from sim.ui.widgets.party_card import PartyCard


def unique(messages: list) -> list:
    """Each message once: the hook sees a message again at every node it bubbles through."""
    return list({id(m): m for m in messages}.values())


def sandbox_app():
    return make_app(screen="sandbox", scenario="tutorial")


def test_arrow_keys_change_a_term_and_every_card_follows(run) -> None:
    messages = []

    async def scenario() -> None:
        app = sandbox_app()
        async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SandboxScreen)
            await pilot.press("right")  # Status of Mirel: open -> Stays Belmarkian
            await pilot.pause()
            assert screen.draft.option("mirel") == "belmark_keeps"
            arvenia = app.screen.query_one("#card-arvenia", PartyCard)
            assert arvenia.data.verdict is Verdict.REJECT
            assert "Mirel cannot simply stay Belmarkian." in {line.statement for line in arvenia.data.crossed}
            await pilot.press("o")  # leave it open again
            await pilot.pause()
            assert screen.draft.option("mirel") is None
            crossed = {line.statement for line in screen.query_one("#card-arvenia", PartyCard).data.crossed}
            assert "Mirel cannot simply stay Belmarkian." not in crossed

    run(scenario())
    chosen = [(m.issue_id, m.option_id) for m in unique(messages) if isinstance(m, DraftEditor.TermChosen)]
    assert chosen == [("mirel", "belmark_keeps"), ("mirel", None)]


def test_a_loaded_preset_shows_every_term_in_the_editor(run) -> None:
    async def scenario() -> None:
        app = sandbox_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("p")
            assert isinstance(app.screen, ProposalPicker)
            await pilot.press("down", "enter")  # the second preset: Belmark's opening
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SandboxScreen)
            belmark = catalog.find_proposal("belmark_opening", screen.scenario)
            assert screen.draft == belmark
            editor = screen.query_one(DraftEditor)
            for index, issue in enumerate(screen.scenario.issues):
                label = screen.scenario.issue(issue.id).option(belmark.option(issue.id)).label if belmark.option(issue.id) else "open"
                assert label in str(editor.get_option_at_index(index).prompt)

    run(scenario())


def test_enter_opens_the_options_and_picking_one_sets_the_term(run) -> None:
    async def scenario() -> None:
        app = sandbox_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("down", "enter")  # the water issue
            assert isinstance(app.screen, OptionPicker)
            assert app.screen.query_one("#picker-options").highlighted == 3  # the current choice: open
            await pilot.press("home", "down", "enter")  # the second option
            await pilot.pause()
            assert isinstance(app.screen, SandboxScreen)
            assert app.screen.draft.option("water") == "w50"

    run(scenario())


def test_clicking_an_issue_opens_its_options(run) -> None:
    async def scenario() -> None:
        app = sandbox_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.click(DraftEditor, offset=(4, 2))  # row 0 is the border; at this width one issue per row
            await pilot.pause()
            assert isinstance(app.screen, OptionPicker)
            assert app.screen.issue.id == "water"
            await pilot.press("escape")
            assert isinstance(app.screen, SandboxScreen)
            assert app.screen.draft.option("water") is None

    run(scenario())


def test_a_card_explains_its_verdict_with_the_source(run) -> None:
    explained = []

    async def scenario() -> None:
        app = sandbox_app()
        async with app.run_test(size=(100, 30), message_hook=explained.append) as pilot:
            await pilot.press("down", "right")  # water: 30 percent crosses Arvenia's red line
            await pilot.click("#card-arvenia")
            await pilot.pause()
            assert isinstance(app.screen, ReadingScreen)
            assert "President Oda's address" in app.screen.markdown
            await pilot.press("escape")
            assert isinstance(app.screen, SandboxScreen)

    run(scenario())
    assert [m.party_id for m in unique(explained) if isinstance(m, PartyCard.Explain)] == ["arvenia"]


def test_compare_swaps_and_adopts_a_proposal(run) -> None:
    async def scenario() -> None:
        app = sandbox_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("c")
            compare = app.screen
            assert isinstance(compare, CompareScreen)
            first_preset = compare.right
            assert compare.left.terms == {}  # the sandbox's empty draft
            await pilot.press("x")
            assert compare.left == first_preset and compare.right.terms == {}
            await pilot.press("b", "enter")  # the first preset on the right again
            assert compare.right == first_preset
            await pilot.press("u")
            await pilot.pause()
            assert isinstance(app.screen, SandboxScreen)
            assert app.screen.draft == first_preset

    run(scenario())


def test_the_draft_saved_as_toml_loads_back_equal(run, redlines_home) -> None:
    async def scenario() -> None:
        app = sandbox_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("p", "down", "down", "enter")  # the mediator's first draft
            app.screen.action_export()
            draft = app.screen.draft
            saved = list((redlines_home / "proposals").glob("*.toml"))
            assert len(saved) == 1
            loaded = catalog.find_proposal(str(saved[0]), app.screen.scenario)
            assert loaded.terms == draft.terms and loaded.title == draft.title

    run(scenario())


def test_the_sandbox_opens_on_the_draft_left_last_time(run) -> None:
    async def edit() -> None:
        async with sandbox_app().run_test(size=(100, 30)) as pilot:
            await pilot.press("down", "right", "right")  # water: 50 percent

    async def reopen() -> None:
        app = sandbox_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.screen.draft.option("water") == "w50"
            expected = cards.card_from_assessment(assess(app.screen.scenario, app.screen.draft).party("arvenia"))
            assert app.screen.query_one("#card-arvenia", PartyCard).data == expected

    run(edit())
    run(reopen())


def test_an_unreadable_kept_draft_is_set_aside_with_a_warning(run, redlines_home) -> None:
    kept = redlines_home / "sandbox" / "tutorial.toml"
    kept.parent.mkdir()
    kept.write_text('scenario = "tutorial"\n[terms]\nwater = "w99"\n')

    async def scenario() -> None:
        app = sandbox_app()
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await pilot.pause()
            assert app.screen.draft.terms == {}
            assert app.screen.kept_problem.startswith("The kept sandbox draft was set aside:")
            assert "w99" in app.screen.kept_problem

    run(scenario())

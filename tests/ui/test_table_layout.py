"""The table at the documented minimum (70×20), the size it is laid out for (80×24) and a larger
one (100×30), read from the rendered text: what the player must be able to see is on the screen."""

from __future__ import annotations

import pytest

from sim.game.actions import parse_action
from sim.present import cards
from sim.ui.app import make_app
from sim.ui.screens.table import TableScreen
from sim.ui.widgets.draft_editor import DraftEditor

SIZES = [(70, 20), (80, 24), (100, 30)]


def screen_text(app) -> str:
    """What the terminal shows, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(app, dialog: bool = False) -> str:
    """The screen (or only the dialog over it) as one line: a wrapped sentence reads whole, borders
    and padding squeezed out."""
    lines = screen_text(app).splitlines()
    if dialog:
        box = app.screen.query_one(".dialog").region
        lines = [line[box.x:box.right] for line in lines[box.y:box.bottom]]
    lines = [line.strip(" │╭╮╰╯─") for line in lines]
    return " ".join(" ".join(lines).split())


async def at_the_table(pilot) -> TableScreen:
    await pilot.press("n")
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TableScreen)
    return pilot.app.screen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_action_and_the_footer_s_keys_fit(run, size) -> None:
    async def play() -> None:
        app = make_app(scenario="ukraine-2025", seed=3)
        async with app.run_test(size=size) as pilot:
            await at_the_table(pilot)
            lines = screen_text(app).splitlines()
            actions, footer = lines[-2], lines[-1]
            for label in ("g Travel", "t Table", "c Consult", "l Levers", "v Convene", "m Summit", "w Wait"):
                assert label in actions
            for key in ("r Counter", "p Presets", "esc Menu", "f1 Help", "^p palette"):
                assert key in footer
            assert "Feed · f" in screen_text(app), "the feed's key, off the footer, is on its border"

    run(play())


def test_the_status_line_says_what_is_signed_at_every_size(run) -> None:
    async def play() -> None:
        app = make_app(scenario="ukraine-2025", seed=7)
        async with app.run_test(size=(100, 30)) as pilot:
            table = await at_the_table(pilot)
            # The shipped patient game, up to its interim agreement at Geneva.
            for line in ["travel kyiv", "consult ukraine", "table ukraine", "travel moscow", "consult russia",
                         "table russia", "draft interim_humanitarian", "travel geneva", "convene"]:
                table.act(parse_action(line))
            await pilot.pause()
            assert len(table.state.agreements) == 1
            for size in reversed(SIZES):
                await pilot.resize_terminal(*size)
                await pilot.pause()
                status = next(line for line in screen_text(app).splitlines() if "On this draft" in line)
                assert status.strip().startswith("1 agreement signed · On this draft: Russia")

    run(play())


def test_a_counter_proposal_s_header_is_whole_at_the_minimum(run) -> None:
    async def play() -> None:
        app = make_app(scenario="ukraine-2025", seed=3)
        async with app.run_test(size=(70, 20)) as pilot:
            table = await at_the_table(pilot)
            table.act(parse_action("travel moscow"))
            table.act(parse_action("table russia"))
            changes = len(table.state.party("russia").counter.terms.items() - table.state.draft.terms.items())
            await pilot.press("r")
            await pilot.pause()
            text = flat(app, dialog=True)
            assert f"Russia's counter-proposal: {changes} changes to your draft." in text
            assert "Space ticks a change, a ticks all, enter adopts the ticked ones." in text

    run(play())


def _cursor_row_shown(app, editor: DraftEditor) -> bool:
    scenario = app.screen.scenario
    title = scenario.issue(editor.issue_id).title
    label = cards.term_label(scenario, app.screen.state.draft, editor.issue_id)
    text = flat(app)
    return title[:12] in text and label[:10] in text


def test_the_cursor_row_stays_in_sight_after_edits_and_resizes(run) -> None:
    async def play() -> None:
        app = make_app(scenario="ukraine-2025", seed=3)
        async with app.run_test(size=(100, 30)) as pilot:
            await at_the_table(pilot)
            editor = app.screen.query_one(DraftEditor)
            for _ in range(19):
                await pilot.press("down")
                for key in ("right", "right", "o", "right"):  # options of every length, and open
                    await pilot.press(key)
                    await pilot.pause()
                    assert _cursor_row_shown(app, editor), (editor.issue_id, key)
            for size in SIZES:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                await pilot.pause()
                assert _cursor_row_shown(app, editor), size

    run(play())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_option_picker_says_what_its_marks_mean(run, size) -> None:
    async def play() -> None:
        app = make_app(scenario="ukraine-2025", seed=3)
        async with app.run_test(size=size) as pilot:
            await at_the_table(pilot)
            await pilot.press("enter")
            await pilot.pause()
            text = flat(app, dialog=True)
            assert "Marks, one per party: Russia, Ukraine, United States, Europe" in text
            assert "✓ accepts ~ open to talks ✗ rejects ? not known yet" in text

    run(play())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_travel_dialog_says_where_a_joint_meeting_can_be_held(run, size) -> None:
    async def play() -> None:
        app = make_app(scenario="ukraine-2025", seed=3)
        async with app.run_test(size=size) as pilot:
            await at_the_table(pilot)
            await pilot.press("g")
            await pilot.pause()
            text = flat(app, dialog=True)
            assert "A joint meeting of every principal (v) can be held only at Geneva." in text
            assert "Geneva · joint meetings here" in text

    run(play())

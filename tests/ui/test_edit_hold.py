"""While the player edits, the cards and the draft's issues keep their rows (they may grow, never
shrink), so nothing below them jumps from key to key; a pause in the editing, or any other move,
gives the rows back."""

from __future__ import annotations

from sim.ui.app import make_app
from sim.ui.screens.draft_screen import HOLD_SECONDS
from sim.ui.widgets.draft_editor import DraftEditor
from sim.ui.widgets.party_card import PartyCard


def heights(screen) -> dict[str, tuple[int, int]]:
    """Each card's rows on screen and the rows its text needs."""
    return {card.id: (card.content_size.height, card._height(card.content_size.width)) for card in screen.query(PartyCard)}


def test_cards_and_draft_hold_their_rows_while_editing_and_give_them_back_after(run) -> None:
    async def play() -> None:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            editor = screen.query_one(DraftEditor)
            held = draft_held = 0
            before, draft_lines = heights(screen), len(editor._lines)
            for key in ["right", "right", "right", "down", "right", "right", "down", "right", "right", "left"]:
                await pilot.press(key)
                await pilot.pause()
                now = heights(screen)
                for card, (shown, needed) in now.items():
                    assert shown >= before[card][0] and shown >= needed  # grows or stays, never shrinks
                    held += shown > needed
                    widget = screen.query_one(f"#{card}", PartyCard)  # the rows held below the text are blank
                    assert len(widget._strips()) == needed
                    assert all(widget.render_line(y).text.strip() == "" for y in range(needed, shown))
                assert len(editor._lines) >= draft_lines
                draft_held += bool(editor._held)
                before, draft_lines = now, len(editor._lines)
            assert held and draft_held  # some edit needed fewer rows than were kept

            await pilot.pause(HOLD_SECONDS + 0.3)  # the editing paused
            await pilot.pause()
            assert all(shown == needed for shown, needed in heights(screen).values())
            assert not editor._held
            editor_lines = list(editor._lines)
            editor._clear_caches()  # a fresh drawing of the draft as it now is: one line where it fits
            await pilot.pause()
            assert list(editor._lines) == editor_lines

            for _ in range(3):  # editing again, then another move (a day waited): the rows come back at once
                await pilot.press("right")
                await pilot.pause()
            await pilot.press("w")
            await pilot.pause()
            await pilot.pause()
            assert all(shown == needed for shown, needed in heights(screen).values())
            assert not editor._held

    run(play())


def test_a_card_that_grows_while_editing_takes_spare_rows_unless_compact(run, monkeypatch) -> None:
    """Growing while the player edits, a card takes GROWTH_ROWS more rows than its text needs, so the
    next line a key brings needs no new layout; a compact card (a short terminal) takes none."""
    from sim.ui.screens import draft_screen
    from sim.ui.widgets.party_card import GROWTH_ROWS

    monkeypatch.setattr(draft_screen, "HOLD_SECONDS", 3600)  # the editing never pauses long enough to give rows back

    async def play(size: tuple[int, int], spare: int) -> int:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        grown = 0
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen = app.screen
            before = heights(screen)
            for key in ["right", "down", "right", "down", "right", "down", "right", "right", "down", "right"] * 2:
                await pilot.press(key)
                await pilot.pause()
                now = heights(screen)
                for card, (shown, needed) in now.items():
                    if needed > before[card][0]:  # its text outgrew the rows it had: it grew
                        assert shown == needed + spare
                        grown += 1
                before = now
        return grown

    assert run(play((120, 44), GROWTH_ROWS)) >= 1
    run(play((100, 30), 0))

"""A change of the draft redraws only the cards it changes, each measured as Textual would measure it."""

from __future__ import annotations

from sim.ui.app import make_app
from sim.ui.widgets.draft_editor import DraftEditor
from sim.ui.widgets.party_card import PartyCard


def test_a_card_is_measured_as_its_whole_text_would_be(run) -> None:
    """The card sums its lines' heights (long lines remembered) instead of wrapping its whole text:
    the sum is what Textual finds for the whole text, at every width and after every edit."""

    async def play() -> None:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            checked = wrapped = 0
            for width in (100, 80, 140):
                await pilot.resize_terminal(width, 40)
                await pilot.pause()
                for _ in range(4):
                    await pilot.press("right")
                    await pilot.pause()
                    for card in app.screen.query(PartyCard):
                        content_width = card.content_size.width
                        content = card._content(content_width)
                        assert card._height(content_width) == content.get_height(card.styles, content_width)
                        checked += 1
                        wrapped += content.get_height(card.styles, content_width) > len(content.plain.splitlines())
            assert checked and wrapped  # some cards had lines long enough to wrap

    run(play())


def shows(card: PartyCard) -> tuple:
    """What a card shows: each line of its text with its styles, at its width (no drawing)."""
    width = card.content_size.width
    card._content(width)
    return card._height(width), [(line.plain, tuple(line.spans)) for line in card._built.lines]


def test_a_card_is_drawn_again_only_when_what_it_shows_changed(run) -> None:
    """After a term changes, exactly the cards whose text changed are drawn again: not those whose
    data did not change, nor those whose data changed below what they show (a utility moving
    within its rounding); moving the cursor draws no card."""

    async def play() -> None:
        drawn: list[str] = []
        original = PartyCard.render

        def render(card: PartyCard):
            drawn.append(card.data.party_id)
            return original(card)

        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        async with app.run_test(size=(140, 100)) as pilot:
            await pilot.pause()
            screen = app.screen
            PartyCard.render = render
            try:
                editor = screen.query_one(DraftEditor)
                untouched = 0  # cards an edit left as they were
                for number in range(12):
                    editor.highlighted = number % len(screen.scenario.issues)
                    await pilot.pause()
                    before = {card.data.party_id: (card.data, shows(card)) for card in screen.query(PartyCard)}
                    drawn.clear()
                    editor.action_cycle(1)
                    await pilot.pause()
                    await pilot.pause()
                    now = {card.data.party_id: (card.data, shows(card)) for card in screen.query(PartyCard)}
                    assert set(drawn) == {party for party in now if now[party][1] != before[party][1]}
                    assert set(drawn) <= {party for party in now if now[party][0] != before[party][0]}
                    untouched += len(set(now) - set(drawn))
                assert untouched  # else the test could not tell a redraw of every card from the right ones
                drawn.clear()
                await pilot.press("down")
                await pilot.pause()
                assert drawn == []
            finally:
                PartyCard.render = original

    run(play())


def test_a_card_drawn_line_by_line_reads_as_textuals_own_drawing(run) -> None:
    """Every row a card draws from its kept lines is the row Textual draws from its whole text,
    and the rows on screen after an edit repainted only some of them are a fresh drawing's;
    after edits, at two widths, in both themes."""
    from textual.geometry import Region
    from textual.widget import Widget

    async def play() -> None:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            compared = 0
            for width, keys in ((100, ["right", "right", "down", "right"]), (72, ["right", "down", "left"])):
                await pilot.resize_terminal(width, 40)
                await pilot.pause()
                for key in keys:
                    await pilot.press(key)
                    await pilot.pause()
                    for card in app.screen.query(PartyCard):
                        # The rows on screen (some kept from before the edit) are a fresh drawing's.
                        whole = Region(0, 0, card.outer_size.width, card.outer_size.height)
                        on_screen = [strip.text for strip in card.render_lines(whole)]
                        card.refresh()
                        assert [strip.text for strip in card.render_lines(whole)] == on_screen
                        ours = [card.render_line(y) for y in range(card.size.height)]
                        card._render_content()  # Textual's own drawing of the whole text
                        theirs = [Widget.render_line(card, y) for y in range(card.size.height)]
                        assert [list(strip) for strip in ours] == [list(strip) for strip in theirs]
                        compared += 1
                app.action_toggle_contrast()
                await pilot.pause()
            assert compared

    run(play())


def test_a_card_drawn_when_the_kept_lines_are_full_draws_every_line_again(run) -> None:
    """The kept lines are bounded: a card drawn as they are emptied draws each line anew, the same."""
    import sim.ui.widgets.card_lines as card_lines

    async def play() -> None:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            for card in app.screen.query(PartyCard):
                drawn = [list(strip) for strip in card._strips()]
                card_lines.DRAWN.update({("filler", number): [] for number in range(5000)})
                card._drawn = None
                assert [list(strip) for strip in card._strips()] == drawn
                assert len(card_lines.DRAWN) < 5000

    run(play())


def test_a_cards_rows_are_framed_as_textuals_own_styling_frames_them(run) -> None:
    """A card's text rows, framed from kept sides (card_rows.py), are segment for segment the rows
    Textual's own styling draws: after edits that change verdicts (and the border's colour), with a
    card focused, at two widths, in both themes."""
    from textual._styles_cache import StylesCache
    from textual.geometry import Region

    async def play() -> None:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1, difficulty="easy")
        async with app.run_test(size=(120, 44)) as pilot:
            await pilot.pause()
            compared = set()
            for width, keys in ((120, ["right", "right", "down", "right", "down", "right"]), (90, ["right", "down", "left"])):
                await pilot.resize_terminal(width, 44)
                await pilot.pause()
                for key in keys:
                    await pilot.press(key)
                    await pilot.pause()
                    cards = list(app.screen.query(PartyCard))
                    if key == "left":
                        cards[1].focus()  # a focused card's border has its own colour
                        await pilot.pause()
                    for card in cards:
                        whole = Region(0, 0, card.outer_size.width, card.outer_size.height)
                        ours = [list(strip) for strip in card.render_lines(whole)]
                        theirs = [list(strip) for strip in StylesCache().render_widget(card, whole)]
                        assert ours == theirs
                        compared.add((card.id, str(card.styles.border_left[1])))
                app.action_toggle_contrast()
                await pilot.pause()
            assert len({border for _, border in compared}) >= 3  # border colours of more than one kind were compared

    run(play())

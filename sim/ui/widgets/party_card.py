"""One party's answer to the draft: its verdict, its utility against its walk-away level, and the red
lines the draft crosses. The screen decides what the card may show (``CardData``); the card draws it
and asks for details."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from sim.engine import Verdict
from sim.present import cards
from sim.present.cards import CardData
from sim.ui.widgets.card_rows import CardRows
from sim.ui.widgets.card_lines import CardText, crossed_line, joined, keep, kept, line_height, not_kept, runs

METER_STYLE = {"empty": "$foreground 30%", "mark": "bold $foreground"}
COMPACT_BELOW = 32  # terminal rows: below this a card lists one crossed red line and counts the rest
GROWTH_ROWS = 2  # spare rows a card takes when it grows while the player edits (not when compact)


VERDICT_CLASSES = {Verdict.REJECT: "-reject", Verdict.ACCEPT: "-accept"}


def _verdict_class(verdict: Verdict | None) -> str:
    return VERDICT_CLASSES.get(verdict, "")


class PartyCard(Widget, can_focus=True):
    """A card per party; enter or a click asks the screen to explain the verdict with its sources."""

    BINDINGS = [
        Binding("enter", "explain", "Why?", id="card.explain", tooltip="The red lines crossed, with their sources"),
    ]

    class Explain(Message):
        """The player wants the reasons and sources behind a party's verdict."""

        def __init__(self, party_id: str) -> None:
            self.party_id = party_id
            super().__init__()

    def __init__(self, data: CardData, **kwargs) -> None:
        # Born with its verdict's class: setting it after would restyle the card before its first frame.
        super().__init__(id=f"card-{data.party_id}", classes=_verdict_class(data.verdict), **kwargs)
        # A card's text has no links: without this, Textual passes every strip drawn through its
        # link styling (a quarter of the time a card takes to draw).
        self.set_reactive(Widget.auto_links, False)
        self._styles_cache = CardRows()  # text rows framed from kept sides, not styled anew each
        self.data = data
        self.border_title = Content(data.name)
        # The text and its height for one (data, width, compactness): a change of the draft asks
        # for the height (to decide on a layout), the layout asks again, then the render: built once.
        self._built: CardText | None = None
        self._drawn: tuple[tuple, list[Strip]] | None = None  # the strips of the text as last drawn
        # Rows kept while the player edits, for one (width, compactness): a card then grows but never
        # shrinks, so the cards below do not jump up and down from key to key (and an edit needs no
        # new layout of the screen); the screen gives them back when the editing pauses.
        self._hold: tuple[tuple, int] | None = None
        self._subtitle: str | None = None
        self._decorate()

    def show(self, data: CardData, hold: bool = False) -> None:
        """Redraw for new data; cheap, so the screen calls it on every change of the draft.
        ``hold``: the player is editing, so keep the rows the card has if its text needs fewer."""
        if data == self.data:
            if not hold:
                self.release()
            return
        width = self.content_size.width
        if not width:  # not laid out yet: drawn in full when it is
            self.data = data
            self._decorate()
            self.refresh(layout=True)
            return
        before = self._shown_height(width), self._row_keys(width)
        self._hold = (self._fit(width), before[0]) if hold else None
        self.data = data
        self._decorate()
        if hold and not self._fit(width)[1] and self._height(width) > before[0]:
            # Growing while the player edits: by a few rows more than the text needs, so that the
            # next lines a key brings need no new layout of the screen (a layout redraws every
            # card below); the spare rows go back with the others when the editing pauses.
            self._hold = (self._fit(width), self._height(width) + GROWTH_ROWS)
        self._repaint(width, before)

    def release(self) -> None:
        """The editing paused: give back the rows the text no longer needs."""
        width = self.content_size.width
        if self._hold is None or not width:
            self._hold = None
            return
        before = self._shown_height(width), self._row_keys(width)
        self._hold = None
        self._repaint(width, before)

    def _repaint(self, width: int, before: tuple[int, list]) -> None:
        after = self._shown_height(width), self._row_keys(width)
        if before[0] != after[0]:
            self.refresh(layout=True)  # a new layout only when the card changes height
            return
        # The same height: repaint only the rows whose text changed (the verdict and the meter,
        # usually), not the red lines that stay; a row costs Textual its borders and colours.
        changed = [row for row, (old, new) in enumerate(zip(before[1], after[1])) if old != new]
        if changed:  # each run of changed rows, not every row from the first to the last
            self.refresh(*[Region(0, first, width, end - first) for first, end in runs(changed)])

    def _row_keys(self, width: int) -> list[tuple | None]:
        """What each row of the text shows: a line's text and styles, and which of the rows it
        wraps to (a wrapped line that starts a row lower shows another part of it on each row)."""
        rows: list[tuple | None] = []
        built = self._build(width)
        for number, (line, height) in enumerate(zip(built.lines, built.heights)):
            rows += [(number, part, line.plain, tuple(line.spans)) for part in range(height)]
        return rows + [None] * (self._shown_height(width) - len(rows))  # rows held blank

    def _decorate(self) -> None:
        # Only stakeholders are labelled: their signature is not needed, which changes how to read them.
        role = "" if self.data.principal else "stakeholder"
        subtitle = " · ".join(part for part in (role, self.data.status) if part)
        if subtitle != self._subtitle:  # compared as text: a Content and its markup cost every edit
            self._subtitle = subtitle
            self.border_subtitle = Content(subtitle)
        wanted = _verdict_class(self.data.verdict)
        for name in VERDICT_CLASSES.values():
            if (name == wanted) != self.has_class(name):  # restyling costs a CSS pass: only on a real change
                self.set_class(name == wanted, name)

    def render(self) -> Content:
        return self._content(self.content_size.width)

    def render_line(self, y: int) -> Strip:
        """One row of the card, from strips kept per line of its text: the red lines a card lists
        recur from draft to draft, so a change of the draft draws only what it changed (the verdict,
        the meter) instead of the whole text. Textual draws a selection itself: it spans lines."""
        if self.text_selection is not None:
            return super().render_line(y)
        strips = self._strips()
        return strips[y] if y < len(strips) else Strip.blank(self.size.width, self.visual_style.rich_style)

    def _strips(self) -> list[Strip]:
        width, style, theme = self.size.width, self.visual_style, self.app.theme
        built = self._build(width)  # the text brought up to date (kept while the data and width are the same)
        key = (built.key, width, style, theme)
        if self._drawn is None or self._drawn[0] != key:
            self.render()  # what drawing a card calls (the benchmark of a repaint waits for it)
            keys = [(line.plain, tuple(line.spans), number, width, style, theme) for number, line in enumerate(built.lines)]
            for first, end in runs(not_kept(keys)):  # the verdict and meter, say, not the red lines between
                self._draw_lines(built, keys, first, end, width, style)
            self._drawn = (key, kept(keys))
        return self._drawn[1]

    def _draw_lines(self, built: CardText, keys: list[tuple], first: int, end: int, width: int, style) -> None:
        """Draw lines ``first`` to ``end`` of the text in one pass and keep each line's strips.
        Drawn below as many empty lines as precede them: the strips then carry their line numbers,
        as Textual's own drawing does (a mouse selection reads them). One pass over a run of
        changed lines, not one per line each below its own empty lines."""
        strips = Visual.to_strips(self, joined([Content("")] * first + built.lines[first:end]), width, None, style)
        row = first
        for number in range(first, end):
            height = built.heights[number]
            keep(keys[number], strips[row : row + height])
            row += height

    def get_content_height(self, container, viewport, width: int) -> int:
        # Measure at the width being laid out: the card's text (meter, truncation) depends on it.
        return self._shown_height(width)

    def _height(self, width: int) -> int:
        """The rows the card's text takes at ``width``."""
        return self._build(width).height

    def _shown_height(self, width: int) -> int:
        """The rows the card takes: its text's, or more while it holds rows for the player's editing."""
        if self._hold is not None and self._hold[0] == self._fit(width):
            return max(self._hold[1], self._height(width))
        return self._height(width)

    def _fit(self, width: int) -> tuple:
        return width, self.app.size.height < COMPACT_BELOW

    def _content(self, width: int) -> Content:
        return self._build(width).text

    def _build(self, width: int) -> CardText:
        key = (self.data, *self._fit(width))
        if self._built is None or self._built.key != key:
            lines = self._lines(width)
            self._built = CardText(key, lines, [line_height(line, self.styles, width) for line in lines])
        return self._built

    def _lines(self, width: int) -> list[Content]:
        """The card's text, a Content per line (each may wrap)."""
        data = self.data
        width = max(10, width)
        colour = f"${cards.verdict_style(data.verdict)}"
        verdict = cards.verdict_label(data.verdict)
        numbers = cards.utility_line(data)
        gap = max(1, width - len(verdict) - len(numbers))
        lines = [Content.assemble((verdict, f"bold {colour}"), " " * gap, (numbers, "$foreground 80%"))]
        if data.utility is not None and data.walk_away is not None:
            lines.append(Content.assemble(*[(cell.text, METER_STYLE.get(cell.kind, colour))
                                            for cell in cards.meter(data.utility, data.walk_away, width)]))
        crossed = sorted(data.crossed, key=lambda line: not line.hard)  # hard ones first
        compact = self.app.size.height < COMPACT_BELOW and len(crossed) > 1
        for line in crossed[:1] if compact else crossed:
            text = f"✗ {line.statement}" if line.hard else f"! {line.statement} (−{line.penalty:g})"
            if compact:
                more = f" (+{len(crossed) - 1} more)"
                room = width - len(more)
                text = (text if len(text) <= room else text[: room - 1] + "…") + more
            lines.append(crossed_line(text, "$error" if line.hard else "$warning"))
        if data.note:
            lines.append(Content.styled(data.note, "italic $accent"))
        return lines

    def action_explain(self) -> None:
        self.post_message(self.Explain(self.data.party_id))

    def on_click(self) -> None:
        self.action_explain()

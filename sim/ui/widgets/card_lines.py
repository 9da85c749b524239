"""A party card's text as lines, each measured and drawn once and kept: the red lines a card lists
recur from draft to draft (and move up and down it as others come and go), so a change of the
draft measures and draws only the lines it changed, the verdict and the meter mostly."""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content, Span
from textual.strip import Strip

WRAPPED: dict[tuple[str, int], int] = {}  # (a long line's text, width) -> its height: red lines recur from draft to draft
DRAWN: dict[tuple, list[Strip]] = {}  # (a line's text and styles, its number, width, style, theme) -> its strips
_DRAWN_ANYWHERE: dict[tuple, list[Strip]] = {}  # the same without the number -> its strips drawn at some number


class CardText:
    """A card's text for one (data, width, compactness), and what measuring and drawing it need."""

    __slots__ = ("key", "lines", "heights", "height", "_text")

    def __init__(self, key: tuple, lines: list[Content], heights: list[int]) -> None:
        self.key = key
        self.lines = lines  # the text, a Content per line (each may wrap)
        self.heights = heights  # the rows each line takes at that width
        self.height = sum(heights)
        self._text: Content | None = None

    @property
    def text(self) -> Content:
        """The whole text, joined only when asked (Textual draws a mouse selection from it)."""
        if self._text is None:
            self._text = joined(self.lines)
        return self._text


def joined(lines: list[Content]) -> Content:
    """``Content("\\n").join(lines)`` without its second pass over the whole text for control
    codes: each line had its own when it was made."""
    plain, spans, offset = [], [], 0
    for number, line in enumerate(lines):
        if number:
            plain.append("\n")
            offset += 1
        plain.append(line.plain)
        spans += [Span(offset + span.start, offset + span.end, span.style) for span in line.spans]
        offset += len(line.plain)
    return Content("".join(plain), spans, strip_control_codes=False)


def runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Sorted line numbers as runs of consecutive ones, each ``(first, end)``."""
    found: list[tuple[int, int]] = []
    for number in numbers:
        if found and found[-1][1] == number:
            found[-1] = (found[-1][0], number + 1)
        else:
            found.append((number, number + 1))
    return found


def _anywhere(line_key: tuple) -> tuple:
    """A drawn line's key without its line number."""
    return line_key[:2] + line_key[3:]


def _renumbered(strips: list[Strip], number: int) -> list[Strip]:
    """A line's strips as drawn at another line number, carrying ``number`` instead. Textual marks
    each piece of text it draws with its (column, line) for a mouse selection, and that is all
    that differs between one line drawn at two places; the rest of each style is kept."""
    moved = []
    for strip in strips:
        segments = []
        for segment in strip:
            style = segment.style
            offset = style.meta.get("offset") if style is not None else None
            if offset is not None:  # a piece of text (not padding): the same column, this line
                # (the strips' styles are Rich's; its class is taken from them, not imported)
                segment = segment._replace(style=style + type(style).from_meta({"offset": (offset[0], number)}))
            segments.append(segment)
        moved.append(Strip(segments, strip.cell_length))
    return moved


@lru_cache(maxsize=4096)
def crossed_line(text: str, style: str) -> Content:
    """A red line's row: the same lines recur from draft to draft, so each is made (and measured) once."""
    return Content.styled(text, style)


def line_height(line: Content, styles, width: int) -> int:
    """The rows one line of a card takes at ``width``: wrapping (the costly part of measuring a card,
    which every change of the draft does to decide on a layout) only for a line too long to fit."""
    if line.cell_length <= width:
        return 1
    key = (line.plain, width)
    if key not in WRAPPED:
        if len(WRAPPED) > 4096:  # bounded: widths change as the terminal is resized
            WRAPPED.clear()
        WRAPPED[key] = line.get_height(styles, width)
    return WRAPPED[key]


def not_kept(keys: list[tuple]) -> list[int]:
    """The numbers of the lines (by their keys) with no strips kept for their place. A line kept
    for another place, a red line that moved up or down, is renumbered into this one instead."""
    if len(DRAWN) > 4096:  # bounded: widths, themes and texts come and go
        DRAWN.clear()
        _DRAWN_ANYWHERE.clear()
    missing = []
    for number, key in enumerate(keys):
        if key in DRAWN:
            continue
        elsewhere = _DRAWN_ANYWHERE.get(_anywhere(key))
        if elsewhere is not None:
            DRAWN[key] = _renumbered(elsewhere, number)
        else:
            missing.append(number)
    return missing


def keep(key: tuple, strips: list[Strip]) -> None:
    """Keep a line's strips, just drawn at the place its key names."""
    DRAWN[key] = _DRAWN_ANYWHERE[_anywhere(key)] = strips


def kept(keys: list[tuple]) -> list[Strip]:
    """The kept strips of every line, in order."""
    return [strip for key in keys for strip in DRAWN[key]]

"""A card's rows framed by its border from kept edges, not styled anew row by row.

Textual styles every row it draws: it reads the border, outline, padding, tint and opacity rules,
pads the text, and adds the border's sides. For a card's text rows that is some 0.1 ms a row, and
a change of the draft repaints about twenty of them (a card's verdict, its meter, the red lines
that moved): more than drawing their text. Yet every text row of a card is framed the same way:
the left side (border and padding) and the right, around the text. So the first row drawn for a
given frame (width, colours, border) is Textual's own, and its two sides are kept; every other
text row is the text between them. Borders with titles, the top and bottom rows, and any style
this does not know to be plain (a tint, an opacity, an outline, a hatch) are Textual's to draw.

``StylesCache`` is private to Textual (pinned to one release in ``pyproject.toml``);
``tests/ui/test_card_redraw.py`` compares every row with the one Textual's own cache draws.
"""

from __future__ import annotations

from textual._styles_cache import StylesCache
from textual.strip import Strip


class CardRows(StylesCache):
    def __init__(self) -> None:
        super().__init__()
        self._sides: dict[tuple, tuple[Strip, Strip]] = {}  # frame -> the left and right sides of a text row

    def render_line(self, styles, y, size, content_size, padding, base_background, background,
                    render_content_line, border_title, border_subtitle, opacity, ansi_theme, native_ansi) -> Strip:
        width, height = size
        gutter = styles.gutter
        if not gutter.top <= y < height - gutter.bottom or not self._plain(styles, opacity):
            return self._textual(styles, y, size, content_size, padding, base_background, background,
                                 render_content_line, border_title, border_subtitle, opacity, ansi_theme, native_ansi)
        frame = (width, content_size.width, padding, base_background, background, styles.border)
        sides = self._sides.get(frame)
        if sides is None:
            row = self._textual(styles, y, size, content_size, padding, base_background, background,
                                render_content_line, border_title, border_subtitle, opacity, ansi_theme, native_ansi)
            left, _text, right = row.divide([gutter.left, width - gutter.right, width])
            if len(self._sides) > 64:  # bounded: widths and colours come and go
                self._sides.clear()
            self._sides[frame] = left, right
            return row
        inner = self.get_inner_outer(base_background, background)[0].rich_style
        if y - gutter.top < content_size.height:
            text = render_content_line(y - gutter.top).adjust_cell_length(content_size.width, inner)
        else:
            text = Strip.blank(content_size.width, inner)
        left, right = sides
        return Strip([*left, *text, *right], width)

    def _textual(self, *arguments) -> Strip:
        return super().render_line(*arguments)

    @staticmethod
    def _plain(styles, opacity: float) -> bool:
        """No effect that changes the text's own segments, nor an outline over the sides."""
        return (opacity == 1.0 and styles.text_opacity == 1.0 and not styles.tint.a
                and tuple(edge[0] for edge in styles.outline) == ("",) * 4
                and not (styles.has_rule("hatch") and styles.hatch != "none"))

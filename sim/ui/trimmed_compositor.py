"""A compositor that draws, for a partial update, only the rows of each widget that changed.

Textual's own asks every widget whose container overlaps the box around all changed regions for
all its rows, and then keeps only the rows and columns that changed. A change of a term marks a
row of the draft and some rows of the cards, so that box spans the screen, and every widget (the
footer, the feed, the draft's 80 rows) is drawn from its cache for nothing: some 3 ms of every
edit's frame here. This one asks each widget only for the band of its rows that meets a changed
region, and nothing of a widget that meets none.

Why that draws the same: a row of the screen is sent to the terminal only where a changed region
covers it. A widget left out on a row meets no changed region there, so none of its cells on that
row are sent, whatever fills them in the compositor's buffer (the widget behind it). Columns are
not trimmed: the compositor cuts each row at widgets' edges and expects a widget's strips to
start at one of them.

It overrides two of Textual's private methods (Textual is pinned to one release in
``pyproject.toml``); ``tests/ui/test_paint_now.py`` compares the terminal it draws with a fresh
drawing of the whole screen.
"""

from __future__ import annotations

from textual._compositor import Compositor
from textual.geometry import Region


class TrimmedCompositor(Compositor):
    def __init__(self) -> None:
        super().__init__()
        self._changed: list[Region] | None = None  # the regions of the partial update being drawn

    def render_partial_update(self):
        self._changed = list(self._dirty_regions)
        try:
            return super().render_partial_update()
        finally:
            self._changed = None

    def _get_renders(self, crop: Region | None = None):
        if self._changed is None:  # a full update, or the whole screen drawn for a screenshot
            yield from super()._get_renders(crop)
            return
        changed = self._changed
        for widget, (region, clip) in self.visible_widgets.items():
            shown = region.intersection(clip)
            met = [meeting for area in changed if (meeting := shown.intersection(area))]
            if not met:
                continue
            top, bottom = min(area.y for area in met), max(area.bottom for area in met)
            band = Region(shown.x, top, shown.width, bottom - top)  # its rows that changed, every column shown
            yield region, band, widget.render_lines(band.translate(-region.offset))

"""The screen's keys in one row, drawn as Textual's compact Footer draws them, by one widget.

Textual's Footer mounts a widget per key, and only once the screen's bindings are known, so the
table's first frame was laid out and drawn twice (about 80 ms of CPU before it takes input). This
row draws the same keys, in the same colours and places, from the same bindings, and redraws itself
when they change (a new focus): a click on a key presses it, a greyed-out one rings the bell, and
the key under the mouse shows its tooltip.
"""

from __future__ import annotations

from itertools import groupby

from textual import events
from textual.content import Content
from textual.widget import Widget

from sim.record import frozen

KEY_STYLE = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION_STYLE = "$footer-description-foreground on $footer-description-background"
HOVER = " on $block-hover-background"
PALETTE_BORDER = ("▏", "$foreground 20%")  # Textual's vkey border left of the palette's key
MARGIN = 1  # a compact footer key's right margin (the palette's key has it too)


@frozen
class Key:
    key: str  # what a click presses
    display: str  # how the key is shown (a remapped key shows its new name)
    description: str
    enabled: bool
    tooltip: str

    @property
    def width(self) -> int:
        return len(self.display) + (1 + len(self.description) if self.description else 0)


class KeyFooter(Widget):
    """Every shown key of the focused widget, its screen and the app; the palette's at the right."""

    ALLOW_SELECT = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._hovered: Key | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        self._hovered = None
        self.refresh()

    def keys(self) -> tuple[list[Key], Key | None]:
        """The keys Textual's Footer would show, in its order (one per action), and the palette's."""
        active = self.screen.active_bindings
        shown = [(binding, enabled, tooltip) for (_, binding, enabled, tooltip) in active.values() if binding.show]
        by_action: dict[str, tuple] = {}
        for binding, enabled, tooltip in shown:
            by_action.setdefault(binding.action, (binding, enabled, tooltip))
        keys = []
        for _, group in groupby(by_action.values(), lambda entry: entry[0].group):
            for binding, enabled, tooltip in group:
                keys.append(Key(binding.key, self.app.get_key_display(binding), binding.description, enabled, tooltip))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _, binding, enabled, tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = Key(binding.key, self.app.get_key_display(binding), binding.description, enabled,
                          binding.tooltip or binding.description)
        return keys, palette

    def spans(self, width: int | None = None) -> list[tuple[int, int, Key]]:
        """Each key's columns in the row (start, end, key), those cut off at the right left out."""
        width = self.size.width if width is None else width
        keys, palette = self.keys()
        room = width - self._palette_width(palette)
        found, x = [], 0
        for key in keys:
            if x < room:
                found.append((x, min(x + key.width, room), key))
            x += key.width + MARGIN
        if palette is not None:
            found.append((width - MARGIN - palette.width, width - MARGIN, palette))
        return found

    @staticmethod
    def _palette_width(palette: Key | None) -> int:
        return len(PALETTE_BORDER[0]) + palette.width + MARGIN if palette is not None else 0

    def render(self) -> Content:
        width = self.size.width
        keys, palette = self.keys()
        room = max(0, width - self._palette_width(palette))
        row = Content.assemble(*[part for key in keys for part in (*self._parts(key), " " * MARGIN)])
        row = row.truncate(room, pad=True)
        if palette is not None:
            row = Content.assemble(row, PALETTE_BORDER, *self._parts(palette), " " * MARGIN)
        return row

    def _parts(self, key: Key) -> list[tuple[str, str]]:
        hover = HOVER if key == self._hovered else ""
        dim = "" if key.enabled else " dim"
        parts = [(key.display, KEY_STYLE + dim + hover)]
        if key.description:
            parts.append((" " + key.description, DESCRIPTION_STYLE + dim + hover))
        return parts

    def key_at(self, x: int) -> Key | None:
        return next((key for start, end, key in self.spans() if start <= x < end), None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        event.stop()
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x)
        if key != self._hovered:
            self._hovered = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.tooltip = None
            self.refresh()

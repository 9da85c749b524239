"""The mediator's actions as one row of labels, each also on a key (shown in its label).

One widget draws the whole row: seven Buttons cost the table's first frame about 60 ms of CPU
(Button's stylesheet is Textual's largest, and each button is styled, laid out and drawn on its
own), for a row that only shows labels and takes clicks. It looks as the compact buttons did: each
label bold with a space either side, greyed out when the move is not possible now.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

# (verb, label): the verb names the screen's action (``action_<verb>``); the label shows its key.
ACTIONS = (
    ("travel", "g Travel"),
    ("table", "t Table"),
    ("consult", "c Consult"),
    ("lever", "l Levers"),
    ("convene", "v Convene"),
    ("summit", "m Summit"),
    ("wait", "w Wait"),
)
STYLE = "bold $button-foreground"
DISABLED_STYLE = "bold $button-foreground 42%"  # the colour a disabled compact Button had (its text-opacity, applied by Textual)
HOVER_STYLE = "bold $button-foreground on $surface-darken-1"  # a compact Button under the mouse


class ActionBar(Widget):
    """Every move's label in one row; a click on a possible one posts ``Chosen``."""

    ALLOW_SELECT = False

    class Chosen(Message):
        def __init__(self, verb: str) -> None:
            self.verb = verb
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.allowed: frozenset[str] = frozenset(verb for verb, _ in ACTIONS)
        self._hovered: str | None = None

    def allow(self, verbs: set[str]) -> None:
        """Grey out the actions that are not possible now."""
        allowed = frozenset(verbs) & {verb for verb, _ in ACTIONS}
        if allowed != self.allowed:
            self.allowed = allowed
            self.refresh()

    def is_disabled(self, verb: str) -> bool:
        return verb not in self.allowed

    def spans(self) -> list[tuple[int, int, str]]:
        """Each action's columns in the row: (start, end, verb)."""
        found, x = [], 0
        for verb, label in ACTIONS:
            found.append((x, x + len(label) + 2, verb))
            x += len(label) + 2
        return found

    def verb_at(self, x: int) -> str | None:
        return next((verb for start, end, verb in self.spans() if start <= x < end), None)

    def render(self) -> Content:
        parts = []
        for verb, label in ACTIONS:
            style = DISABLED_STYLE if self.is_disabled(verb) else HOVER_STYLE if verb == self._hovered else STYLE
            parts.append((f" {label} ", style))
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        verb = self.verb_at(event.x)
        if verb is None:
            return
        if self.is_disabled(verb):
            self.app.bell()
            return
        self.post_message(self.Chosen(verb))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hovered(self.verb_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hovered(None)

    def _set_hovered(self, verb: str | None) -> None:
        if verb is not None and self.is_disabled(verb):
            verb = None
        if verb != self._hovered:
            self._hovered = verb
            self.refresh()

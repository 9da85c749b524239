"""The mediator's actions as a row of buttons, each also on a key (shown on the button)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button

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


class ActionBar(Horizontal):
    class Chosen(Message):
        def __init__(self, verb: str) -> None:
            self.verb = verb
            super().__init__()

    def compose(self) -> ComposeResult:
        for verb, label in ACTIONS:
            yield Button(label, id=f"do-{verb}", compact=True)

    def allow(self, verbs: set[str]) -> None:
        """Grey out the actions that are not possible now."""
        for verb, _ in ACTIONS:
            self.query_one(f"#do-{verb}", Button).disabled = verb not in verbs

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Chosen(event.button.id.removeprefix("do-")))

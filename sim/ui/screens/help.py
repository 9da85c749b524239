"""How to play, as Markdown, followed by every key of every screen (as currently mapped) with its id."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static


def keys_markdown(screens: list[tuple[str, list[Binding]]], keymap: dict[str, str]) -> str:
    """A table of keys per screen; a key the player remapped shows as remapped."""
    out = ["## Keys"]
    for title, bindings in screens:
        rows = [b for b in bindings if isinstance(b, Binding) and b.id and b.description]
        if not rows:
            continue
        out.append(f"### {title}\n\n| key | does | id |\n|---|---|---|")
        for binding in rows:
            key = keymap.get(binding.id, binding.key).replace(",", " / ")
            out.append(f"| `{key}` | {binding.description} | `{binding.id}` |")
    return "\n".join(out)


def help_text() -> str:
    return resources.files("sim.ui").joinpath("help.md").read_text(encoding="utf-8")


class HelpScreen(Screen):
    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back", id="help.back")]

    def __init__(self, screens: list[tuple[str, list[Binding]]], keymap: dict[str, str]) -> None:
        super().__init__()
        self.text = help_text() + "\n\n" + keys_markdown(screens, keymap)

    def compose(self) -> ComposeResult:
        yield Static("Help", id="topbar")
        with VerticalScroll(id="help-page"):
            yield Markdown(self.text)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-page").focus()

"""The command palette: everything without a key of its own.

The app offers its global commands; a screen adds its own through ``palette_commands()`` (the
``OffersCommands`` protocol, for both), so what the palette lists always fits the screen the player
is on. Names and help are shown as plain text
(``Content``): a command may name something from a scenario file.
"""

from __future__ import annotations

from typing import Callable, Iterable, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

Command = tuple[str, str, Callable[[], object]]  # (name, help, callback)


@runtime_checkable
class OffersCommands(Protocol):
    """The app, or a screen, with commands of its own for the palette."""

    def palette_commands(self) -> Iterable[Command]: ...


class RedLinesCommands(Provider):
    def commands(self) -> Iterable[Command]:
        for source in (self.app, self.screen):
            if isinstance(source, OffersCommands):
                yield from source.palette_commands()

    async def discover(self) -> Hits:
        for name, help_text, callback in self.commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=Content(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=Content(help_text))  # type: ignore[arg-type]

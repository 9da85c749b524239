"""What a screen asks of the app, as messages: a screen posts one and the app, which owns the
screen stack and the game, answers it. No screen calls a method of the app it happens to run in.

Each message bubbles from the screen that posts it to the app (``on_open_analysis``,
``on_show_briefing`` there). The command palette's side is a protocol instead
(``sim.ui.commands.OffersCommands``): it asks a question and needs the answer at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from textual.message import Message

if TYPE_CHECKING:
    from sim.game import GameState
    from sim.model import Proposal, Scenario


class OpenAnalysis(Message):
    """Open the analysis of ``scenario`` around ``draft``.

    ``adopt`` takes the closest acceptable proposal when the player adopts it (None: nothing to
    adopt into); ``game`` is the game it is asked from, if any: the game's rules decide whether
    the player may see it (``sim.game.analysis_allowed``).
    """

    def __init__(self, scenario: Scenario, draft: Proposal, adopt: Callable[[Proposal], None] | None = None,
                 game: GameState | None = None) -> None:
        self.scenario = scenario
        self.draft = draft
        self.adopt = adopt
        self.game = game
        super().__init__()


class ShowBriefing(Message):
    """Show the briefing of the scenario being played again (the game goes on behind it)."""

"""Adding to the feed: the running story of the game the player scrolls back through."""

from __future__ import annotations

from attrs import evolve

from sim.game.state import FeedItem, FeedKind, GameState
from sim.model.plain import sentence
from sim.model.scenario import Citation


def say(
    state: GameState, kind: FeedKind, text: str, party: str = "", event: str = "",
    citations: tuple[Citation, ...] = (), note: str = "",
) -> GameState:
    item = FeedItem(state.day, kind, sentence(text), party=party, event=event, citations=citations, note=note)
    return evolve(state, feed=state.feed + (item,))

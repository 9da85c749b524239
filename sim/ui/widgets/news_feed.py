"""The feed: parties' answers, news from the timeline and the mediator's own moves, newest last.

The player scrolls back through it; enter on an item asks the screen for the whole of it with its sources.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from sim.game.state import FeedItem
from sim.present import play


class NewsFeed(OptionList):
    BINDINGS = [Binding("enter", "select", "Read", id="feed.read", tooltip="The whole item, with its sources")]

    class ReadItem(Message):
        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown = 0  # how many feed items are listed

    def on_mount(self) -> None:
        # Anchored: the newest stays in view when a later layout pass wraps the items into more
        # lines (a scrollbar appearing narrows them) until the player scrolls back to read.
        self.anchor()

    def show(self, feed: tuple[FeedItem, ...]) -> None:
        """Add the items not listed yet, and keep the newest in view."""
        if len(feed) < self.shown:  # a different game: start again
            self.clear_options()
            self.shown = 0
        new = feed[self.shown :]
        if not new:
            return
        self.add_options([self._option(self.shown + i, item) for i, item in enumerate(new)])
        self.shown = len(feed)
        self.highlighted = self.option_count - 1
        self.scroll_end(animate=False)

    @staticmethod
    def _option(index: int, item: FeedItem) -> Option:
        date, mark, text = play.feed_line(item)
        style = f"bold ${play.FEED_STYLE[item.kind]}"
        sources = play.feed_origin(item)
        return Option(
            Content.assemble((date, "$foreground 60%"), " ", (mark, style), " ", text, (sources, "$foreground 50%")),
            id=str(index),
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.ReadItem(int(event.option.id)))

"""The negotiating table: the draft, every party's card, the calendar, trust and patience, the
mediator's actions and the feed where the answers and the news arrive.

The screen holds the game (a ``Session``) and is the only place that plays moves: widgets post
messages, and every move goes through ``act``, which applies it, redraws, and autosaves behind.
"""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static
from textual.content import Content

from sim import catalog
from sim.engine import Verdict
from sim.game import (
    Action, ActionError, Adopt, Consult, Convene, GameState, LoadDraft, SaveError, Session, SetTerm, Summit, Table,
    Status, Travel, UseLever, Wait, available_actions, revisions_toward, views,
)
from sim.game.effective import effective_scenario
from sim.game.save_lock import SaveLock, copy_path
from sim.model import Proposal
from sim.present import cards, markdown, play
from sim.ui.autosave import AutoSaver
from sim.ui.messages import OpenAnalysis, ShowBriefing
from sim.present.play import Choice
from sim.ui.screens.draft_screen import DraftScreen, update_text
from sim.ui.widgets.action_bar import ActionBar
from sim.ui.widgets.key_footer import KeyFooter
from sim.ui.widgets.news_feed import NewsFeed

SAVE_AFTER_EDIT = 0.1  # seconds from a term's change to its autosave: past the edit's frame


class TableScreen(DraftScreen):
    """One game in progress."""

    SEES_ALL = False  # the full truth is not the player's to see (nor worth its cost at the start)

    BINDINGS = [
        Binding("g", "travel", "Travel", id="table.travel", show=False),
        Binding("t", "table", "Table", id="table.table", show=False),
        Binding("c", "consult", "Consult", id="table.consult", show=False),
        Binding("l", "lever", "Levers", id="table.lever", show=False),
        Binding("v", "convene", "Convene", id="table.convene", show=False),
        Binding("m", "summit", "Summit", id="table.summit", show=False),
        Binding("w", "wait", "Wait a day", id="table.wait", show=False),
        Binding("r", "counter", "Counter", id="table.counter", tooltip="Review a counter-proposal, adopt it term by term"),
        Binding("p", "presets", "Presets", id="table.presets", tooltip="Replace the draft with a published plan (free)"),
        Binding("a", "analysis", "Analysis", id="table.analysis", tooltip="Is there a deal? What blocks it?"),
        # Off the footer (the feed's border names its key) so the footer fits 70 columns.
        Binding("f", "focus_feed", "Feed", id="table.feed", show=False, tooltip="Scroll back through the feed"),
        Binding("e", "score", "Score", id="table.score", show=False, tooltip="The score if the talks ended today, part by part"),
        Binding("b", "briefing", "Briefing", id="table.briefing", show=False),
        Binding("s", "app.sources", "Sources", id="table.sources", show=False),
        Binding("escape", "leave", "Menu", id="table.leave", tooltip="Back to the start screen; the game is saved"),
    ]

    class GameOver(Message):
        """The game has ended; the app shows the debrief."""

        def __init__(self, state: GameState) -> None:
            self.state = state
            super().__init__()

    def __init__(self, session: Session) -> None:
        self.session = session
        self.views = views(session.state)
        super().__init__(session.state.scenario, session.state.draft)
        self.saver = AutoSaver(session.save_path, self._save_problem, defer=self.call_after_refresh)
        self.save_lock = SaveLock(session.save_path)

    # --- what the player may see -----------------------------------------------------------------

    @property
    def state(self) -> GameState:
        return self.session.state

    def set_draft(self, draft: Proposal, editing: bool = False) -> None:  # the game's draft only changes through moves
        self.refresh_game(editing)

    def refresh_game(self, editing: bool = False) -> None:
        """Show the game as it now stands; ``editing``: the move was a change of a term."""
        self.draft = self.state.draft
        self.views = views(self.state)
        self.assessment = None  # the full truth is not the player's to see; the views are (SEES_ALL)
        self.refresh_desk(editing)
        update_text(self.query_one("#topbar", Static), play.calendar_line(self.state))
        update_text(self.query_one("#standings", Static), play.standings_line(self.views))
        self.query_one(NewsFeed).show(self.state.feed)
        self.query_one(ActionBar).allow({a.verb for a in available_actions(self.state)})

    def crossed(self) -> dict[str, tuple[str, ...]]:
        return cards.crossed_issues(play.view_crossings(self.views))

    def locked(self) -> frozenset[str]:
        return frozenset(self.state.locked)

    def cards(self):
        here = set(self.state.present_here)
        return cards.with_guesses(self.scenario, self.state.draft,
                                  [play.card_from_view(view, view.id in here) for view in self.views])

    def judge(self, draft: Proposal) -> list[Verdict | None]:
        return [view.verdict for view in views(self.state, draft)]

    def is_deal(self) -> bool:
        return self.state.status is Status.DEAL

    def _deal_text(self) -> str:
        return play.deal_status_line(self.views, len(self.state.agreements))

    def reasons(self, party_id: str) -> str:
        view = next(v for v in self.views if v.id == party_id)
        return markdown.view_reasons_markdown(effective_scenario(self.state), view)

    # --- layout --------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(Content(play.calendar_line(self.state)), id="topbar")
        yield Static(Content(play.standings_line(self.views)), id="standings")
        yield from self.compose_desk()
        feed = NewsFeed(id="feed")
        feed.border_title = "Feed · f"
        yield feed
        yield ActionBar(id="actions")
        yield KeyFooter()  # compact, as the table's keys must fit 70 columns, the documented minimum

    def on_mount(self) -> None:
        self.refresh_game()
        self.query_one("#draft").focus()
        if self.save_lock.acquire():
            self.saver.request(self.state)  # a game quit before its first move can still be continued
            return
        self.saver.enabled = False  # until the player chooses: never write over the other window's game
        choices = [Choice("read", "Open it read-only", "look and try moves; nothing is saved"),
                   Choice("copy", "Play a copy", "your moves are saved to a file of their own")]
        from sim.ui.screens.choice import ChoiceScreen  # each dialog is imported when first opened (the warm-up does it early)

        self.app.push_screen(ChoiceScreen("This game is open in another Red Lines window", choices), self._locked_choice)

    def _locked_choice(self, choice: str | None) -> None:
        if choice == "copy":
            path = copy_path(self.session.save_path)
            self.session.save_path = path
            self.saver = AutoSaver(path, self._save_problem, defer=self.call_after_refresh)
            self.save_lock = SaveLock(path)
            self.save_lock.acquire()
            self.saver.request(self.state)
            self.notify(f"Playing a copy, saved to {path.name}.", title="A copy")
        else:
            self.notify("Read-only: this window saves nothing; the game is saved by the other window.",
                        title="Read-only", timeout=8)

    def on_unmount(self) -> None:
        self.saver.flush()  # a write still waiting for a frame (the app quit at once) is made now
        self.save_lock.release()

    # --- moves ---------------------------------------------------------------------------------------

    def act(self, action: Action) -> None:
        """Play one move: refuse it with the reason, or apply it, redraw, and save behind."""
        try:
            outcome = self.session.act(action)
        except ActionError as error:
            self.notify(play.error_text(error.message, error.fix),
                        title="Not now", severity="warning")
            return
        editing = isinstance(action, SetTerm)
        # A change of a term is saved a moment after its frame (edits meanwhile join that save; the
        # next other move or leaving starts it at once): a write started beside the frame shares
        # the interpreter lock with it, and the moment is short so that no edit waits long unsaved.
        self.saver.request(self.state, hold=self._after_editing if editing else None)
        self.refresh_game(editing)
        if outcome.answer is not None:
            answer = outcome.answer
            name = self.scenario.party(answer.party).name
            extra = " It made a counter-proposal: r to review it." if answer.counter is not None else ""
            self.notify(f"{name}: {cards.verdict_label(answer.verdict)}.{extra}", title="An answer")
        if self.state.over:
            self.post_message(self.GameOver(self.state))

    def revise(self, issue_id: str, option_id: str | None) -> None:
        self.act(SetTerm(issue_id, option_id))

    def _after_editing(self, start: Callable[[], None]) -> None:
        self.set_timer(SAVE_AFTER_EDIT, start)

    def choose(self, title: str, choices: list[Choice], then: Callable[[str], Action], note: str = "") -> None:
        """Ask which one (unless there is only one possible), then play the move."""
        usable = [c for c in choices if not c.disabled]
        if not usable:
            self.notify(f"{title}: nothing possible here now.", severity="warning")
            return
        if len(usable) == 1 and len(choices) == 1:
            self.act(then(usable[0].value))
            return

        def chosen(value: str | None) -> None:
            if value is not None:
                self.act(then(value))

        from sim.ui.screens.choice import ChoiceScreen

        self.app.push_screen(ChoiceScreen(title, choices, note), chosen)

    def action_travel(self) -> None:
        self.choose("Travel to…", play.venue_choices(self.state), Travel, play.joint_venues_note(self.state))

    def action_table(self) -> None:
        self.choose("Table the draft to…", play.party_choices(self.state, walked_out_ok=False), Table)

    def action_consult(self) -> None:
        self.choose("Consult in private…", play.party_choices(self.state, walked_out_ok=True), Consult)

    def action_lever(self) -> None:
        self.choose("Pressure or an inducement…", play.lever_choices(self.state), UseLever)

    def action_convene(self) -> None:
        self.act(Convene())

    def action_summit(self) -> None:
        self.act(Summit())

    def action_wait(self) -> None:
        self.act(Wait())

    def action_presets(self) -> None:
        self.choose("Put a plan on the table (free)…", play.preset_choices(self.state), LoadDraft)

    def on_action_bar_chosen(self, message: ActionBar.Chosen) -> None:
        getattr(self, f"action_{message.verb}")()

    def action_counter(self) -> None:
        from sim.ui.screens.counter import CounterScreen

        offers = [v for v in self.views if v.counter is not None]
        if not offers:
            self.notify("No counter-proposal on the table: table the draft to a party first.", severity="warning")
            return

        def review(party_id: str | None) -> None:
            if party_id is None:
                return
            view = next(v for v in offers if v.id == party_id)
            changes = play.counter_changes(self.scenario, self.state.draft, view.counter)
            self.app.push_screen(CounterScreen(view.name, changes, self.locked()), lambda issues: self._adopt(party_id, issues))

        if len(offers) == 1:
            review(offers[0].id)
        else:
            choices = [Choice(v.id, v.name, f"{len(play.counter_changes(self.scenario, self.state.draft, v.counter))} changes") for v in offers]
            from sim.ui.screens.choice import ChoiceScreen

            self.app.push_screen(ChoiceScreen("Whose counter-proposal?", choices), review)

    def _adopt(self, party_id: str, issues: list[str] | None) -> None:
        for issue in issues or []:
            self.act(Adopt(party_id, issue))

    def action_focus_feed(self) -> None:
        self.query_one(NewsFeed).focus()

    def on_news_feed_read_item(self, message: NewsFeed.ReadItem) -> None:
        item = self.state.feed[message.index]
        from sim.ui.screens.reading import ReadingScreen  # deferred: Markdown costs ~50 ms at start-up

        self.app.push_screen(ReadingScreen(markdown.feed_item_markdown(self.scenario, item), "From the feed"))

    def action_analysis(self) -> None:
        self.post_message(OpenAnalysis(effective_scenario(self.state), self.state.draft, self.adopt_proposal, self.state))

    def adopt_proposal(self, proposal: Proposal) -> None:
        """Revise the draft into ``proposal`` one term at a time (each a free, logged revision)."""
        for revision in revisions_toward(self.state, proposal):
            self.act(revision)

    def action_score(self) -> None:
        from sim.game import score
        from sim.present.debrief import running_score_markdown
        from sim.ui.screens.reading import ReadingScreen

        self.app.push_screen(ReadingScreen(running_score_markdown(self.state, score(self.state)), "The score so far"))

    def action_briefing(self) -> None:
        self.post_message(ShowBriefing())

    def action_leave(self) -> None:
        self.saver.flush()
        self.app.pop_screen()

    def _save_problem(self, problem: SaveError | None) -> None:
        def tell() -> None:
            if problem is None:
                self.notify("Saving works again.", title="Saved")
            else:
                self.notify(str(problem.problems[0]), title="Not saved (the game goes on)", severity="error", timeout=10)

        self.app.call_from_thread(tell)

    def palette_commands(self):
        return [
            ("Game: save a copy…", "Write the game to a file in your Red Lines folder", self.action_save_copy),
            ("Game: put a published plan on the table", "Replace the draft with a preset (free)", self.action_presets),
            ("Game: briefing", "The situation, the parties and the timeline", self.action_briefing),
            ("Game: the score so far", "What the score would be if the talks ended today, part by part", self.action_score),
        ]

    def action_save_copy(self) -> None:
        folder = catalog.data_dir() / "saves"
        stem = f"{self.scenario.id}-{self.state.day.isoformat()}"
        path = folder / f"{stem}.json"
        number = 2
        while path.exists():
            path, number = folder / f"{stem}-{number}.json", number + 1
        written = self.session.save(path)
        if written:
            self.notify(f"Saved to {written}", title="Saved")
        else:
            self.notify(str(self.session.save_problem.problems[0]), severity="error")

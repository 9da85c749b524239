"""What the sandbox and the negotiating table share: a draft being edited, and every party's live verdict.

The screen owns the draft and its assessment; the editor and the cards only show them and post
messages. ``set_draft`` is the one place a change lands, so every card repaints in the same frame.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static
from textual.content import Content

from sim.engine import Assessment, assess
from sim.model import Proposal, Scenario
from sim.present import cards, markdown
from sim.ui.paint_now import paint_now
from sim.ui.trimmed_compositor import TrimmedCompositor
from sim.ui.widgets.draft_editor import DraftEditor
from sim.ui.widgets.party_card import PartyCard

HOLD_SECONDS = 1.0  # after the player's last edit, the cards give back the rows they held while editing


def update_text(widget: Static, text: str) -> None:
    """Replace the text of a one-line Static, only when it changed, and without a new layout (its
    size is fixed): a layout pass redraws the whole screen."""
    if getattr(widget, "_shown_text", None) != text:
        widget._shown_text = text  # type: ignore[attr-defined]
        widget.update(Content(text), layout=False)  # plain text: it quotes the scenario


class DraftScreen(Screen):
    """A screen with a draft editor beside a card per party."""

    SEES_ALL = True  # judged by the whole truth (the sandbox); a game shows only what the player knows

    def __init__(self, scenario: Scenario, draft: Proposal | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self._compositor = TrimmedCompositor()  # an edit's frame draws only the rows it changed
        self.scenario = scenario
        self.draft = draft if draft is not None else Proposal(scenario.id, title="Untitled draft")
        self.assessment: Assessment | None = assess(scenario, self.draft) if self.SEES_ALL else None
        self._release = None  # the timer that ends the cards' hold on their rows once editing pauses
        self._resumed = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # The first resume comes as the screen is pushed, and each of its widgets is styled as it
        # mounts: Textual's styling them all again then cost the first frame some 8 ms. A later
        # resume (back from a dialog, after a theme change) restyles as Textual does.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
        super()._on_screen_resume(event)

    def compose_desk(self) -> ComposeResult:
        """The editor and the cards, side by side."""
        with Horizontal(id="desk"):
            editor = DraftEditor(self.scenario, self.draft, self.crossed(), self.locked(), id="draft")
            editor.border_title = "Draft"
            editor.border_subtitle = Content(self.draft.title)
            yield editor
            with VerticalScroll(id="cards") as cards:
                cards.can_focus = False
                for data in self.cards():
                    yield PartyCard(data)
        yield Static(Content(self._deal_text()), id="deal")

    def crossed(self) -> dict[str, tuple[str, ...]]:
        """Issue -> the parties whose red lines the draft crosses there (as far as the player knows)."""
        return cards.crossed_issues(cards.assessment_crossings(self.assessment))

    def locked(self) -> frozenset[str]:
        """Issues that can no longer change (signed in an interim agreement)."""
        return frozenset()

    def cards(self) -> list[cards.CardData]:
        """What each party's card shows; the sandbox shows everything, a game what the difficulty allows."""
        from sim.present.robustness_view import with_fragility

        found = with_fragility(self.scenario, self.draft,
                               [cards.card_from_assessment(result) for result in self.assessment.parties])
        return cards.with_guesses(self.scenario, self.draft, found)

    def set_draft(self, draft: Proposal, editing: bool = False) -> None:
        """Make ``draft`` the current draft and show every party's answer to it."""
        self.draft = draft
        self.assessment = assess(self.scenario, draft)
        self.refresh_desk(editing)

    def refresh_desk(self, editing: bool = False) -> None:
        """Show the draft and every card; ``editing``: the player changed a term, so the cards and
        the draft's issues keep their rows (they may grow, not shrink) until the editing pauses or
        another move is made."""
        editor = self.query_one(DraftEditor)
        editor.show(self.draft, self.crossed(), self.locked(), hold=editing)
        if editor.border_subtitle != Content(self.draft.title).markup:
            editor.border_subtitle = Content(self.draft.title)
        for data in self.cards():
            self.query_one(f"#card-{data.party_id}", PartyCard).show(data, hold=editing)
        if self._release is not None:
            self._release.stop()
            self._release = None
        if editing:
            self._release = self.set_timer(HOLD_SECONDS, self.release_cards)
        deal = self.query_one("#deal", Static)
        update_text(deal, self._deal_text())
        if deal.has_class("-deal") != self.is_deal():
            deal.set_class(self.is_deal(), "-deal")

    def release_cards(self) -> None:
        """The editing paused: each card gives back the rows its text no longer needs, and the
        draft's issues held on two lines go back to one."""
        self._release = None
        self.query_one(DraftEditor).release()
        for card in self.query(PartyCard):
            card.release()

    def is_deal(self) -> bool:
        return self.assessment.deal

    def _deal_text(self) -> str:
        return cards.deal_line(self.scenario, self.assessment)

    def revise(self, issue_id: str, option_id: str | None) -> None:
        """The player set a term; the sandbox takes it as it is, a game through its rules."""
        self.set_draft(self.draft.with_term(issue_id, option_id), editing=True)

    def on_draft_editor_term_chosen(self, message: DraftEditor.TermChosen) -> None:
        self.revise(message.issue_id, message.option_id)
        paint_now(self)  # the key's frame at once, not after Textual's hops (when no layout is needed)

    def on_draft_editor_pick_requested(self, message: DraftEditor.PickRequested) -> None:
        if message.issue_id in self.locked():
            self.notify("This term was signed in an interim agreement: it stays.", severity="warning")
            return

        from sim.ui.screens.option_picker import OptionPicker, Picked  # imported when first opened (the warm-up does it early)

        def chosen(picked: Picked | None) -> None:
            if picked is not None:
                self.revise(message.issue_id, picked.option_id)

        self.app.push_screen(OptionPicker(self.scenario, self.draft, message.issue_id, self.judge), chosen)

    def judge(self, draft: Proposal) -> list:
        """Each party's verdict on ``draft`` as the player may know it (the sandbox knows everything)."""
        return [result.verdict for result in assess(self.scenario, draft).parties]

    def reasons(self, party_id: str) -> str:
        """Why a party answers as it does (Markdown); a game says only what the player may know."""
        return markdown.reasons_markdown(self.scenario, self.assessment.party(party_id), self.assessment.proposal.terms)

    def on_party_card_explain(self, message: PartyCard.Explain) -> None:
        name = self.scenario.party(message.party_id).name
        from sim.ui.screens.reading import ReadingScreen  # deferred: Markdown costs ~50 ms at start-up

        self.app.push_screen(ReadingScreen(self.reasons(message.party_id), name))

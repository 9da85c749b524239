"""The draft as a list of issues, one option chosen for each (or left open).

Keys move between issues and cycle their options; enter or a click opens a picker with every option.
The editor never changes the draft itself: it posts ``TermChosen`` and the screen decides.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from sim.model import Proposal, Scenario
from sim.present import cards

ONE_LINE_WIDTH = 40  # below this an issue's title and its option go on two lines


class _Prompt(Content):
    """An issue's row: measured by counting its lines when each fits the width, as nearly all do,
    instead of laying its text out. The option list measures every issue when it is shown and
    again after each resize, which was a fifth of the table's first frame."""

    def __init__(self, text: Content) -> None:
        super().__init__(text.plain, list(text.spans), text.cell_length, strip_control_codes=False)
        self._row_lengths = [Content(row, strip_control_codes=False).cell_length for row in text.plain.split("\n")]

    def get_height(self, rules, width: int) -> int:
        if max(self._row_lengths) <= width - rules.get("line_pad", 0) * 2:
            return len(self._row_lengths)
        return super().get_height(rules, width)  # a row too long for the width: Textual wraps it


class DraftEditor(OptionList):
    """Every issue of the scenario with the draft's option for it; crossed red lines are marked."""

    BINDINGS = [
        Binding("right", "cycle(1)", "Option", id="draft.next_option", key_display="←→", tooltip="Choose the next option for this issue"),
        Binding("left", "cycle(-1)", "Previous option", id="draft.previous_option", show=False),
        Binding("o,delete,backspace", "leave_open", "Leave open", id="draft.leave_open", show=False, tooltip="Leave this issue unsettled"),
        Binding("space", "select", "Pick", id="draft.pick", show=False),
    ]

    class TermChosen(Message):
        """The player set an issue to an option (None: leave it open)."""

        def __init__(self, issue_id: str, option_id: str | None) -> None:
            self.issue_id = issue_id
            self.option_id = option_id
            super().__init__()

    class PickRequested(Message):
        """The player wants to see every option of an issue before choosing."""

        def __init__(self, issue_id: str) -> None:
            self.issue_id = issue_id
            super().__init__()

    def __init__(
        self, scenario: Scenario, draft: Proposal, crossed: dict[str, tuple[str, ...]], locked: frozenset[str] = frozenset(), **kwargs
    ) -> None:
        self.scenario = scenario
        self.draft = draft
        self.crossed = crossed  # issue -> the parties whose red lines it crosses (as far as the player knows)
        self.locked = locked  # issues signed in an interim agreement: shown, not editable
        self._width = 0
        self._held: set[int] = set()  # options kept on two lines while the player edits (their text fits one)
        super().__init__(*[Option(self._prompt(issue.id), id=issue.id) for issue in scenario.issues], **kwargs)

    @property
    def issue_id(self) -> str | None:
        """The issue under the cursor."""
        option = self.highlighted_option
        return option.id if option else None

    def show(self, draft: Proposal, crossed: dict[str, tuple[str, ...]], locked: frozenset[str] = frozenset(),
             hold: bool = False) -> None:
        """Redraw the issues whose term, red-line marks or lock changed. ``hold``: the player is
        editing, so an issue on two lines stays on two even if its new term fits one (the issues
        below do not jump up and back from key to key), until ``release``."""
        changed = [
            index
            for index, issue in enumerate(self.scenario.issues)
            if draft.option(issue.id) != self.draft.option(issue.id)
            or crossed.get(issue.id) != self.crossed.get(issue.id)
            or (issue.id in locked) != (issue.id in self.locked)
        ]
        self.draft, self.crossed, self.locked = draft, crossed, locked
        if not hold:
            changed = sorted(set(changed) | self._held)
            self._held.clear()
        for index in changed:
            issue_id = self.scenario.issues[index].id
            prompt = self._prompt(issue_id)
            if hold and "\n" not in prompt.plain and self._line_cache.heights.get(index, 1) > 1:
                prompt = self._prompt(issue_id, two_lines=True)
                self._held.add(index)
            else:
                self._held.discard(index)
            self._replace_prompt(index, prompt)
        if changed:
            self._keep_cursor_in_view()

    def release(self) -> None:
        """The editing paused: the issues held on two lines go back to one."""
        if self._held:
            self.show(self.draft, self.crossed, self.locked)

    def _keep_cursor_in_view(self) -> None:
        # A prompt that grows a line (a longer option, a narrower screen) pushes the rows below it
        # down; the option list scrolls to the cursor only when the cursor moves, so do it here.
        self.call_after_refresh(self.scroll_to_highlight)

    def _replace_prompt(self, index: int, prompt: Content) -> None:
        """``replace_option_prompt_at_index``, drawing again only this option's lines.

        Textual's own drops every option's cached lines, so each change of a term drew the whole
        draft again (a third of the frame that shows it). Here only this option's renders are
        dropped, and when its height changes (a label now too long for one line) the list's line
        map is rebuilt from the heights it already knows. Uses OptionList internals, safe because
        Textual is pinned exactly (pyproject.toml); any surprise falls back to Textual's way."""
        option = self.get_option_at_index(index)
        option._set_prompt(prompt)
        cache = self._option_render_cache
        for key in [key for key in cache.keys() if key[0] is option]:
            cache.discard(key)
        lines = self._line_cache
        if index not in lines.heights:  # not laid out yet: drawn in full when it is
            self.refresh()
            return
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        padding = self.get_component_styles("option-list--option").padding
        height = self._get_visual(option).get_height(self.styles, width - padding.width) + option._divider
        if height == lines.heights[index]:
            self.refresh_lines(lines.index_to_line[index], height)  # the other lines stay as drawn
            return
        known = sorted(lines.heights)
        if known != list(range(len(known))):
            self._clear_caches()
            return
        lines.heights[index] = height
        lines.lines.clear()
        for number in known:
            lines.index_to_line[number] = len(lines.lines)
            lines.lines.extend((number, line) for line in range(lines.heights[number]))
        first = lines.index_to_line[index]  # the lines above stay as drawn; those below moved
        self.refresh_lines(first, max(1, len(lines.lines) - first))

    def _prompt(self, issue_id: str, two_lines: bool = False) -> Content:
        issue = self.scenario.issue(issue_id)
        option_id = self.draft.option(issue_id)
        crossed_by = self.crossed.get(issue_id)
        if issue_id in self.locked:
            mark = ("■ ", "bold $success")  # signed: it stays
        else:
            mark = ("✗ ", "bold $error") if crossed_by else ("· ", "$foreground 40%")
        label = cards.term_label(self.scenario, self.draft, issue_id)
        choice = (f"‹ {label} ›", "italic $foreground 50%" if option_id is None else ("$error" if crossed_by else "$accent"))
        title = (issue.title, "bold")
        room = self._width - 2 - len(issue.title) - len(choice[0])
        if self._width >= ONE_LINE_WIDTH and room >= 1 and not two_lines:
            return _Prompt(Content.assemble(mark, title, " " * room, choice))
        return _Prompt(Content.assemble(mark, title, "\n  ", choice))

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width - 2  # the option list's own padding
        if width != self._width:
            self._width = width
            for index, issue in enumerate(self.scenario.issues):
                self.get_option_at_index(index)._set_prompt(self._prompt(issue.id))
            self._clear_caches()  # what replace_option_prompt_at_index does (and a refresh), once for all the issues
            self._keep_cursor_in_view()

    def action_cycle(self, step: int) -> None:
        if self.issue_id is None or self.issue_id in self.locked:
            return
        choice = cards.cycle_option(self.scenario, self.issue_id, self.draft.option(self.issue_id), step)
        self.post_message(self.TermChosen(self.issue_id, choice))

    def action_leave_open(self) -> None:
        if self.issue_id is not None and self.issue_id not in self.locked and self.draft.option(self.issue_id) is not None:
            self.post_message(self.TermChosen(self.issue_id, None))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.PickRequested(event.option.id))


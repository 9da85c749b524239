"""The game as the player reads it: the calendar line, the standings, each card as far as the
difficulty lets the player know, feed lines and action choices. Free of Textual, like ``present``."""

from __future__ import annotations

from typing import Iterator

from sim.engine import Verdict
from sim.game import GameState, PartyView, Status
from sim.game.setup import LeverKind
from sim.game.state import FeedItem, FeedKind
from sim.model import Proposal, Scenario
from sim.model.plain import mid_sentence, party_names, reflowed, sentence
from sim.present import cards
from sim.present.cards import CardData, Crossed
from sim.present.markdown import escape, source_events
from sim.record import frozen

FEED_MARK = {
    FeedKind.NEWS: "NEWS",
    FeedKind.ANSWER: "ANSWER",
    FeedKind.MEETING: "MEETING",
    FeedKind.MOVE: "MOVE",
    FeedKind.WALKOUT: "WALKOUT",
    FeedKind.RETURN: "RETURN",
    FeedKind.SIGNING: "SIGNED",
    FeedKind.END: "END",
}
FEED_STYLE = {
    FeedKind.NEWS: "accent",
    FeedKind.ANSWER: "primary",
    FeedKind.MEETING: "primary",
    FeedKind.MOVE: "foreground 60%",
    FeedKind.WALKOUT: "error",
    FeedKind.RETURN: "success",
    FeedKind.SIGNING: "success",
    FeedKind.END: "warning",
}


def error_text(message: str, fix: str = "") -> str:
    """``You are already at Kyiv. Table, consult, or travel elsewhere.``: each part one sentence,
    with one full stop however the part ends."""
    parts = [sentence(part.strip().rstrip(".;")) + "." for part in (message, fix) if part.strip()]
    return " ".join(parts)


def short_date(day) -> str:
    return day.strftime("%a %d %b %Y")


def calendar_line(state: GameState) -> str:
    """``Thu 20 Nov 2025 · day 1 · 41 days to the deadline · at Washington · normal``."""
    venue = mid_sentence(state.setup.venue(state.venue).name)
    left = state.days_left
    deadline = f"{left} day{'s' if left != 1 else ''} to the deadline" if left >= 0 else "past the deadline"
    return f"{short_date(state.day)} · day {state.days_used + 1} · {deadline} · at {venue} · {state.game.difficulty.value}"


def standing(view: PartyView) -> str:
    if not view.present:
        return "walked out"
    return f"trust {view.trust:.0f} · patience {view.patience:.0f}"


def short_name(name: str) -> str:
    """``Europe (the E3 and EU leaders)`` -> ``Europe``; ``The United States`` -> ``United States``."""
    name = name.split(" (")[0]
    return name[4:] if name.startswith("The ") else name


def standings_line(views: tuple[PartyView, ...]) -> str:
    """Trust and patience of every party on one line, so they are always in sight."""
    parts = []
    for view in views:
        name = short_name(view.name)
        parts.append(f"{name} walked out" if not view.present else f"{name} {view.trust:.0f}/{view.patience:.0f}")
    return " · ".join(parts) + "   (trust/patience)"


def deal_status_line(views: tuple[PartyView, ...], agreements: int) -> str:
    """The line under the draft: what is signed first (a narrow screen cuts the end of a line),
    then each principal's answer to the draft, by its short name."""
    parts = [f"{short_name(v.name)} {verdict_word(v.verdict)}" for v in views if v.role.value == "principal"]
    signed = f"{agreements} agreement{'s' if agreements != 1 else ''} signed · " if agreements else ""
    return f"{signed}On this draft: {', '.join(parts)}"


def card_from_view(view: PartyView, here: bool) -> CardData:
    crossed = tuple(Crossed(line.red_line.statement, line.hard, line.red_line.penalty) for line in view.red_lines if line.crossed)
    if view.counter is not None:
        note = "has a counter-proposal: r to review it"
    elif view.heard_verdict is not None and view.verdict is None:
        note = f"said of the last draft tabled: {cards.VERDICT_WORD[view.heard_verdict]}"
    else:
        note = ""
    if here and view.present:
        note = "here · " + note if note else "here (t to table the draft)"
    status = standing(view)
    return cards.party_card(view.party, view.verdict, view.utility, view.walk_away, crossed, status, note)


def view_crossings(views: tuple[PartyView, ...]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(party name, issues) for each hard red line the player knows the draft crosses."""
    for view in views:
        for line in view.red_lines:
            if line.crossed and line.hard:
                yield view.name, tuple(line.red_line.issues)


def feed_origin(item: FeedItem) -> str:
    """Where a feed item comes from, after its text: its sources, or a mark that no source states it
    (an event the game invented, whose note says so; enter reads the note)."""
    if item.citations:
        return "  ▸ sources"
    return "  ▸ not from the sources" if item.note else ""


def feed_line(item: FeedItem) -> tuple[str, str, str]:
    """(date, mark, text) for one feed item."""
    return item.day.strftime("%d %b"), FEED_MARK[item.kind], item.text


@frozen
class Choice:
    """One line of an action's menu: what to send, how it reads, and why it is unavailable."""

    value: str
    label: str
    detail: str = ""
    disabled: bool = False


def venue_choices(state: GameState) -> list[Choice]:
    scenario = state.scenario
    choices = []
    for venue in state.setup.venues:
        names = party_names(scenario, venue.parties, last=", ")
        days = f"{venue.travel_days} day{'s' if venue.travel_days != 1 else ''}"
        here = venue.id == state.venue
        joint = " · joint meetings here" if venue.convenes(state.game.principals) else ""
        label = venue.name + joint + (" (you are here)" if here else "")
        choices.append(Choice(venue.id, label, f"{days} · meets {names}", here))
    return choices


def joint_venues_note(state: GameState) -> str:
    """Where the mediator can convene every principal: said before choosing where to travel."""
    venues = [v.name for v in state.setup.venues if v.convenes(state.game.principals)]
    where = party_names_plain(venues)
    return f"A joint meeting of every principal (v) can be held only at {where}." if venues else ""


def party_names_plain(names: list[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def party_choices(state: GameState, walked_out_ok: bool) -> list[Choice]:
    venue = state.setup.venue(state.venue)
    choices = []
    for party_id in venue.parties:
        party = state.party(party_id)
        name = state.scenario.party(party_id).name
        usable = party.present or walked_out_ok
        detail = "walked out" if not party.present else f"trust {party.trust:.0f} · patience {party.patience:.0f}"
        choices.append(Choice(party_id, name, detail, not usable))
    return choices


def lever_choices(state: GameState) -> list[Choice]:
    choices = []
    for lever in state.setup.levers:
        used = state.lever_uses.get(lever.id, 0)
        kind = "pressure on" if lever.kind is LeverKind.PRESSURE else "offer to"
        target = mid_sentence(state.scenario.party(lever.party).name)
        left = lever.uses - used
        detail = f"{kind} {target} · {left} of {lever.uses} uses left"
        if lever.description:
            detail += f" · {reflowed(state.scenario, lever.description)}"
        choices.append(Choice(lever.id, lever.name, detail, left <= 0))
    return choices


def preset_choices(state: GameState) -> list[Choice]:
    choices = [Choice(name, p.title or name, reflowed(state.scenario, p.description)) for name, p in state.game.presets.items()]
    return choices + [Choice("empty", "An empty draft", "every issue open")]


@frozen
class TermChange:
    issue: str
    title: str
    before: str  # the draft's option, as a label
    after: str  # the counter-proposal's


def counter_changes(scenario: Scenario, draft: Proposal, counter: Proposal) -> list[TermChange]:
    """Each issue the counter-proposal changes, with both options in words."""
    return [
        TermChange(issue.id, issue.title, cards.term_label(scenario, draft, issue.id), cards.term_label(scenario, counter, issue.id))
        for issue in scenario.issues
        if draft.option(issue.id) != counter.option(issue.id)
    ]


def timeline(state: GameState) -> list[tuple[str, str]]:
    """What has happened so far: the sources published before the talks, then the game's events."""
    lines = source_events(state.scenario, before=state.setup.start)
    for event_id in state.fired:
        event = state.setup.event(event_id)
        lines.append((event.date.isoformat(), f"**{escape(event.title)}**: {escape(event.news)}"))
    return lines


def ending_title(state: GameState) -> str:
    return {
        Status.DEAL: "A deal is signed",
        Status.COLLAPSED: "The talks have collapsed",
        Status.EXPIRED: "The deadline has passed",
        Status.ONGOING: "The talks go on",
    }[state.status]


def verdict_word(verdict: Verdict | None) -> str:
    return cards.VERDICT_WORD[verdict] if verdict is not None else "unknown"


def game_citations(state: GameState, source_id: str) -> list[str]:
    """Markdown paragraphs for what in the game cites a source: timeline events and levers."""
    found = []
    for event in state.setup.events:
        for citation in event.citations:
            if citation.source == source_id:
                found.append(f"**Event, {event.date.isoformat()}**: {escape(event.title)}\n\n> {escape(citation.passage)}")
    for lever in state.setup.levers:
        for citation in lever.citations:
            if citation.source == source_id:
                found.append(f"**Lever**: {escape(lever.name)}\n\n> {escape(citation.passage)}")
    return found

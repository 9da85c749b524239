"""Markdown the screens show: reasons behind a verdict, a party's public position, the sources.

Plain text in, plain text out (no Textual), so tests read exactly what a player will read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Mapping

from sim.engine import PartyAssessment
from sim.model import Scenario
from sim.model.scenario import Citation, Party, RedLine
from sim.model.plain import mid_sentence, reflowed, source_name, terms_text, with_source_titles
from sim.present import cards


# Every character Markdown could read as syntax inside a line (CommonMark lets any ASCII punctuation
# be escaped with a backslash, and renders it as itself), and what would start a block at the front.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!])")
_BLOCK_START = re.compile(r"^([-+=]|\d+[.)])")


def escape(text: str) -> str:
    """A file's text as Markdown that shows exactly that text: one line, nothing read as syntax."""
    line = _INLINE.sub(r"\\\1", " ".join(text.split()))
    return _BLOCK_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], line)


def source_events(scenario: Scenario, before: dt.date | None = None) -> list[tuple[str, str]]:
    """(date, Markdown) for each source, oldest first: the timeline before a game's own events."""
    return [(s.date.isoformat(), escape(source_name(s, " (") + (")" if s.outlet else "")))
            for s in sorted(scenario.sources, key=lambda s: s.date) if before is None or s.date < before]


def _paragraphs(text: str) -> str:
    """Like escape, but keeps the author's blank lines between paragraphs."""
    return "\n\n".join(escape(p) for p in text.strip().split("\n\n") if p.strip())


def citation_markdown(scenario: Scenario, citation: Citation) -> str:
    heading = cards.source_heading(scenario, citation)
    return f"> {escape(citation.passage)}\n>\n> — *{escape(heading)}* ({citation.confidence.value} confidence)"


def red_line_markdown(scenario: Scenario, red_line: RedLine, because: str = "") -> str:
    kind = "hard red line" if red_line.hard else f"soft red line, costs {red_line.penalty:g} points"
    lines = [f"**{escape(red_line.statement)}** ({kind})"]
    if because:
        lines.append(f"\nCrossed by: {escape(because)}")
    for citation in red_line.citations:
        lines.append("\n" + citation_markdown(scenario, citation))
    if red_line.note:
        lines.append(f"\n*Note:* {escape(with_source_titles(scenario, red_line.note))}")
    return "\n".join(lines)


def _kept_lines(kept, at_stake) -> list[str]:
    """Lines not crossed: "respected" only when the draft settles something they read; a line
    whose issues the draft leaves open (or that is not for this kind of text) is not at stake."""
    out = []
    respected = [line for line in kept if at_stake(line)]
    idle = [line for line in kept if not at_stake(line)]
    if respected:
        out.append("## Red lines the draft respects")
        out += [f"- {escape(line.statement)}" for line in respected]
    if idle:
        out.append("## Not at stake (the draft leaves their issues open, or they are for another kind of agreement)")
        out += [f"- {escape(line.statement)}" for line in idle]
    return out


def reasons_markdown(scenario: Scenario, result: PartyAssessment, terms: Mapping[str, str]) -> str:
    """Why a party answers the draft as it does, each reason with its source."""
    party = result.party
    out = [
        f"# {escape(party.name)}: {cards.verdict_label(result.verdict)}",
        f"The draft is worth **{result.utility:.1f}** to {escape(party.name)}; it needs "
        f"**{result.walk_away:.1f}** to prefer it to no deal (margin {result.margin:+.1f}).",
    ]
    if result.violations:
        out.append("## Red lines the draft crosses")
        out += [red_line_markdown(scenario, v.red_line, terms_text(scenario, v.triggers)) for v in result.violations]
    if result.penalties:
        out.append("## Soft red lines crossed (cost points, no veto)")
        out += [red_line_markdown(scenario, v.red_line, terms_text(scenario, v.triggers)) for v in result.penalties]
    crossed = {v.id for v in (*result.violations, *result.penalties)}
    kept = [line for line in party.red_lines if line.id not in crossed]
    out += _kept_lines(kept, lambda line: any(issue in terms for issue in line.issues))
    if party.position:
        out.append(f"## Public position\n{escape(party.position)}")
    return "\n\n".join(out)


def party_markdown(scenario: Scenario, party: Party) -> str:
    """A party's public position and every red line it has stated, each with its source."""
    role = "a principal: a deal needs its signature" if party.principal else "a stakeholder: its reaction matters"
    out = [f"# {escape(party.name)}", f"*{role}*"]
    if party.position:
        out.append(escape(party.position))
    if party.red_lines:
        out.append("## What it has said it will not accept")
        out += [red_line_markdown(scenario, line) for line in party.red_lines]
    return "\n\n".join(out)


def situation_markdown(scenario: Scenario, opening: tuple[dt.date, str] | None = None) -> str:
    """The situation: the scenario's own, or a game's ``opening`` (its start date and briefing)."""
    # A game's opening replaces the summary too: both describe the scenario's later as-of date.
    as_of, briefing = opening or (scenario.as_of, scenario.briefing)
    out = [f"# {escape(scenario.title)}", f"*As of {as_of.isoformat()}*"]
    if opening is not None and not briefing and as_of != scenario.as_of:
        # A game with no briefing of its own opens on another day: the page says whose date the
        # scenario's own text speaks for, rather than dating it to the game's first day.
        out.append(f"*The scenario's own account below is written as of {scenario.as_of.isoformat()}.*")
        briefing = scenario.briefing
        opening = None
    if opening is None:
        out.append(_paragraphs(scenario.summary))
    if briefing:
        out.append(_paragraphs(briefing))
    # Plain paragraphs, not lists: every list item is a widget, and this page opens every game.
    out.append("## The parties")
    out += [f"**{escape(p.name)}** ({p.role.value}): {escape(p.position)}" for p in scenario.parties]
    out.append(f"*{len(scenario.issues)} issues are on the table: see “The issues”.*")
    return "\n\n".join(out)


def issues_markdown(scenario: Scenario) -> str:
    """Every issue and its options, in the scenario's order."""
    out = ["# The issues"]
    for issue in scenario.issues:
        options = " · ".join(escape(o.label) for o in issue.options)
        description = f" {escape(reflowed(scenario, issue.description))}" if issue.description else ""
        out.append(f"**{escape(issue.title)}**.{description}\n{options}")
    return "\n\n".join(out)


def citing(scenario: Scenario, source_id: str) -> list[tuple[Party, RedLine, Citation]]:
    """Everything in the scenario that cites a source: each party's red lines, with the passage."""
    found = []
    for party in scenario.parties:
        for line in party.red_lines:
            found += [(party, line, c) for c in line.citations if c.source == source_id]
    return found


def source_markdown(scenario: Scenario, source_id: str, extra: list[str] = ()) -> str:
    """A source, and what in the scenario (and the game, through ``extra``) rests on it."""
    source = scenario.source(source_id)
    out = [f"# {escape(source.title)}"]
    facts = [source.date.isoformat() + (" (date estimated from its content)" if source.date_estimated else "")]
    if source.outlet:
        facts.append(escape(source.outlet))
    out.append(" · ".join(facts))
    if source.url:
        out.append(f"<{source.url}>")
    if source.document:
        out.append(f"Document: `{source.document}`")
    cited = citing(scenario, source_id)
    out.append(f"## Cited by {len(cited) + len(extra)} item{'s' if len(cited) + len(extra) != 1 else ''}")
    for party, line, citation in cited:
        out.append(
            f"**{escape(party.name)}**: {escape(line.statement)}\n\n> {escape(citation.passage)} "
            f"({citation.confidence.value} confidence)"
        )
    out += list(extra)
    if not cited and not extra:
        out.append("Nothing in this scenario cites it yet.")
    return "\n\n".join(out)


def lines_markdown(scenario: Scenario) -> str:
    """Every red line with how strong it is: party, hard or soft, stated or inferred, confidence,
    the kinds of agreement it counts for, and its citations (the `redlines sources` listing)."""
    from sim.engine.sources import line_records

    out = [f"# Every red line of {escape(scenario.title)}"]
    for record in line_records(scenario):
        line = record.line
        since = f" · from {record.since.isoformat()}" if record.since else ""
        out.append(f"**{escape(record.party.name)}**: {escape(line.statement)}\n\n"
                   f"*{line.kind.value} · {line.basis.value} · {record.confidence.value} confidence · for: "
                   f"{escape(', '.join(scenario.agreement_kind(k).title for k in record.kinds))}{since}*")
        out += [citation_markdown(scenario, c) for c in line.citations]
    return "\n\n".join(out)


def view_reasons_markdown(scenario: Scenario, view) -> str:
    """Why a party answers as it does, as far as the player may know (a game's ``PartyView``)."""
    verdict = cards.verdict_label(view.verdict)
    out = [f"# {escape(view.name)}: {verdict}"]
    if view.utility is not None and view.walk_away is not None:
        out.append(
            f"The draft is worth **{view.utility:.1f}** to {escape(mid_sentence(view.name))}; it needs **{view.walk_away:.1f}** "
            f"(margin {view.utility - view.walk_away:+.1f})."
        )
    elif view.walk_away is not None:
        out.append(f"It has told you it needs at least **{view.walk_away:.0f}** to sign anything.")
    else:
        out.append("You do not know yet how much this draft is worth to it: consult it in private to learn.")
    out.append(f"Trust in you: **{view.trust:.0f}** · patience: **{view.patience:.0f}**"
               + ("" if view.present else " · **it has walked out**"))
    crossed = [line for line in view.red_lines if line.crossed]
    kept = [line for line in view.red_lines if not line.crossed]
    if crossed:
        out.append("## Red lines the draft crosses")
        out += [red_line_markdown(scenario, line.red_line) for line in crossed]
    stake = {line.red_line.id: line.at_stake for line in kept}
    out += _kept_lines([line.red_line for line in kept], lambda line: stake[line.id])
    if not view.red_lines:
        out.append("*It has not told you its red lines yet.*")
    if view.priorities:
        out.append("## What it cares about (as far as you know)")
        ranked = sorted(view.priorities.items(), key=lambda item: -item[1])
        out += [f"- {escape(scenario.issue(issue).title)}: {share:.0f}%" for issue, share in ranked]
    if view.position:
        out.append(f"## Public position\n{escape(view.position)}")
    return "\n\n".join(out)


def feed_item_markdown(scenario: Scenario, item) -> str:
    """One feed item in full, with its sources."""
    out = [f"**{item.day.isoformat()}**: {escape(item.text)}"]
    if item.citations:
        out.append("## Sources")
        out += [citation_markdown(scenario, citation) for citation in item.citations]
    if item.note:
        out.append("## Where this comes from" if not item.citations else "## Note")
        out.append(escape(with_source_titles(scenario, item.note)))
    return "\n\n".join(out)

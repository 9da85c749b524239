"""The model in plain words and plain data, for every layer above it.

The game writes its story with these (a party's answer names the terms it objects to), the save
snapshot stores citations and proposals with them, and ``sim.present`` builds every report on
them: so each lives here once, below all of their users.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from sim.model.proposal import Proposal
from sim.model.scenario import Citation, Scenario, Source


def option_label(scenario: Scenario, issue_id: str, option_id: str | None) -> str:
    if option_id is None:
        return "open"
    return scenario.issue(issue_id).option(option_id).label


def terms_text(scenario: Scenario, terms: Iterable[tuple[str, str | None]]) -> str:
    """``Status of Mirel: Joint administration; Ceasefire monitoring: open``."""
    return "; ".join(f"{scenario.issue(issue).title}: {option_label(scenario, issue, option)}" for issue, option in terms)


def mid_sentence(name: str) -> str:
    """A name as it reads inside a sentence: ``The United States`` -> ``the United States``.
    (A sentence that starts with one gets its capital back from ``sentence``.)"""
    return "the " + name[4:] if name.startswith("The ") else name


def possessive(name: str) -> str:
    """``Israel`` -> ``Israel's``, ``The United States`` -> ``The United States'``, and a glossed name
    loses its gloss: ``Europe (the E3 and EU leaders)`` -> ``Europe's``."""
    name = name.split(" (", 1)[0] if name.endswith(")") else name
    return name + ("'" if name.endswith("s") else "'s")


def sentence(text: str) -> str:
    """``the United States accepts.`` -> ``The United States accepts.``"""
    return text[:1].upper() + text[1:]


def reflowed(scenario: Scenario, text: str) -> str:
    """A description as a player reads it: one paragraph, not broken at the file's line ends, and a
    ``(source us-28-point)`` reference named by the source's short title instead of its id (the
    outlet and its caveats are in the sources list, and nested brackets read badly here)."""
    import re

    def named(match: "re.Match[str]") -> str:
        try:
            return f"(source: “{short_title(scenario.source(match.group(1)))}”)"
        except KeyError:
            return match.group(0)

    return with_source_titles(scenario, re.sub(r"\(source ([\w-]+)\)", named, " ".join(text.split())))


def short_title(source: Source) -> str:
    """A source's title as a reader meets it in a sentence, without our "(our title: …)" remark."""
    return source.title.split(" (our title", 1)[0]


def with_source_titles(scenario: Scenario, text: str) -> str:
    """Free text from a scenario (a note, a description) as a player reads it: a source named by its
    id (``crbc-talks says …``) is named by its title instead, in quotes."""
    import re

    ids = {source.id: source for source in scenario.sources}
    if not ids or not any(i in text for i in ids):
        return text
    pattern = re.compile(r"(?<![\w/-])(" + "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True)) + r")(?![\w-])")
    return pattern.sub(lambda m: f"“{short_title(ids[m.group(1)])}”", text)


def party_names(scenario: Scenario, party_ids: Sequence[str], last: str = " and ") -> str:
    """``Russia, Ukraine and the United States`` (``last=", "`` lists them all with commas)."""
    names = [mid_sentence(scenario.party(p).name) for p in party_ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + last + names[-1]


def source_name(source: Source, between: str = ", ") -> str:
    """The source's title and, when it has one, its outlet: enough to find the document."""
    return f"{source.title}{between}{source.outlet}" if source.outlet else source.title


def citation_dict(scenario: Scenario, citation: Citation) -> dict[str, Any]:
    source = scenario.source(citation.source)
    return {
        "id": source.id,
        "title": source.title,
        "outlet": source.outlet,
        "date": source.date.isoformat(),
        "passage": citation.passage,
        "confidence": citation.confidence.value,
    }


def proposal_dict(proposal: Proposal) -> dict[str, Any]:
    return {"title": proposal.title, "terms": dict(proposal.terms)}

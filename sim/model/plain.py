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


def party_names(scenario: Scenario, party_ids: Sequence[str], last: str = " and ") -> str:
    """``Russia, Ukraine and The United States`` (``last=", "`` lists them all with commas)."""
    names = [scenario.party(p).name for p in party_ids]
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

"""The model in plain words and plain data, for every layer above it.

The game writes its story with these (a party's answer names the terms it objects to), the save
snapshot stores citations and proposals with them, and ``sim.present`` builds every report on
them: so each lives here once, below all of their users.
"""

from __future__ import annotations

from typing import Any, Iterable

from sim.model.proposal import Proposal
from sim.model.scenario import Citation, Scenario


def option_label(scenario: Scenario, issue_id: str, option_id: str | None) -> str:
    if option_id is None:
        return "open"
    return scenario.issue(issue_id).option(option_id).label


def terms_text(scenario: Scenario, terms: Iterable[tuple[str, str | None]]) -> str:
    """``Status of Mirel: Joint administration; Ceasefire monitoring: open``."""
    return "; ".join(f"{scenario.issue(issue).title}: {option_label(scenario, issue, option)}" for issue, option in terms)


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

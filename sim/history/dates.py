"""A case's scenario: the positions in force on its date, for the kind of agreement its text is.

The kind is the proposal's stated ``kind``, else the fullest kind whose required issues it all
settles and whose left-alone issues it leaves open (the rule of SCHEMA.md). A text that fits no kind
(an opening position often settles only some issues) is judged with the fullest kind's red lines and
walk-aways, and the scorecard says so: a verdict on it is still a party's verdict, though it could
never be a deal.
"""

from __future__ import annotations

import datetime as dt

from sim.model import Proposal, Scenario
from sim.model.resolve import resolve


def fitting_kind(scenario: Scenario, proposal: Proposal) -> str | None:
    if proposal.kind:
        return proposal.kind
    for kind in reversed(scenario.agreement_kinds):
        if all(i in proposal.terms for i in kind.settles) and not any(i in proposal.terms for i in kind.leaves):
            return kind.id
    return None


def positions_at(scenario: Scenario, date: dt.date, proposal: Proposal | None = None) -> tuple[Scenario, str | None]:
    """``scenario`` resolved for ``date`` and the proposal's kind, and that kind (None: fits none)."""
    kind = fitting_kind(scenario, proposal) if proposal is not None else None
    return resolve(scenario, kind or scenario.fullest_kind.id, date), kind

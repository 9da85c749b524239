"""A proposal: the terms of a draft agreement. Any issue it does not mention is open."""

from __future__ import annotations

from attrs import evolve, field

from sim.model.frozen_map import FrozenMap
from sim.record import frozen


def _freeze(terms: object) -> FrozenMap[str, str]:
    return terms if isinstance(terms, FrozenMap) else FrozenMap(terms)  # type: ignore[arg-type]


@frozen
class Proposal:
    scenario: str
    terms: FrozenMap[str, str] = field(factory=FrozenMap, converter=_freeze)
    title: str = ""
    description: str = ""
    kind: str = ""  # the kind of agreement it says it is; empty: the engine infers it
    # Where the proposal was loaded from; not part of its identity.
    path: str = field(default="", eq=False, repr=False)

    def option(self, issue_id: str) -> str | None:
        """The option chosen for an issue, or None when the issue is open."""
        return self.terms.get(issue_id)

    def with_term(self, issue_id: str, option_id: str | None) -> "Proposal":
        """The same proposal with one issue set, or opened when ``option_id`` is None."""
        if option_id is None:
            return evolve(self, terms=self.terms.without(issue_id))
        return evolve(self, terms=self.terms.replace(**{issue_id: option_id}))

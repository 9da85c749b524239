"""``closest_acceptable``: the smallest change to a draft that the chosen parties would all accept."""

from __future__ import annotations

from typing import Mapping, Sequence

from sim.analysis.closest import plan, search
from sim.analysis.memo import remembered
from sim.analysis.points import fixed_utilities, product_of_gains, utilities_map
from sim.analysis.problem import problem_for, query_key
from sim.analysis.results import Change, Suggestion
from sim.model import Proposal, Scenario
from sim.engine.kinds import kind_of
from sim.model.resolve import resolve


def draft_index(scenario: Scenario, draft: Proposal) -> tuple[int, ...]:
    """The draft's compiled index; ValueError naming a term the scenario does not have."""
    for issue_id, option_id in draft.terms.items():
        if issue_id not in scenario.issue_ids:
            raise ValueError(f"the draft sets unknown issue `{issue_id}`")
        if option_id not in scenario.issue(issue_id).option_ids:
            raise ValueError(f"the draft sets issue `{issue_id}` to unknown option `{option_id}`")
    from sim.engine import compiled

    return compiled(scenario).index(draft)


def closest_acceptable(
    scenario: Scenario,
    draft: Proposal,
    *,
    parties: Sequence[str] | None = None,
    min_utility: Mapping[str, float] | None = None,
    fixed: Mapping[str, str | None] | None = None,
) -> Suggestion | None:
    """The proposal the ``parties`` (default: every principal) all accept that changes the fewest
    issues of ``draft`` (opening or setting an issue counts as a change), ties broken by the
    product of their gains over their levels; None when they accept nothing (see ``why_none``).

    ``min_utility`` replaces a listed party's walk-away level (higher when it is patient, lower
    under pressure); its hard red lines always hold. ``fixed`` pins issues to an option id, or to
    None for "must stay open".
    """
    # A counter-proposal is of the draft's own kind (stated, or the fullest it fits), on the scenario's date.
    scenario = resolve(scenario, None if scenario.kind else kind_of(scenario, draft).kind.id)
    key = query_key(parties, min_utility, fixed)
    problem = problem_for(scenario, parties=parties, levels=min_utility, fixed=fixed)
    the_plan = remembered(scenario, ("plan", *key), lambda: plan(problem))
    before = draft_index(scenario, draft)
    found = search(problem, the_plan, before)
    if found is None:
        return None
    index, _columns, distance = found
    title = f"Closest acceptable to {draft.title}" if draft.title else "Closest acceptable proposal"
    proposal = problem.compiled.proposal(index, title=title)
    changes = tuple(
        Change(issue_id, draft.option(issue_id), proposal.option(issue_id))
        for issue_id, was, now in zip(scenario.issue_ids, before, index)
        if was != now
    )
    utilities = fixed_utilities(problem, index)
    return Suggestion(
        proposal=proposal,
        changes=changes,
        distance=distance,
        utilities=utilities_map(problem, utilities),
        nash_product=product_of_gains(problem, utilities),
    )

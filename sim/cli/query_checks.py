"""Checks of the flags that shape an analysis query (--party, --min-utility, --fix)."""

from __future__ import annotations

from typing import Sequence

from sim.analysis.overrides_file import party_number
from sim.loading.problems import suggest
from sim.loading.problems import Problem, ScenarioError
from sim.model import Scenario


def check_query(
    scenario: Scenario, parties: Sequence[str] | None, min_utility: Sequence[str], fix: Sequence[str]
) -> tuple[list[str] | None, dict[str, float] | None, dict[str, str | None] | None]:
    """--party, --min-utility and --fix checked against the scenario; ScenarioError naming the flag."""
    problems = []

    def problem(flag: str, value: str, message: str, fix_text: str) -> None:
        problems.append(Problem("command line", (), f"{flag} {value}: {message}", fix_text))

    chosen = None
    if parties:
        chosen = []
        for party_id in parties:
            if party_id not in scenario.party_ids:
                problem("--party", party_id, "no such party", suggest(party_id, scenario.party_ids))
            elif party_id not in chosen:
                chosen.append(party_id)
    levels: dict[str, float] = {}
    required = chosen if chosen is not None else [p.id for p in scenario.principals]
    for value in min_utility:
        party_id, level = party_number(value)
        if level is None or not 0 <= level <= 100:
            problem("--min-utility", value, "expected PARTY=N with N from 0 to 100", "write e.g. --min-utility russia=70")
        elif party_id not in scenario.party_ids:
            problem("--min-utility", value, f"no party `{party_id}`", suggest(party_id, scenario.party_ids))
        elif party_id not in required:
            problem("--min-utility", value, f"`{party_id}` is not among the parties asked",
                    f"add --party {party_id}, or leave it out")
        else:
            levels[party_id] = level
    fixed: dict[str, str | None] = {}
    for value in fix:
        issue_id, sep, option_id = value.partition("=")
        if not sep:
            problem("--fix", value, "expected ISSUE=OPTION", "write e.g. --fix mirel=joint_admin, or mirel=open")
        elif issue_id not in scenario.issue_ids:
            problem("--fix", value, f"no issue `{issue_id}`", suggest(issue_id, scenario.issue_ids))
        elif option_id != "open" and option_id not in scenario.issue(issue_id).option_ids:
            problem("--fix", value, f"issue `{issue_id}` has no option `{option_id}`",
                    suggest(option_id, scenario.issue(issue_id).option_ids) + "; or `open`")
        else:
            fixed[issue_id] = None if option_id == "open" else option_id
    if problems:
        raise ScenarioError(problems)
    return chosen, levels or None, fixed or None

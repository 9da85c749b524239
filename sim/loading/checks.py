"""Checks that need the whole scenario: ids, cross-references, ranges, and self-contradiction.

Each check reports at the key path where the author must make the fix.
"""

from __future__ import annotations

import re
from typing import Collection, Iterable, Iterator

from sim.engine.compiled import compile_rule
from sim.engine.satisfiable import Undecided, satisfying_choices
from sim.loading.problems import suggest
from sim.loading.problems import KeyPath
from sim.model.rules import AtLeast, AtMost, Rule, child_keys, children
from sim.model.scenario import Citation, Issue, Party, RedLine, Scenario, Source

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")  # used with fullmatch: `$` would let "id\n" through
ID_FIX = "ids use lowercase letters, digits, `_` and `-`, like `nato_membership`"

Found = list[tuple[KeyPath, str, str]]


def check_id(value: str, path: KeyPath, found: Found) -> None:
    if not ID_PATTERN.fullmatch(value):
        found.append((path, f"`{value}` is not a valid id", ID_FIX))


def check_text(value: str, path: KeyPath, found: Found, what: str) -> None:
    if not value.strip():
        found.append((path, f"the {what} is empty", f"write the {what}"))


def check_library(header, found: Found) -> None:
    """The library's listing keys: a tagline is one line, a playing time a sensible number of minutes."""
    if "\n" in header.tagline.strip() or len(header.tagline) > 160:
        found.append((("tagline",), "the tagline must be one line of at most 160 characters",
                      "shorten it; the summary holds the longer text"))
    if header.playing_minutes is not None and not 1 <= header.playing_minutes <= 600:
        found.append((("playing_minutes",), f"{header.playing_minutes} is out of range",
                      "give a typical game's length in minutes, from 1 to 600"))


def check_range(value: float, path: KeyPath, found: Found, low: float = 0, high: float = 100) -> None:
    if not low <= value <= high:
        found.append((path, f"{value:g} is out of range", f"use a number from {low:g} to {high:g}"))


def check_unique(ids: Iterable[tuple[str, KeyPath]], found: Found, what: str) -> None:
    seen: dict[str, KeyPath] = {}
    for value, path in ids:
        if value in seen:
            found.append((path, f"duplicate {what} id `{value}`", "give each a different id"))
        else:
            seen[value] = path


def rule_leaves(rule: Rule, path: KeyPath) -> Iterator[tuple[Rule, KeyPath]]:
    kids = children(rule)
    if not kids:
        yield rule, path
    for child, keys in zip(kids, child_keys(rule)):
        yield from rule_leaves(child, path + keys)


def check_rule_references(
    rule: Rule, path: KeyPath, issues: dict[str, Issue], unknown_ok: set[str], found: Found
) -> None:
    for leaf, leaf_path in rule_leaves(rule, path):
        issue = issues.get(leaf.issue)  # type: ignore[union-attr]
        if issue is None:
            if leaf.issue not in unknown_ok:  # type: ignore[union-attr]
                found.append(
                    (leaf_path + ("issue",), f"unknown issue `{leaf.issue}`", suggest(leaf.issue, issues))  # type: ignore[union-attr]
                )
            continue
        key = leaf.op.value
        options = (leaf.option,) if isinstance(leaf, (AtLeast, AtMost)) else leaf.options  # type: ignore[union-attr]
        for option in options:
            if option not in issue.option_ids:
                found.append(
                    (
                        leaf_path + (key,),
                        f"issue `{issue.id}` has no option `{option}`",
                        suggest(option, issue.option_ids),
                    )
                )


def check_citations(citations: Iterable[Citation], at: KeyPath, sources: Collection[str], found: Found) -> None:
    for k, citation in enumerate(citations):
        if citation.source not in sources:
            found.append((at + ("citations", k, "source"), f"unknown source `{citation.source}`",
                          suggest(citation.source, sorted(sources))))
        check_text(citation.passage, at + ("citations", k, "passage"), found, "passage")


def check_red_line(
    red_line: RedLine,
    at: KeyPath,
    issues: dict[str, Issue],
    sources: Collection[str],
    found: Found,
    *,
    unknown_issues: Collection[str] = frozenset(),
    citations_table: str | None = "[[parties.red_lines.citations]]",
) -> None:
    """A red line's own checks, wherever it is written. ``citations_table`` names the table to add
    when it cites nothing; None where citations may be left out (a what-if's invented red line)."""
    check_id(red_line.id, at + ("id",), found)
    check_text(red_line.statement, at + ("statement",), found, "statement")
    check_range(red_line.penalty, at + ("penalty",), found)
    if citations_table and not red_line.citations:
        found.append((at + ("citations",), f"red line `{red_line.id}` cites no source",
                      f"add a {citations_table} table with source, passage and confidence"))
    check_citations(red_line.citations, at, sources, found)
    check_rule_references(red_line.rule, at + ("rule",), issues, unknown_issues, found)


def check_sources(sources: list[tuple[int, Source]], found: Found) -> None:
    for i, source in sources:
        check_id(source.id, ("sources", i, "id"), found)
        check_text(source.title, ("sources", i, "title"), found, "title")
    check_unique(((s.id, ("sources", i, "id")) for i, s in sources), found, "source")


def check_issues(issues: list[tuple[int, Issue]], found: Found) -> None:
    for i, issue in issues:
        check_id(issue.id, ("issues", i, "id"), found)
        check_text(issue.title, ("issues", i, "title"), found, "title")
        if not issue.options:
            found.append((("issues", i, "options"), f"issue `{issue.id}` has no options", "list at least one option"))
        for j, option in enumerate(issue.options):
            check_id(option.id, ("issues", i, "options", j, "id"), found)
            check_text(option.label, ("issues", i, "options", j, "label"), found, "label")
        check_unique(
            ((o.id, ("issues", i, "options", j, "id")) for j, o in enumerate(issue.options)),
            found,
            f"option (in issue `{issue.id}`)",
        )
    check_unique(((s.id, ("issues", i, "id")) for i, s in issues), found, "issue")


def check_party(
    i: int, party: Party, issues: dict[str, Issue], sources: set[str], unknown_ok: set[str], found: Found
) -> None:
    at: KeyPath = ("parties", i)
    check_id(party.id, at + ("id",), found)
    check_text(party.name, at + ("name",), found, "name")
    check_range(party.walk_away, at + ("walk_away",), found)
    check_preferences(party.id, party.preferences, at, issues, unknown_ok, found)
    for j, red_line in enumerate(party.red_lines):
        check_red_line(red_line, at + ("red_lines", j), issues, sources, found, unknown_issues=unknown_ok)
    check_unique(((r.id, at + ("red_lines", j, "id")) for j, r in enumerate(party.red_lines)), found,
                 f"red line (of party `{party.id}`)")


def check_preferences(party_id: str, preferences, at: KeyPath, issues: dict[str, Issue], unknown_ok: set[str],
                      found: Found, require_weight: bool = True) -> None:
    """A party's preferences (or a change's replacements, which need not add up to any weight)."""
    for issue_id, pref in preferences.items():
        here = at + ("preferences", issue_id)
        issue = issues.get(issue_id)
        if issue is None:
            if issue_id not in unknown_ok:
                found.append((here, f"unknown issue `{issue_id}`", suggest(issue_id, issues)))
            continue
        check_range(pref.weight, here + ("weight",), found)
        check_range(pref.open, here + ("open",), found)
        for option_id, value in pref.values.items():
            if option_id not in issue.option_ids:
                found.append(
                    (here + ("values", option_id), f"issue `{issue_id}` has no option `{option_id}`",
                     suggest(option_id, issue.option_ids))
                )
            else:
                check_range(value, here + ("values", option_id), found)
        missing = [o for o in issue.option_ids if o not in pref.values]
        if missing:
            listed = ", ".join(f"`{o}`" for o in missing)
            found.append((here + ("values",), f"no value for {listed}", "give every option a value from 0 to 100"))
    if not require_weight:
        return
    if preferences and not any(p.weight > 0 for p in preferences.values()):
        found.append((at + ("preferences",), f"party `{party_id}` gives every issue weight 0",
                      "give at least one issue a weight above 0"))
    elif not preferences:
        found.append((at, f"party `{party_id}` has no preferences", "add [parties.preferences.<issue>] tables"))


def check_consistency(i: int, party: Party, scenario: Scenario, found: Found) -> None:
    """Every red line of a party must be able to hold at once; if not, name a minimal clash.
    The search is bounded: a set too tangled to decide in time is reported as such."""
    sizes = [len(issue.options) + 1 for issue in scenario.issues]
    for kind_id in scenario.kind_ids:  # a line counts only for its kinds, so only those must agree
        lines = [r for r in party.red_lines if r.applies(kind_id)]
        try:
            holds = satisfying_choices([compile_rule(r.rule, scenario) for r in lines], sizes) is not None
        except Undecided as undecided:
            found.append((("parties", i, "red_lines"), f"could not decide in {undecided.seconds:.1f} s whether the red "
                          f"lines of `{party.id}` can all hold at once: they tie too many issues together",
                          "split or simplify them (fewer issues per rule), then validate again"))
            return
        if not holds:
            _report_clash(i, party, lines, scenario, sizes, found)
            return


def _report_clash(i: int, party: Party, lines: list[RedLine], scenario: Scenario, sizes: list[int],
                  found: Found) -> None:
    rules = [compile_rule(r.rule, scenario) for r in lines]
    clash = list(range(len(rules)))
    for j in list(clash):  # drop every red line the contradiction does not need
        trial = [k for k in clash if k != j]
        try:
            if satisfying_choices([rules[k] for k in trial], sizes) is None:
                clash = trial
        except Undecided:
            pass  # keep this line in the clash named: the report stays true, if not minimal
    names = ", ".join(f"`{lines[k].id}`" for k in clash)
    found.append((("parties", i, "red_lines"), f"the red lines of `{party.id}` contradict each other: {names} "
                  "cannot all hold at once", "relax or remove one of them"))

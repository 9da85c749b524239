"""Checks for agreement kinds, the kinds a party's lines and walk-aways name, how strong a line's
sources are, source documents, and dated changes (SCHEMA of issue 8, documented in FORMAT.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Collection, Iterable

from sim.loading import checks
from sim.loading.converter import suggest
from sim.loading.problems import KeyPath
from sim.model import Proposal, Scenario
from sim.model.scenario import AgreementKind, Basis, Citation, Confidence, Issue, Party, RedLine, Source

Found = checks.Found


def check_kinds(kinds: list[tuple[int, AgreementKind]], issues: dict[str, Issue], unknown_ok: set[str],
                found: Found) -> None:
    for i, kind in kinds:
        at: KeyPath = ("kinds", i)
        checks.check_id(kind.id, at + ("id",), found)
        checks.check_text(kind.title, at + ("title",), found, "title")
        if not kind.settles:
            found.append((at + ("settles",), f"kind `{kind.id}` settles no issue",
                          "list the issues a text of this kind must settle, like settles = [\"prisoners\"]"))
        for key in ("settles", "leaves"):
            for j, issue_id in enumerate(getattr(kind, key)):
                if issue_id not in issues and issue_id not in unknown_ok:
                    found.append((at + (key, j), f"unknown issue `{issue_id}`", suggest(issue_id, issues)))
        for issue_id in sorted(set(kind.settles) & set(kind.leaves)):
            found.append((at + ("leaves",), f"kind `{kind.id}` both settles and leaves `{issue_id}`",
                          "keep the issue in one of the two lists"))
    checks.check_unique(((k.id, ("kinds", i, "id")) for i, k in kinds), found, "kind")


def _check_walk_aways(by_kind: dict[str, float], at: KeyPath, kind_ids: list[str], found: Found) -> None:
    for kind_id, value in by_kind.items():
        if kind_id not in kind_ids:
            found.append((at + ("walk_away", kind_id), f"unknown kind `{kind_id}`",
                          suggest(kind_id, ["default", *kind_ids])))
        else:
            checks.check_range(value, at + ("walk_away", kind_id), found)


def check_line_kinds(line: RedLine, at: KeyPath, kind_ids: list[str], found: Found) -> None:
    """The kinds a line names exist, and a hard line is no stronger than its sources."""
    for j, kind_id in enumerate(line.applies_to):
        if kind_id not in kind_ids:
            found.append((at + ("applies_to", j), f"unknown kind `{kind_id}`", suggest(kind_id, kind_ids)))
    if not line.hard:
        return
    if line.citations and all(c.confidence is Confidence.LOW for c in line.citations):
        found.append((at + ("kind",), f"red line `{line.id}` is hard, but every citation of it is of low confidence",
                      'make it kind = "soft", or cite a source of medium or high confidence'))
    if line.basis is Basis.INFERRED:
        found.append((at + ("kind",), f"red line `{line.id}` is inferred, not stated, so it cannot be a hard veto",
                      'make it kind = "soft" (inferred lines are soft), or cite where the party states it'))


def check_citation_dates(citations: Iterable[Citation], at: KeyPath, sources: dict[str, Source], found: Found) -> None:
    for k, citation in enumerate(citations):
        source = sources.get(citation.source)
        if source is not None and citation.on is not None and citation.on > source.date:
            found.append((at + ("citations", k, "on"),
                          f"the event is dated {citation.on}, after its source `{source.id}` ({source.date})",
                          "a source can only report what happened by its own date; fix `on` or the source's date"))


def check_party_kinds(i: int, party: Party, kind_ids: list[str], issues: dict[str, Issue],
                      sources: dict[str, Source], source_ids: Collection[str], unknown_ok: set[str],
                      found: Found) -> None:
    at: KeyPath = ("parties", i)
    _check_walk_aways(dict(party.walk_away_by_kind), at, kind_ids, found)
    for j, line in enumerate(party.red_lines):
        check_line_kinds(line, at + ("red_lines", j), kind_ids, found)
        check_citation_dates(line.citations, at + ("red_lines", j), sources, found)
    known_lines = {line.id for line in party.red_lines}
    previous = None
    for c, change in enumerate(party.changes):
        here = at + ("changes", c)
        if previous is not None and change.date < previous:
            found.append((here + ("date",), f"this change ({change.date}) comes after one dated {previous}",
                          "list a party's changes in date order"))
        previous = change.date
        checks.check_text(change.summary, here + ("summary",), found, "summary")
        if change.walk_away is not None:
            checks.check_range(change.walk_away, here + ("walk_away",), found)
        _check_walk_aways(dict(change.walk_away_by_kind), here, kind_ids, found)
        if not change.citations:
            found.append((here + ("citations",), f"the change of {change.date} cites no source",
                          "add a [[parties.changes.citations]] table with source, passage and confidence"))
        checks.check_citations(change.citations, here, source_ids, found)
        check_citation_dates(change.citations, here, sources, found)
        for k, citation in enumerate(change.citations):
            source = sources.get(citation.source)
            reported = citation.on if citation.on is not None else (source.date if source else None)
            if reported is not None and change.date < reported:
                what = "the event it cites" if citation.on is not None else f"its source `{citation.source}`"
                found.append((here + ("date",), f"the change is dated {change.date}, before {what} ({reported})",
                              "date the change on or after the event; give the citation `on = <date>` "
                              "when the source reports an earlier event"))
        checks.check_preferences(party.id, change.preferences, here, issues, unknown_ok, found,
                                 require_weight=False)
        for j, line in enumerate(change.red_lines):
            line_at = here + ("red_lines", j)
            checks.check_red_line(line, line_at, issues, source_ids, found, unknown_issues=unknown_ok,
                                  citations_table="[[parties.changes.red_lines.citations]]")
            check_line_kinds(line, line_at, kind_ids, found)
            check_citation_dates(line.citations, line_at, sources, found)
        for j, line_id in enumerate(change.drop_red_lines):
            if line_id not in known_lines:
                found.append((here + ("drop_red_lines", j), f"party `{party.id}` has no red line `{line_id}` by then",
                              suggest(line_id, sorted(known_lines))))
        known_lines |= {line.id for line in change.red_lines}


def check_source_documents(sources: list[tuple[int, Source]], file_path: str, found: Found) -> None:
    """A source's document must ship inside the scenario's folder: a player is never pointed at a
    file the repository does not have."""
    folder = Path(file_path).parent if Path(file_path).is_file() else None
    for i, source in sources:
        if not source.document:
            continue
        name = Path(source.document)
        if name.is_absolute() or ".." in name.parts:
            found.append((("sources", i, "document"), f"`{source.document}` is outside the scenario's folder",
                          "name a file inside the scenario's folder, or leave `document` out"))
        elif folder is not None and not (folder / name).is_file():
            found.append((("sources", i, "document"), f"no file `{source.document}` in the scenario's folder",
                          "ship the document in the folder, or leave `document` out"))


def check_proposal_kind(proposal: Proposal, scenario: Scenario, found: list) -> None:
    if proposal.kind and proposal.kind not in scenario.kind_ids:
        found.append((("kind",), f"unknown kind `{proposal.kind}`", suggest(proposal.kind, scenario.kind_ids)))

"""How strong each red line is and what it rests on: the data of `redlines sources` and the app's
sources screen. A verdict is only as strong as its source, so a teacher can see every line with its
party, hard or soft, stated or inferred, its confidence, the kinds of agreement it counts for and
its citations; and every source with its outlet, date and whether that date is estimated."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sim.model import Scenario
from sim.model.scenario import Citation, Confidence, Party, RedLine, Source
from sim.record import frozen

_STRENGTH = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


@frozen
class LineRecord:
    party: Party
    line: RedLine
    since: dt.date | None  # None: held from the start of the record; else the change that brought it
    kinds: tuple[str, ...]  # the kinds of agreement it counts for

    @property
    def confidence(self) -> Confidence:
        """Its strongest citation's confidence (low when it cites nothing)."""
        return max((c.confidence for c in self.line.citations), key=_STRENGTH.__getitem__, default=Confidence.LOW)


def line_records(scenario: Scenario) -> list[LineRecord]:
    """Every red line of every party, those its dated changes bring included, in file order."""
    records = []
    for party in scenario.parties:
        for line in party.red_lines:
            records.append(LineRecord(party, line, None, line.applies_to or scenario.kind_ids))
        for change in party.changes:
            for line in change.red_lines:
                records.append(LineRecord(party, line, change.date, line.applies_to or scenario.kind_ids))
    return records


def source_dict(source: Source) -> dict[str, Any]:
    return {"id": source.id, "title": source.title, "outlet": source.outlet, "date": source.date.isoformat(),
            "date_estimated": source.date_estimated, "url": source.url, "document": source.document}


def citation_record(scenario: Scenario, citation: Citation) -> dict[str, Any]:
    source = scenario.source(citation.source)
    return {"source": source.id, "title": source.title, "outlet": source.outlet, "date": source.date.isoformat(),
            "date_estimated": source.date_estimated, "passage": citation.passage,
            "confidence": citation.confidence.value, "on": citation.on.isoformat() if citation.on else None}


def sources_dict(scenario: Scenario) -> dict[str, Any]:
    return {
        "scenario": scenario.id,
        "kinds": [{"id": k.id, "title": k.title, "settles": list(k.settles), "leaves": list(k.leaves),
                   "ends_fighting": k.ends_fighting} for k in scenario.agreement_kinds],
        "sources": [source_dict(s) for s in scenario.sources],
        "lines": [
            {"party": r.party.id, "id": r.line.id, "statement": r.line.statement, "hard": r.line.hard,
             "kind": r.line.kind.value, "basis": r.line.basis.value, "confidence": r.confidence.value,
             "applies_to": list(r.kinds), "since": r.since.isoformat() if r.since else None,
             "citations": [citation_record(scenario, c) for c in r.line.citations]}
            for r in line_records(scenario)
        ],
    }

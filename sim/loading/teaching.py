"""The optional ``[teaching]`` table of a scenario, checked like the rest of the file."""

from __future__ import annotations

from typing import Any

from sim.loading.checks import check_text
from sim.loading.converter import describe_value, suggest
from sim.loading.problems import KeyPath
from sim.loading.structure import structure_element
from sim.model import Teaching
from sim.model.scenario import Party, Source

Found = list[tuple[KeyPath, str, str]]


def load_teaching(raw: Any, header: Any, parties: list[tuple[int, Party]], sources: list[tuple[int, Source]],
                  found: Found) -> Teaching:
    """The structured table (an empty one when it is missing or broken: the file fails anyway)."""
    at: KeyPath = ("teaching",)
    if not isinstance(raw, dict):
        found.append((at, f"expected a table, found {describe_value(raw)}", "write a [teaching] table"))
        return Teaching()
    teaching = structure_element(raw, Teaching, at, found)
    if teaching is None:
        return Teaching()
    for key in ("questions", "notes", "rubric"):
        for i, text in enumerate(getattr(teaching, key)):
            check_text(text, at + (key, i), found, "text")
    party_ids = [p.id for _, p in parties]
    for party_id, text in teaching.confidential.items():
        if party_id not in party_ids:
            found.append((at + ("confidential", party_id), f"unknown party `{party_id}`", suggest(party_id, party_ids)))
        check_text(text, at + ("confidential", party_id), found, "text")
    source_ids = [s.id for _, s in sources]
    previous = None
    for i, event in enumerate(teaching.aftermath):
        here = at + ("aftermath", i)
        check_text(event.text, here + ("text",), found, "text")
        if header is not None and event.date < header.as_of:
            found.append((here + ("date",), f"{event.date} is before the scenario's date ({header.as_of})",
                          "list only what happened after `as_of`; the rest belongs in the scenario itself"))
        if previous is not None and event.date < previous:
            found.append((here + ("date",), f"{event.date} comes after a later date ({previous})", "list them in date order"))
        previous = event.date
        for j, source in enumerate(event.sources):
            if source not in source_ids:
                found.append((here + ("sources", j), f"unknown source `{source}`", suggest(source, source_ids)))
    return teaching

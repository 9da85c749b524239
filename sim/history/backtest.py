"""The backtest: every recorded case evaluated at its own date, each party's verdict against the
record, and for every miss the red line or walk-away level that decided the engine's verdict."""

from __future__ import annotations

from sim.engine import PartyAssessment, Verdict, assess
from sim.engine.kinds import KindFit
from sim.history.cases import Case, History, Recorded
from sim.history.dates import positions_at
from sim.model import Proposal, Scenario
from sim.record import frozen

# Which engine verdicts each recorded verdict matches: "not_reject" only says "no veto".
MATCHES: dict[Recorded, frozenset[Verdict]] = {
    Recorded.REJECT: frozenset({Verdict.REJECT}),
    Recorded.NOT_REJECT: frozenset({Verdict.BASIS, Verdict.ACCEPT}),
    Recorded.BASIS: frozenset({Verdict.BASIS}),
    Recorded.ACCEPT: frozenset({Verdict.ACCEPT}),
}


@frozen
class Cell:
    """One party's verdict in one case: the record, the engine, and what decided the engine."""

    case: Case
    party: str
    recorded: Recorded
    engine: Verdict
    utility: float
    walk_away: float
    lines: tuple[str, ...]  # ids of the hard red lines crossed (what decided a reject)
    kind: str  # the kind of agreement the text was judged as
    fits: bool  # the text is of that kind (else it fits no kind, and this is the nearest)

    @property
    def matched(self) -> bool:
        return self.engine in MATCHES[self.recorded]

    @property
    def decided_by(self) -> str:
        """The line or level behind the engine's verdict, in words."""
        if self.lines:
            return "hard red line " + ", ".join(f"`{line}`" for line in self.lines)
        side = "at or above" if self.engine is Verdict.ACCEPT else "below"
        return f"walk-away: utility {self.utility:.1f} {side} walk-away {self.walk_away:g} (no hard red line crossed)"

    @property
    def kind_note(self) -> str:
        if self.fits:
            return f"judged as kind `{self.kind}`"
        return f"the text fits no kind of agreement; judged as the nearest, `{self.kind}`"


@frozen
class Scorecard:
    scenario: Scenario
    cells: tuple[Cell, ...]
    case_count: int

    @property
    def matched(self) -> int:
        return sum(c.matched for c in self.cells)

    @property
    def misses(self) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if not c.matched)

    @property
    def cases_matched(self) -> int:
        missed = {c.case.id for c in self.misses}
        return self.case_count - len(missed)


def _cell(case: Case, party: str, recorded: Recorded, result: PartyAssessment, fit: KindFit) -> Cell:
    return Cell(case, party, recorded, result.verdict, result.utility, result.walk_away,
                tuple(v.id for v in result.violations), fit.kind.id, fit.fits)


def backtest(scenario: Scenario, history: History | None, presets: dict[str, Proposal]) -> Scorecard:
    """Scores every case of ``history`` (None: no cases) with the positions as of its date."""
    cases = history.cases if history else ()
    cells = []
    for case in cases:
        assessment = assess(positions_at(scenario, case.date), presets[case.proposal])
        for party, recorded in case.verdicts.items():
            cells.append(_cell(case, party, recorded, assessment.party(party), assessment.kind))
    return Scorecard(scenario, tuple(cells), len(cases))


def scorecard_dict(card: Scorecard) -> dict:
    return {
        "id": card.scenario.id,
        "title": card.scenario.title,
        "cases": card.case_count,
        "cases_matched": card.cases_matched,
        "cells": len(card.cells),
        "matched": card.matched,
        "misses": [
            {
                "case": c.case.id, "date": c.case.date.isoformat(), "proposal": c.case.proposal,
                "party": c.party, "recorded": c.recorded.value, "engine": c.engine.value,
                "utility": round(c.utility, 1), "walk_away": c.walk_away,
                "red_lines": list(c.lines), "decided_by": c.decided_by, "kind": c.kind, "fits_kind": c.fits,
                "sources": [ci.source for ci in c.case.citations],
            }
            for c in card.misses
        ],
    }


def backtest_scenario(scenario: Scenario) -> Scorecard:
    """The scorecard of a loaded scenario, from its own presets and history.toml."""
    from sim import catalog  # deferred: catalog imports the loaders, which this module's users may not need
    from sim.history.history_file import load_history

    presets = {path.stem: catalog.find_proposal(str(path), scenario) for path in catalog.preset_paths(scenario)}
    return backtest(scenario, load_history(scenario, sorted(presets)), presets)

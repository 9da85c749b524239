"""How solid the analysis is: does a deal exist, and where is the Nash point, across calibrations.

Each calibration (`sim.analysis.calibrate`) is first put to the quick bound of
`sim.analysis.certificate`; only the calibrations it cannot prove deal-less are analysed exactly
(`nash_point` on the calibrated scenario), so the figures are exact, not estimated. The same
calibrations are then used again with every low-confidence red line set aside.
"""

from __future__ import annotations

import collections
from typing import Callable, Mapping

import numpy as np

from sim.analysis.blocks import TooTangled
from sim.analysis.calibrate import calibrated_scenario, draw, levels, party_tables
from sim.analysis.certificate import Bound, fixed_domains, layout
from sim.analysis.firmness import set_aside
from sim.analysis.overview import nash_point
from sim.analysis.trades import SOFTEN_PENALTY
from sim.engine.compiled import compiled
from sim.model import FrozenMap, Scenario
from sim.model.resolve import resolve
from sim.model.scenario import Confidence
from sim.model.uncertainty import DEFAULT, Spread
from sim.record import frozen

SAMPLES = 200
MODES = 3  # most common Nash points reported

Progress = Callable[[str, int, int], None]


@frozen
class NashMode:
    terms: FrozenMap[str, str]
    count: int


@frozen
class Variant:
    name: str  # "as written" or "without low-confidence lines"
    deal: bool  # a deal exists with the numbers as written
    nash: FrozenMap[str, str] | None  # the Nash point's terms as written
    deal_share: float  # share of calibrations in which a deal exists
    nash_same: float  # share of calibrations whose Nash point has the same terms as written
    modes: tuple[NashMode, ...]  # the most common Nash points across calibrations
    # principal id → (5th percentile, median, 95th) of its utility at the Nash point, over the
    # calibrations with a deal
    spread: FrozenMap[str, tuple[float, float, float]]
    exact_checks: int  # calibrations the bound could not settle, analysed exactly


@frozen
class AnalysisRobustness:
    samples: int
    seed: int
    variants: tuple[Variant, ...]


def _variant(name: str, scenario: Scenario, calibrations, fixed, report: Progress, offset: int,
             total: int) -> Variant:
    table = compiled(scenario)
    written = nash_point(scenario, fixed=fixed)
    try:
        shape = layout(table, fixed_domains(table, fixed))
    except TooTangled:
        shape = None
    principals = table.principals
    tables = {p: party_tables(scenario, calibrations.parties[p]) for p in principals}
    wanted = {p: levels(calibrations.parties[p]) for p in principals}
    found = []
    exact = 0
    for row in range(calibrations.count):
        report("calibrations", offset + row, total)
        if shape is not None:
            bound = Bound(shape, [[t[row] for t in tables[p]] for p in principals],
                          [int(wanted[p][row]) for p in principals], SOFTEN_PENALTY)
            if bound.no_deal():
                continue
        exact += 1
        point = nash_point(calibrated_scenario(calibrations, row, scenario), fixed=fixed)
        if point is not None:
            found.append(point)
    count = calibrations.count or 1
    modes = collections.Counter(tuple(sorted(p.proposal.terms.items())) for p in found)
    same = sum(1 for p in found if written is not None and p.proposal.terms == written.proposal.terms)
    spread = {}
    for p in principals:
        party_id = table.scenario.parties[p].id
        utilities = [point.utilities[party_id] for point in found]
        if utilities:
            spread[party_id] = tuple(float(x) for x in np.percentile(utilities, [5, 50, 95]))
    return Variant(
        name=name,
        deal=written is not None,
        nash=None if written is None else written.proposal.terms,
        deal_share=len(found) / count,
        nash_same=same / count,
        modes=tuple(NashMode(FrozenMap(dict(terms)), n) for terms, n in modes.most_common(MODES)),
        spread=FrozenMap(spread),
        exact_checks=exact,
    )


def analysis_robustness(scenario: Scenario, *, samples: int = SAMPLES, seed: int = 0,
                        fixed: Mapping[str, str | None] | None = None, default: Spread = DEFAULT,
                        progress: Progress | None = None) -> AnalysisRobustness:
    report = progress or (lambda stage, done, total: None)
    scenario = resolve(scenario)  # a deal is always a deal of one kind (its lines, its walk-aways)
    calibrations = draw(scenario, samples, seed, default)
    variants = []
    plan = (("as written", scenario), ("without low-confidence lines", set_aside(scenario, Confidence.LOW)))
    for k, (name, variant) in enumerate(plan):
        variants.append(_variant(name, variant, calibrations, fixed, report, k * samples, len(plan) * samples))
    report("calibrations", len(plan) * samples, len(plan) * samples)
    return AnalysisRobustness(samples, seed, tuple(variants))

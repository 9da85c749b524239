"""How solid a verdict is: the same proposal judged under many calibrations, and without weak lines.

``verdict_robustness(scenario, proposal)`` draws calibrations (`sim.analysis.calibrate`) and, for
each party, counts how often its verdict stays what the scenario as written gives. Red lines do not
move with calibration, so a verdict a hard line decides always holds; a verdict that hangs on a
walk-away level or a weight is the one that can flip. It also names the numbers each verdict is
most sensitive to (each number moved alone to either end of its range: how far the margin over
the walk-away level moves, and whether that alone flips the verdict), and gives the verdicts once
every low-confidence red line, then every medium-confidence one, is set aside.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from sim.analysis.calibrate import PartyDraws, as_written, draw, levels, totals
from sim.analysis.firmness import RANK, confidence
from sim.engine import Assessment, Verdict, assess
from sim.engine.assess import verdict_of
from sim.engine.compiled import FULL, SCALE, compiled
from sim.model import FrozenMap, Proposal, Scenario
from sim.model.resolve import resolve
from sim.model.scenario import Confidence
from sim.model.uncertainty import DEFAULT, Spread
from sim.record import frozen

SAMPLES = 1000
SHOWN = 3  # sensitive numbers reported per party
FRAGILE = 0.9  # a verdict holding in fewer calibrations than this is called fragile


@frozen
class Sensitivity:
    """One number moved alone to either end of its range."""

    number: str  # "walk_away", "weight:<issue>" or "value:<issue>"
    low: float  # the number's range
    high: float
    margin_low: float  # the party's margin over its walk-away level at each end (utility points)
    margin_high: float
    flips: bool  # either end alone changes the verdict


@frozen
class PartyRobustness:
    party: str
    verdict: Verdict  # as the scenario is written
    holds: float  # share of calibrations giving the same verdict
    verdicts: FrozenMap[str, int]  # verdict → calibrations
    margin: tuple[float, float, float]  # 5th percentile, median, 95th of the margin (utility points)
    sensitive: tuple[Sensitivity, ...]  # the largest swings first
    without_low: Verdict  # every low-confidence red line set aside
    without_medium: Verdict  # every low- and medium-confidence red line set aside

    @property
    def fragile(self) -> bool:
        return self.holds < FRAGILE


@frozen
class VerdictRobustness:
    proposal: Proposal
    samples: int
    seed: int
    deal: bool  # as written
    deal_share: float  # share of calibrations in which every principal accepts
    deal_without_low: bool
    deal_without_medium: bool
    parties: tuple[PartyRobustness, ...]


def _utilities(scenario: Scenario, draws: PartyDraws, index: Sequence[int], penalty: int) -> np.ndarray:
    """Fixed-point utility after penalties, per calibration, exactly as the engine computes it."""
    total = totals(draws)
    base = np.zeros(len(total), dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        for k, issue_id in enumerate(draws.issues):
            share = np.where(total > 0, draws.weights[:, k] / total * SCALE, 0.0)
            choice = index[scenario.issue_ids.index(issue_id)]
            base += np.rint(share * draws.values[k][:, choice]).astype(np.int64)
    return np.maximum(0, np.minimum(base, FULL) - penalty)


def _verdicts(utility: np.ndarray, level: np.ndarray, vetoed: bool) -> np.ndarray:
    if vetoed:
        return np.full(utility.shape, Verdict.REJECT.value, dtype=object)
    return np.where(utility >= level, Verdict.ACCEPT.value, Verdict.BASIS.value).astype(object)


def _swings(scenario: Scenario, p: int, index: Sequence[int], penalty: int, vetoed: bool,
            verdict: Verdict, ranged: PartyDraws, written: PartyDraws) -> tuple[Sensitivity, ...]:
    """Each number alone at the low and the high end of its range, the others as written."""
    party = scenario.parties[p]
    single = written
    spread = ranged.ranges
    rows: list[tuple[str, float, float]] = []
    variants = []
    if spread.walk_away > 0:
        rows.append(("walk_away", max(0.0, party.walk_away - spread.walk_away),
                     min(100.0, party.walk_away + spread.walk_away)))
    for k, issue_id in enumerate(single.issues):
        weight = party.preferences[issue_id].weight
        if spread.weights[issue_id] > 0 and weight > 0:
            rows.append((f"weight:{issue_id}", weight * (1 - spread.weights[issue_id]),
                         weight * (1 + spread.weights[issue_id])))
        value = single.values[k][0, index[scenario.issue_ids.index(issue_id)]]
        if spread.values[issue_id] > 0:
            rows.append((f"value:{issue_id}", max(0.0, value - spread.values[issue_id]),
                         min(100.0, value + spread.values[issue_id])))
    if not rows:
        return ()
    count = 2 * len(rows)
    weights = np.repeat(single.weights, count, axis=0)
    values = [np.repeat(v, count, axis=0) for v in single.values]
    walk = np.repeat(single.walk_away, count)
    for r, (number, low, high) in enumerate(rows):
        for end, x in ((0, low), (1, high)):
            row = 2 * r + end
            kind, _, issue_id = number.partition(":")
            if kind == "walk_away":
                walk[row] = x
            elif kind == "weight":
                weights[row, single.issues.index(issue_id)] = x
            else:
                k = single.issues.index(issue_id)
                values[k][row, index[scenario.issue_ids.index(issue_id)]] = x
    variants = PartyDraws(single.issues, weights, tuple(values), walk, spread)
    utility = _utilities(scenario, variants, index, penalty)
    level = levels(variants)
    margins = (utility - level) / SCALE
    outcomes = _verdicts(utility, level, vetoed)
    found = [Sensitivity(number, low, high, float(margins[2 * r]), float(margins[2 * r + 1]),
                         bool(outcomes[2 * r] != verdict.value or outcomes[2 * r + 1] != verdict.value))
             for r, (number, low, high) in enumerate(rows)]
    found.sort(key=lambda s: (-abs(s.margin_high - s.margin_low), s.number))
    return tuple(found[:SHOWN])


def _set_aside_verdicts(plain: Assessment, weakest: Confidence) -> list[Verdict]:
    """Each party's verdict with the lines of ``weakest`` confidence or weaker set aside: the same
    assessment without their vetoes and penalties (red lines do not interact, so nothing else moves)."""
    cut = RANK[weakest]
    found = []
    for result in plain.parties:
        vetoed = any(RANK[confidence(v.red_line)] > cut for v in result.violations)
        penalty = sum(round(v.penalty * SCALE) for v in result.penalties if RANK[confidence(v.red_line)] > cut)
        utility = max(0, round(result.base_utility * SCALE) - penalty)
        found.append(verdict_of(utility, vetoed, round(result.walk_away * SCALE)))
    return found


def _deal(plain: Assessment, verdicts: list[Verdict]) -> bool:
    return all(v is Verdict.ACCEPT for r, v in zip(plain.parties, verdicts) if r.party.principal)


def verdict_robustness(scenario: Scenario, proposal: Proposal, *, samples: int = SAMPLES, seed: int = 0,
                       default: Spread = DEFAULT) -> VerdictRobustness:
    plain = assess(scenario, proposal)
    # Judged as its kind, on the scenario's date: that kind's lines and walk-aways are the ones ranged.
    scenario = resolve(scenario, plain.kind.kind.id) if plain.kind is not None else resolve(scenario)
    fits = plain.kind is None or plain.kind.fits  # a text not of its kind is never a deal
    table = compiled(scenario)
    index = table.index(proposal)
    weak = {level: _set_aside_verdicts(plain, level) for level in (Confidence.LOW, Confidence.MEDIUM)}
    calibrations = draw(scenario, samples, seed, default, index)
    nominal = as_written(scenario, default)
    deal = np.ones(samples, dtype=bool)
    parties = []
    for p, (result, draws) in enumerate(zip(plain.parties, calibrations.parties)):
        penalty = sum(round(v.penalty * SCALE) for v in result.penalties)
        vetoed = bool(result.violations)
        utility = _utilities(scenario, draws, index, penalty)
        level = levels(draws)
        outcomes = _verdicts(utility, level, vetoed)
        if result.party.principal:
            deal &= outcomes == Verdict.ACCEPT.value
        margin = (utility - level) / SCALE
        counts = {v.value: int(np.count_nonzero(outcomes == v.value)) for v in Verdict}
        parties.append(PartyRobustness(
            party=result.party.id,
            verdict=result.verdict,
            holds=counts[result.verdict.value] / samples if samples else 1.0,
            verdicts=FrozenMap({k: v for k, v in counts.items() if v}),
            margin=tuple(float(x) for x in np.percentile(margin, [5, 50, 95])) if samples else (0.0,) * 3,
            sensitive=() if vetoed else _swings(scenario, p, index, penalty, vetoed, result.verdict, draws,
                                                 nominal.parties[p]),
            without_low=weak[Confidence.LOW][p],
            without_medium=weak[Confidence.MEDIUM][p],
        ))
    return VerdictRobustness(
        proposal=proposal, samples=samples, seed=seed, deal=plain.deal,
        deal_share=float(deal.mean()) if samples and fits else float(plain.deal),
        deal_without_low=fits and _deal(plain, weak[Confidence.LOW]),
        deal_without_medium=fits and _deal(plain, weak[Confidence.MEDIUM]),
        parties=tuple(parties),
    )

"""How firm a red line is: the confidence of its firmest source, and a scenario without the weaker lines."""

from __future__ import annotations

from attrs import evolve

from sim.model import Scenario
from sim.model.scenario import Confidence, RedLine

RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


def confidence(line: RedLine) -> Confidence:
    """A red line is as firm as its firmest source (a line citing nothing counts as low)."""
    found = [c.confidence for c in line.citations]
    return max(found, key=RANK.__getitem__) if found else Confidence.LOW


def set_aside(scenario: Scenario, weakest: Confidence) -> Scenario:
    """The scenario without the red lines whose firmest source is ``weakest`` or weaker."""
    cut = RANK[weakest]
    parties = tuple(evolve(p, red_lines=tuple(line for line in p.red_lines if RANK[confidence(line)] > cut))
                    for p in scenario.parties)
    return evolve(scenario, parties=parties)

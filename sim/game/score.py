"""The score, with a visible breakdown (1000 points in all).

| part | points | for |
|---|---|---|
| agreement | 400 | a deal: 400; else each interim agreement 40 + 160 x the share of the principals' concerns it settles (at most 200 in all) |
| quality | 200 | a deal's Nash product of gains over walk-away levels, against the best any deal reaches |
| durability | 100 | a deal's smallest margin over a principal's walk-away level (20 points of margin or more: all of it) |
| progress | 150 | how far the sides came closer, in issues apart (sim.game.gap), from the opening draft to the best draft every principal heard |
| inclusion | 75 | the share of parties still at the table (with a deal: that accept it) |
| trust | 50 | the principals' average trust in the mediator at the end |
| time | 25 | a deal's days to spare before the deadline |

Inclusion and trust are soft: without a deal they count only as far as the talks made substantive
progress (the *substance* factor: the share of the issues apart closed, plus a half for any interim
agreement). So a game of courtesy calls, inducements and waiting scores nothing for its goodwill:
repeating soft gestures never earns points while the hard issues stand where they started.
"""

from __future__ import annotations

from sim.engine import Verdict, assess
from sim.game.analysis_adapter import tangled_nash_product
from sim.game.effective import effective_scenario
from sim.game.state import Agreement, GameState, Status
from sim.model import Scenario
from sim.record import frozen

DEAL_POINTS = 400.0
INTERIM_BASE, INTERIM_SHARE, INTERIM_CAP = 40.0, 160.0, 200.0
QUALITY_POINTS = 200.0
DURABILITY_POINTS, DURABLE_MARGIN = 100.0, 20.0
PROGRESS_POINTS = 150.0
INCLUSION_POINTS = 75.0
TRUST_POINTS = 50.0
TIME_POINTS = 25.0
INTERIM_SUBSTANCE = 0.5


@frozen
class ScorePart:
    key: str
    label: str
    points: float
    maximum: float
    detail: str


@frozen
class Score:
    parts: tuple[ScorePart, ...]

    @property
    def total(self) -> float:
        return round(sum(p.points for p in self.parts), 1)

    @property
    def maximum(self) -> float:
        return sum(p.maximum for p in self.parts)

    def part(self, key: str) -> ScorePart:
        for part in self.parts:
            if part.key == key:
                return part
        raise KeyError(key)


def concern_share(scenario: Scenario, principals: tuple[str, ...], issues: object) -> float:
    """The average, over principals, of the share of their weight on ``issues``."""
    shares = []
    for party_id in principals:
        preferences = scenario.party(party_id).preferences
        total = sum(p.weight for p in preferences.values()) or 1
        shares.append(sum(preferences[i].weight for i in issues if i in preferences) / total)
    return sum(shares) / len(shares) if shares else 0.0


def _interim_points(state: GameState, interims: list[Agreement]) -> float:
    points = sum(
        INTERIM_BASE + INTERIM_SHARE * concern_share(state.scenario, state.game.principals, a.terms) for a in interims
    )
    return min(INTERIM_CAP, points)


def _issues(count: int) -> str:
    return f"{count} issue{'s' if count != 1 else ''}"


def progress_fraction(state: GameState) -> float:
    if state.status is Status.DEAL:
        return 1.0
    if state.start_apart <= 0:
        return 0.0
    return max(0.0, (state.start_apart - state.best_apart) / state.start_apart)


def score(state: GameState) -> Score:
    scenario = effective_scenario(state)
    deal = next((a for a in state.agreements if not a.interim), None)
    interims = [a for a in state.agreements if a.interim]
    principals = state.game.principals
    progress = progress_fraction(state)
    substance = 1.0 if deal else min(1.0, progress + (INTERIM_SUBSTANCE if interims else 0.0))
    parts = []

    if deal:
        parts.append(ScorePart("agreement", "Agreement", DEAL_POINTS, DEAL_POINTS, "every principal signed a deal"))
    else:
        detail = f"{len(interims)} interim agreement{'s' if len(interims) != 1 else ''}" if interims else "no agreement signed"
        parts.append(ScorePart("agreement", "Agreement", round(_interim_points(state, interims), 1), DEAL_POINTS, detail))

    if deal:
        result = assess(scenario, state.draft)
        gains = [result.party(p).margin for p in principals]
        product = 1.0
        for gain in gains:
            product *= max(0.0, gain)
        best = tangled_nash_product(scenario)
        if best is None:
            quality, detail = QUALITY_POINTS / 2, "the best deal could not be found (the red lines tie too many issues together): half marks"
        elif best <= 0:
            quality, detail = QUALITY_POINTS, "no deal could give everyone more"
        else:
            quality = QUALITY_POINTS * min(1.0, product / best)
            detail = f"Nash product {product:.4g} against the best {best:.4g}"
        parts.append(ScorePart("quality", "Quality", round(quality, 1), QUALITY_POINTS, detail))
        low = min(gains)
        parts.append(ScorePart("durability", "Durability", round(DURABILITY_POINTS * min(1.0, max(0.0, low) / DURABLE_MARGIN), 1),
                               DURABILITY_POINTS, f"smallest margin over a walk-away level: {low:.1f} points"))
    else:
        parts.append(ScorePart("quality", "Quality", 0.0, QUALITY_POINTS, "no deal"))
        parts.append(ScorePart("durability", "Durability", 0.0, DURABILITY_POINTS, "no deal"))

    parts.append(ScorePart("progress", "Progress", round(PROGRESS_POINTS * progress, 1), PROGRESS_POINTS,
                           f"{_issues(state.start_apart)} apart at the start, {state.best_apart} at best (a draft every principal heard)"
                           if not deal else "the sides signed the same text"))

    if deal:
        accepting = assess(scenario, state.draft)
        with_us = [r.id for r in accepting.parties if r.verdict is Verdict.ACCEPT and state.party(r.id).present]
    else:
        with_us = [p.id for p in state.parties if p.present]
    left_out = [scenario.party(p.id).name for p in state.parties if p.id not in with_us]
    share = len(with_us) / len(state.parties)
    detail = ("left out: " + ", ".join(left_out)) if left_out else "nobody left out"
    if not deal:
        detail += f"; counts {substance:.0%} (substance)"
    parts.append(ScorePart("inclusion", "Inclusion", round(INCLUSION_POINTS * share * substance, 1), INCLUSION_POINTS, detail))

    trust = sum(state.party(p).trust for p in principals) / len(principals) / 100
    detail = f"principals' average trust {trust * 100:.0f}" + ("" if deal else f"; counts {substance:.0%} (substance)")
    parts.append(ScorePart("trust", "Trust", round(TRUST_POINTS * trust * substance, 1), TRUST_POINTS, detail))

    spare = state.days_left / max(1, state.setup.total_days) if deal else 0.0
    parts.append(ScorePart("time", "Time", round(TIME_POINTS * max(0.0, spare), 1), TIME_POINTS,
                           f"{max(0, state.days_left)} days to spare" if deal else "no deal"))
    return Score(tuple(parts))

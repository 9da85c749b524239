"""The score rewards mediation that moves the hard issues, and nothing else."""

from __future__ import annotations

from itertools import product

import pytest

from sim.engine import assess
from sim.game import score
from sim.game.effective import effective_scenario
from sim.model import Proposal
from tests.game_support import play, private_home, tutorial_game  # noqa: F401 - fixture

DEAL = ("set monitors observers", "set prisoners all_for_all", "travel tessa-bridge", "convene")
INTERIM = ("draft empty", "set prisoners all_for_all", "travel tessa-bridge", "convene")


def soft_gestures(rounds: int) -> list[str]:
    """Courtesy calls and inducements, round after round, never touching the draft."""
    lines = ["lever union-funds"]
    for _ in range(rounds):
        lines += ["travel oda", "consult arvenia", "travel belgrad", "consult belmark"]
    return lines


def test_the_breakdown_adds_up_to_the_total_out_of_1000() -> None:
    result = score(play(tutorial_game(), *DEAL))
    assert result.maximum == 1000
    assert result.total == pytest.approx(sum(p.points for p in result.parts))
    assert all(0 <= p.points <= p.maximum for p in result.parts)


def test_a_deal_beats_an_interim_agreement_which_beats_doing_nothing() -> None:
    deal = score(play(tutorial_game(), *DEAL)).total
    interim = score(play(tutorial_game(), *INTERIM)).total
    idle = score(play(tutorial_game(), "wait 5")).total
    assert deal > interim > idle


@pytest.mark.parametrize("rounds", [1, 2, 4])
def test_repeating_soft_gestures_earns_nothing(rounds: int) -> None:
    idle = score(play(tutorial_game(), "wait 5"))
    gestures = play(tutorial_game(), *soft_gestures(rounds))
    assert sum(p.trust for p in gestures.parties) > sum(p.trust for p in tutorial_game().parties)  # trust grew...
    assert score(gestures).total == idle.total == 0.0  # ...and the score ignores it


def test_repeating_a_rejected_draft_never_raises_the_score() -> None:
    once = play(tutorial_game(), "travel oda", "table arvenia", "travel belgrad", "table belmark")
    again = play(once, "table belmark", "table belmark", "travel oda", "table arvenia")
    assert score(again).total <= score(once).total


def test_progress_counts_only_drafts_every_principal_has_heard() -> None:
    revised = play(tutorial_game(), "set monitors observers", "travel belgrad", "table belmark")
    assert score(revised).part("progress").points == 0.0
    heard = play(revised, "travel oda", "table arvenia")
    assert score(heard).part("progress").points > 0.0


def test_leaving_the_hard_issues_open_is_not_progress() -> None:
    state = play(tutorial_game(), "draft empty", "travel oda", "table arvenia", "travel belgrad", "table belmark")
    assert score(state).part("progress").points == 0.0


def _best_nash(scenario) -> float:
    """A naive reference: every proposal, assessed by the engine."""
    best = 0.0
    for choice in product(*[(None, *i.option_ids) for i in scenario.issues]):
        terms = {i.id: c for i, c in zip(scenario.issues, choice) if c is not None}
        result = assess(scenario, Proposal(scenario.id, terms))
        if result.deal:
            value = 1.0
            for party in scenario.principals:
                value *= result.party(party.id).margin
            best = max(best, value)
    return best


def test_deal_quality_is_measured_against_the_best_deal_there_is() -> None:
    state = play(tutorial_game(), *DEAL)
    scenario = effective_scenario(state)
    result = assess(scenario, state.draft)
    product_ = 1.0
    for party in scenario.principals:
        product_ *= result.party(party.id).margin
    expected = 200 * product_ / _best_nash(scenario)
    assert score(state).part("quality").points == pytest.approx(expected, abs=0.05)

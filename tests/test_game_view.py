"""What the player sees of each party depends on the difficulty."""

from __future__ import annotations

from sim.engine import Verdict, assess
import attrs
import pytest

from sim.game import Difficulty, Status, analysis_allowed, party_view, views
from sim.game.effective import effective_scenario
from sim.present.levels import DEFAULT_DIFFICULTY, DIFFICULTIES
from tests.game_support import play, private_home, tutorial_game  # noqa: F401 - fixture


def test_easy_shows_everything_live() -> None:
    state = tutorial_game(difficulty=Difficulty.EASY)
    view = party_view(state, "belmark")
    truth = assess(effective_scenario(state), state.draft).party("belmark")
    assert (view.verdict, view.utility, view.walk_away) == (truth.verdict, truth.utility, truth.walk_away)
    assert set(view.priorities) == set(state.scenario.party("belmark").preferences)
    assert [v.red_line.id for v in view.red_lines] == [r.id for r in state.scenario.party("belmark").red_lines]
    assert {v.red_line.id for v in view.red_lines if v.crossed} == {v.id for v in (*truth.violations, *truth.penalties)}


def test_normal_shows_public_red_lines_and_numbers_only_once_consulted() -> None:
    state = tutorial_game(difficulty=Difficulty.NORMAL)
    view = party_view(state, "belmark")
    assert view.utility is None and view.walk_away is None and not view.priorities
    assert len(view.red_lines) == len(state.scenario.party("belmark").red_lines)
    assert view.verdict is Verdict.REJECT, "a public hard red line is crossed: no need to ask"
    told = play(state, "travel belgrad", "consult belmark", "consult belmark")
    assert "walk_away" in told.party("belmark").revealed
    view = party_view(told, "belmark")
    assert view.walk_away == effective_scenario(told).party("belmark").walk_away and view.utility is not None


def test_hard_shows_only_what_the_party_has_said() -> None:
    state = tutorial_game(difficulty=Difficulty.HARD)
    view = party_view(state, "belmark")
    assert view.red_lines == () and view.verdict is None and view.utility is None
    state = play(state, "travel belgrad", "table belmark")
    view = party_view(state, "belmark")
    assert {v.red_line.id for v in view.red_lines} == {"watched_if_shared", "all_prisoners_home"}
    assert view.verdict is Verdict.REJECT and view.heard_verdict is Verdict.REJECT
    revised = play(state, "set monitors observers")
    assert party_view(revised, "belmark").verdict is None, "a new draft has not been heard"
    assert party_view(revised, "belmark").utility is None


def test_trust_and_patience_are_always_visible() -> None:
    for level in Difficulty:
        for view in views(tutorial_game(difficulty=level)):
            assert view.trust is not None and view.patience is not None


@pytest.mark.parametrize(("difficulty", "allowed"), [(Difficulty.EASY, True), (Difficulty.NORMAL, False),
                                                    (Difficulty.HARD, False)])
def test_a_game_in_progress_shows_the_analysis_only_at_the_easy_level(difficulty, allowed: bool) -> None:
    assert analysis_allowed(tutorial_game(difficulty=difficulty)) is allowed


@pytest.mark.parametrize("status", [Status.DEAL, Status.COLLAPSED, Status.EXPIRED])
def test_the_analysis_is_open_after_any_game_and_without_one(status: Status) -> None:
    over = attrs.evolve(tutorial_game(difficulty=Difficulty.HARD), status=status)
    assert analysis_allowed(over) and analysis_allowed(None)


def test_the_levels_the_menus_offer_are_the_game_s_own() -> None:
    assert DIFFICULTIES == tuple(level.value for level in Difficulty) and Difficulty(DEFAULT_DIFFICULTY)

"""Which game the start screen offers to continue."""

from sim.game import Travel, start_game, step, write_save
from sim.game.saves import autosave_path
from sim.ui.saved_games import latest_game


def test_an_ongoing_autosave_is_offered_and_an_ended_one_is_not() -> None:
    assert latest_game() is None
    state = start_game("tutorial", seed=2)
    write_save(state, autosave_path("tutorial"))
    offered = latest_game()
    assert offered is not None and offered.scenario == "tutorial" and offered.actions == 0
    while not state.over:
        state, _ = step(state, Travel("oda" if state.venue != "oda" else "belgrad"))
    write_save(state, autosave_path("tutorial"))
    assert latest_game() is None


def test_a_corrupt_autosave_is_passed_over() -> None:
    path = autosave_path("tutorial")
    path.parent.mkdir(parents=True)
    path.write_text("{ not json")
    assert latest_game() is None

"""The Games list's words: what choosing a game does, its scenario's title, how it ended, and moves
counted in good English."""

from __future__ import annotations

from pathlib import Path

from sim.present.games_list import game_choice
from sim.ui.saved_games import SavedGame

PATH = Path("/home/x/saves/autosave-tutorial.json")


def test_a_finished_game_offers_its_debrief_under_the_scenario_s_title() -> None:
    game = SavedGame(PATH, "tutorial", "easy", "2031-03-08", 12, "expired", 612.5)
    choice = game_choice(game, "Lake Tessa")
    assert choice.value == f"debrief:{PATH}"
    assert choice.label == "Debrief: Lake Tessa, the clock ran out, score 612.5"
    assert choice.detail == "easy · 12 moves · last day 2031-03-08 · autosave-tutorial.json"


def test_a_game_going_on_offers_to_continue_and_counts_one_move_as_one() -> None:
    choice = game_choice(SavedGame(PATH, "tutorial", "normal", "2031-03-02", 1), "Lake Tessa")
    assert choice.value == f"continue:{PATH}" and choice.label == "Continue: Lake Tessa, 2031-03-02"
    assert choice.detail.startswith("normal · 1 move · ")

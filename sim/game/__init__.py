"""The mediation game: days, shuttle diplomacy, parties that answer back, events, a score.

The whole game is pure data and one function::

    state = start_game("tutorial", Difficulty.NORMAL, seed=7)
    state, outcome = step(state, Table("arvenia"))      # one call per player action
    views(state)                                         # what the player may see of each party
    score(state)                                         # the score and its breakdown

``Session`` wraps it for interactive front ends (autosave after every action); saves replay exactly.
"""

from typing import Any

from sim.game.actions import (
    Action,
    ActionError,
    Adopt,
    Consult,
    Convene,
    LoadDraft,
    SetTerm,
    Summit,
    Table,
    Travel,
    UseLever,
    Wait,
    parse_action,
)
from sim.game.effective import effective_scenario
from sim.game.gap import issues_apart
from sim.game.saves import (
    SaveError,
    autosave_path,
    load_save,
    write_save,
)
from sim.game.score import Score, ScorePart, score
from sim.game.session import Session
from sim.game.setup import GameSetup
from sim.game.start import game_files, kept_game_files, start_game
from sim.game.state import (
    Agreement,
    Difficulty,
    FeedItem,
    FeedKind,
    Game,
    GameState,
    PartyState,
    Status,
)
from sim.game.step import Outcome, available_actions, new_game, replay, revisions, revisions_toward, step
from sim.game.view import PartyView, RedLineView, analysis_allowed, party_view, views

__all__ = [
    "Action", "ActionError", "Adopt", "Agreement", "Answer", "analysis_allowed", "Consult", "Convene", "Difficulty", "FeedItem",
    "FeedKind", "Game", "GameSetup", "GameState", "LoadDraft", "Outcome", "PartyState", "PartyView", "RedLineView",
    "SaveError", "Score", "ScorePart", "Session", "SetTerm", "Status", "Summit", "Table", "Travel", "UseLever",
    "Wait", "autosave_path", "available_actions", "effective_scenario", "game_files", "issues_apart", "kept_game_files",
    "load_save", "new_game", "parse_action", "party_view", "replay", "revisions", "revisions_toward", "score", "start_game", "step",
    "views", "write_save",
]


def __getattr__(name: str) -> Any:
    # A party's answers (and its counter-proposals) are imported with the first meeting: the table's
    # first frame needs none of them.
    if name == "Answer":
        from sim.game.answers import Answer

        globals()[name] = Answer  # later look-ups skip this hook
        return Answer
    raise AttributeError(f"module 'sim.game' has no attribute {name!r}")

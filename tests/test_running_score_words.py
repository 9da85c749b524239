"""The running score says why this draft's "issues apart" differs from the best the score keeps."""

from __future__ import annotations

from attrs import evolve

from sim.game import issues_apart
from sim.game.score import score
from sim.present.debrief import running_score_markdown
from tests.game_support import tutorial_game


def test_the_running_score_says_why_this_draft_is_not_the_best_it_keeps() -> None:
    state = tutorial_game()
    now = issues_apart(state)
    assert now > 0
    same = running_score_markdown(state, score(state))
    assert "keeps the best" not in same and "once every principal has heard" not in same
    behind = evolve(state, best_apart=now - 1)  # as after signing an interim text, which leaves most issues open
    assert "the score keeps the best: a draft that leaves more open never sets it back" in \
        running_score_markdown(behind, score(behind))
    ahead = evolve(state, best_apart=now + 1)  # a closer draft nobody has heard yet
    assert "this draft counts once every principal has heard it" in running_score_markdown(ahead, score(ahead))

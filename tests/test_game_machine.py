"""Random games, checked after every move: the invariants the whole game rests on."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    initialize,
    invariant,
    precondition,
    rule,
)

from sim.engine import Verdict, assess
from sim.game import (
    Difficulty,
    GameState,
    Status,
    load_save,
    replay,
    step,
    write_save,
)
from sim.game.actions import Table, Wait, parse_action
from sim.game.effective import effective_scenario
from sim.game.state import PATIENCE_RANGE, PRESSURE_RANGE, TRUST_RANGE
from tests.game_support import TutorialPlayer, tutorial_game

HOME = tempfile.mkdtemp(prefix="redlines-machine-")


class GameMachine(TutorialPlayer):
    state: GameState

    @initialize(seed=st.integers(0, 2**16), difficulty=st.sampled_from(list(Difficulty)))
    def start(self, seed: int, difficulty: Difficulty) -> None:
        os.environ["REDLINES_HOME"] = HOME  # saves from these games never reach the user's folder
        self.state = tutorial_game(seed, difficulty)
        self.start_state = self.state

    def _take(self, action) -> None:
        before = self.state
        self.state, outcome = step(before, action)
        event(f"status {self.state.status.value}, {len(self.state.agreements)} agreements")
        assert self.state.day >= before.day, "the calendar never goes backwards"
        assert outcome.days == (self.state.day - before.day).days
        if isinstance(action, Table) and outcome.answer.counter is not None:
            # Judged against the scenario as it stood when the party answered.
            judged = assess(effective_scenario(before), outcome.answer.counter.proposal).party(action.party)
            assert not judged.violations, "a counter-proposal never crosses its party's hard red lines"
            assert judged.verdict is Verdict.ACCEPT

    @precondition(lambda self: not self.state.over)
    @rule(days=st.integers(1, 8))
    def let_days_pass(self, days: int) -> None:
        self._take(Wait(days))

    @rule()
    def save_and_load(self) -> None:
        path = write_save(self.state, Path(HOME) / "machine.json")
        assert load_save(path) == self.state

    @invariant()
    def moods_stay_in_range(self) -> None:
        for party in self.state.parties:
            assert TRUST_RANGE[0] <= party.trust <= TRUST_RANGE[1]
            assert PATIENCE_RANGE[0] <= party.patience <= PATIENCE_RANGE[1]
            assert PRESSURE_RANGE[0] <= party.pressure <= PRESSURE_RANGE[1]

    @invariant()
    def a_signed_deal_is_accepted_by_every_signatory(self) -> None:
        if self.state.status is not Status.DEAL:
            return
        deal = self.state.agreements[-1]
        assert not deal.interim and dict(deal.terms) == dict(self.state.draft.terms)
        result = assess(effective_scenario(self.state), self.state.draft)
        assert set(self.state.game.principals) <= set(deal.signatories)
        assert all(result.party(p).verdict is Verdict.ACCEPT for p in deal.signatories)

    @invariant()
    def replaying_the_log_gives_the_same_state(self) -> None:
        assert replay(self.start_state, [parse_action(e.line) for e in self.state.log]) == self.state


GameMachine.TestCase.settings = settings(settings.default, stateful_step_count=12)
TestGame = GameMachine.TestCase

"""Played games, checked after every move: what the table says (cards, meeting reports, answers,
consultations, the score) never contradicts itself or the engine."""

from __future__ import annotations

import re

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize, invariant, rule

from sim.engine import Verdict, assess
from sim.game import Difficulty, GameState, score, step, views
from sim.game.actions import Consult, Convene, Table
from sim.game.analysis_adapter import closest_for_party
from sim.game.consult import livable_options
from sim.game.effective import effective_scenario
from sim.game.gap import issues_apart
from sim.game.state import FeedKind
from sim.model.plain import mid_sentence, sentence
from tests.game_support import TutorialPlayer, tutorial_game

DISTANCE = re.compile(r"(?:^|\(|; )([^;()]+?) is (\d+) issues? from accepting")
REFUSES = re.compile(r" ([^.:;]+?) will not sign even part of it")


class TableMachine(TutorialPlayer):
    state: GameState

    @initialize(seed=st.integers(0, 2**16), difficulty=st.sampled_from(list(Difficulty)))
    def start(self, seed: int, difficulty: Difficulty) -> None:
        self.state = tutorial_game(seed, difficulty)
        self.start_apart = self.state.start_apart

    def _take(self, action) -> None:
        before = self.state
        self.state, outcome = step(before, action)
        after = self.state
        names = {form: p.id for p in after.scenario.parties for form in (p.name, mid_sentence(p.name), sentence(mid_sentence(p.name)))}
        assert after.best_apart <= before.best_apart, "the score's issues apart never rise"
        if len([a for a in after.agreements if a.interim]) > len([a for a in before.agreements if a.interim]):
            assert score(after).total >= score(before).total, "signing an interim agreement is progress"
        for item in outcome.feed:
            if item.kind is FeedKind.MEETING and isinstance(action, Convene):
                distances = {names[n]: int(d) for n, d in DISTANCE.findall(item.text)}
                refusing = {names[n] for n in REFUSES.findall(item.text)}
                for party_id, distance in distances.items():
                    accepts = after.party(party_id).verdict is Verdict.ACCEPT
                    assert (distance == 0) == accepts, item.text
                    assert not (distance == 0 and party_id in refusing), item.text
        if isinstance(action, Table) and outcome.answer is not None:
            text = next(i.text for i in outcome.feed if i.kind is FeedKind.ANSWER)
            judged = assess(effective_scenario(before), before.draft).party(action.party)
            assert outcome.answer.verdict is judged.verdict
            assert ("accepts the draft" in text) == (judged.verdict is Verdict.ACCEPT), text
        if isinstance(action, Consult) and after.party(action.party).present:
            scenario = effective_scenario(after)
            level = scenario.party(action.party).walk_away
            told = [f.partition(":")[2] for f in after.party(action.party).revealed[len(before.party(action.party).revealed):]
                    if f.startswith("weight:")]
            for issue in told:
                for option in livable_options(after, action.party, issue):
                    found = closest_for_party(scenario, after.draft, action.party, level, {**after.locked, issue: option})
                    assert found is not None and found.option(issue) == option
                    assert assess(scenario, found).party(action.party).verdict is Verdict.ACCEPT

    @rule()
    def read_the_score(self) -> None:
        """Always possible, over or not: the score's parts add up to its total."""
        current = score(self.state)
        assert abs(sum(p.points for p in current.parts) - current.total) < 0.11
        assert all(0 <= p.points <= p.maximum for p in current.parts)

    @invariant()
    def cards_agree_with_the_engine(self) -> None:
        result = assess(effective_scenario(self.state), self.state.draft)
        for view in views(self.state):
            engine = result.party(view.id)
            if view.verdict is not None:
                assert view.verdict is engine.verdict, view.name
            crossed = {line.red_line.id for line in view.red_lines if line.crossed}
            known = {line.red_line.id for line in view.red_lines}
            assert crossed == {v.id for v in (*engine.violations, *engine.penalties)} & known

    @invariant()
    def the_opening_stays_the_opening(self) -> None:
        assert self.state.start_apart == self.start_apart
        assert self.state.best_apart <= issues_apart(self.state) or not all(
            self.state.party(p).heard is not None and self.state.party(p).heard.terms == self.state.draft.terms
            for p in self.state.game.principals
        )


TableMachine.TestCase.settings = settings(settings.default, stateful_step_count=14)
TestTable = TableMachine.TestCase

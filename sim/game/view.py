"""What the player may see of each party, by difficulty.

* easy: everything, live: utility, walk-away level, priorities, every red line, the verdict on
  the draft as it is being edited;
* normal: red lines are public statements, so all are shown with whether the draft crosses them;
  priorities and the walk-away level are learnt by consulting, and once the walk-away level is
  known the live utility and verdict are shown too;
* hard: only what the party has said: the red lines it cited when it turned a draft down or
  revealed in private, the facts consultations revealed, and its answer to the last draft tabled.

Trust, patience and pressure are always shown: they are the mediator's read of the room.
"""

from __future__ import annotations

from sim.engine import Assessment, Verdict, assess
from sim.engine.kinds import at_stake
from sim.game.effective import effective_scenario
from sim.game.state import Difficulty, GameState
from sim.model import FrozenMap, Proposal
from sim.model.scenario import Party, RedLine, Role
from sim.record import frozen


@frozen
class RedLineView:
    red_line: RedLine
    crossed: bool  # by the current draft
    at_stake: bool = True  # False when the draft leaves its issues open or it is not for the draft's kind

    @property
    def hard(self) -> bool:
        return self.red_line.hard


@frozen
class PartyView:
    """One party as the player sees it: the party itself, and what the player knows of its mind.

    ``party`` is the party as the effective scenario has it: its public face (name, role, position,
    and any field added to ``Party``) reaches the cards from there, copied nowhere. What the player
    must learn (the verdict, the numbers, the priorities, the red lines) is in the other fields,
    None or left out until known: read those, never ``party.walk_away`` and its kin.
    """

    party: Party
    present: bool
    trust: float
    patience: float
    pressure: float
    verdict: Verdict | None  # on the current draft, when the player may know it
    utility: float | None
    walk_away: float | None
    priorities: FrozenMap[str, float]  # issue -> share of its concerns (percent), as far as known
    red_lines: tuple[RedLineView, ...]  # the red lines the player knows of
    heard: Proposal | None  # the last draft tabled to it
    heard_verdict: Verdict | None  # its answer to that draft
    counter: Proposal | None  # its counter-proposal to that draft

    @property
    def id(self) -> str:
        return self.party.id

    @property
    def name(self) -> str:
        return self.party.name

    @property
    def role(self) -> Role:
        return self.party.role

    @property
    def position(self) -> str:
        return self.party.position

    @property
    def margin(self) -> float | None:
        return None if self.utility is None or self.walk_away is None else self.utility - self.walk_away


def party_view(
    state: GameState, party_id: str, draft: Proposal | None = None, assessment: Assessment | None = None
) -> PartyView:
    """One party as the player sees it, against ``draft`` (default: the current draft)."""
    draft = state.draft if draft is None else draft
    scenario = effective_scenario(state)
    party = scenario.party(party_id)
    mood = state.party(party_id)
    judged = assessment or assess(scenario, draft)
    result = judged.party(party_id)
    kind_id = judged.kind.kind.id if judged.kind else ""
    level = state.game.difficulty
    revealed = set(mood.revealed)
    everything = level is Difficulty.EASY

    crossed = {v.id for v in (*result.violations, *result.penalties)}
    lines = tuple(
        RedLineView(line, line.id in crossed, at_stake(line, draft.terms, kind_id, line.id in crossed))
        for line in party.red_lines
        if level is not Difficulty.HARD or f"red_line:{line.id}" in revealed
    )
    total = sum(p.weight for p in party.preferences.values()) or 1
    priorities = FrozenMap({
        issue: round(pref.weight / total * 100, 1)
        for issue, pref in party.preferences.items()
        if everything or f"weight:{issue}" in revealed
    })
    knows_walk_away = everything or "walk_away" in revealed
    live = everything or (level is Difficulty.NORMAL and knows_walk_away)
    if live:
        verdict = result.verdict
    elif level is Difficulty.NORMAL and result.violations:
        verdict = Verdict.REJECT  # a public red line is crossed: no need to ask
    elif mood.heard is not None and mood.heard.terms == draft.terms:
        verdict = mood.verdict  # it said so when this very draft was tabled
    else:
        verdict = None
    return PartyView(
        party=party,
        present=mood.present,
        trust=mood.trust,
        patience=mood.patience,
        pressure=mood.pressure,
        verdict=verdict,
        utility=result.utility if live else None,
        walk_away=result.walk_away if knows_walk_away else None,  # the walk-away for the draft's kind
        priorities=priorities,
        red_lines=lines,
        heard=mood.heard,
        heard_verdict=mood.verdict,
        counter=mood.counter,
    )


def views(state: GameState, draft: Proposal | None = None) -> tuple[PartyView, ...]:
    """Every party as the player sees it: one assessment for all the cards."""
    draft = state.draft if draft is None else draft
    assessment = assess(effective_scenario(state), draft)
    return tuple(party_view(state, p.id, draft, assessment) for p in state.scenario.parties)


def analysis_allowed(state: GameState | None) -> bool:
    """Whether the player may see (and adopt from) the analysis, asked from ``state``.

    Only a game in progress hides it, and only above the easy level (``Difficulty.shows_analysis``
    says why); the sandbox (no game) and the debrief of any finished game keep it open.
    """
    if state is None or state.over:
        return True
    return state.game.difficulty.shows_analysis

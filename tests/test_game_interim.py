"""Interim agreements: which partial texts a principal would sign (see sim.game.interim)."""

from __future__ import annotations

import datetime as dt

import pytest

from sim.game import ActionError, revisions_toward, step
from sim.game.actions import SetTerm
from sim.game.interim import objection
from sim.model import AtLeast, FrozenMap, IfThen, Require
from sim.model.scenario import (
    Citation,
    Issue,
    Kind,
    Option,
    Party,
    Preference,
    RedLine,
    Role,
    Scenario,
    Source,
)
from tests.game_support import play, private_home, tutorial_game  # noqa: F401 - fixture

SOURCE = Source("s", "A source", dt.date(2030, 1, 1))


def _issue(issue_id: str, *options: str) -> Issue:
    return Issue(issue_id, issue_id.title(), tuple(Option(o, o) for o in options))


def _line(line_id: str, rule, hard: bool = True) -> RedLine:
    return RedLine(line_id, line_id, rule, (Citation("s", "p"),), Kind.HARD if hard else Kind.SOFT, penalty=30.0)


def _scenario(*lines: RedLine, values=None) -> Scenario:
    """One principal whose red lines read issues `land` (a, b, c), `army` (small, large), `swap` (yes, no)."""
    issues = (_issue("land", "a", "b", "c"), _issue("army", "small", "large"), _issue("swap", "no", "yes"))
    values = values or {"swap": ({"no": 0.0, "yes": 100.0}, 0.0)}
    preferences = {i.id: Preference(10.0, FrozenMap({o: 50.0 for o in i.option_ids}), 50.0) for i in issues}
    for issue_id, (vals, open_value) in values.items():
        preferences[issue_id] = Preference(10.0, FrozenMap(vals), open_value)
    party = Party("p", "P", Role.PRINCIPAL, 40.0, FrozenMap(preferences), tuple(lines))
    return Scenario("t", "T", "t", dt.date(2030, 1, 1), issues, (party,), (SOURCE,))


def terms(**chosen: str) -> FrozenMap:
    return FrozenMap(chosen)


def test_a_text_leaving_a_required_issue_open_is_still_signable() -> None:
    scenario = _scenario(_line("needs_land", Require("land", ("c",))))
    assert objection(scenario, "p", terms(swap="yes"), terms(swap="yes")) == ""


def test_a_text_that_crosses_a_hard_red_line_is_refused() -> None:
    scenario = _scenario(_line("big_army", AtLeast("army", "large")))
    assert objection(scenario, "p", terms(army="small"), terms(army="small")) == "it crosses a red line: big_army"


def test_a_text_that_leaves_no_way_to_meet_every_red_line_is_refused() -> None:
    """Each red line on its own still depends on the open issue; together they cannot hold."""
    scenario = _scenario(
        _line("needs_a", Require("land", ("a",))),
        _line("large_needs_c", IfThen(Require("army", ("large",)), Require("land", ("c",)))),
    )
    found = objection(scenario, "p", terms(army="large"), terms(army="large"))
    assert found == "it would leave no way to meet all its red lines on the issues still open"
    assert objection(scenario, "p", terms(army="small"), terms(army="small")) == ""


def test_a_text_that_leaves_the_party_worse_off_than_silence_is_refused() -> None:
    scenario = _scenario(values={"swap": ({"no": 0.0, "yes": 20.0}, 60.0)})
    assert objection(scenario, "p", terms(swap="yes"), terms(swap="yes")) == \
        "it would be worse off than leaving these issues open"


def test_a_soft_red_line_the_text_settles_against_the_party_counts_as_a_loss() -> None:
    values = {"swap": ({"no": 0.0, "yes": 60.0}, 0.0)}  # yes: +20 points (a third of its weight)
    assert objection(_scenario(values=values), "p", terms(swap="yes"), terms(swap="yes")) == ""
    soft = _line("wants_swap_no", Require("swap", ("no",)), hard=False)  # crossed by yes: -30 points
    assert objection(_scenario(soft, values=values), "p", terms(swap="yes"), terms(swap="yes")) == \
        "it would be worse off than leaving these issues open"


def test_an_interim_agreement_is_signed_and_its_terms_stay_in_the_draft() -> None:
    state = play(tutorial_game(), "draft empty", "set prisoners all_for_all", "travel tessa-bridge", "convene")
    assert [a.interim for a in state.agreements] == [True]
    assert dict(state.agreements[0].terms) == {"prisoners": "all_for_all"}
    state = play(state, "draft empty")
    assert state.draft.option("prisoners") == "all_for_all", "signed terms survive a new draft"
    with pytest.raises(ActionError, match="signed in an interim agreement"):
        step(state, SetTerm("prisoners", "partial"))


def test_adopting_a_proposal_revises_every_term_but_the_signed_ones() -> None:
    state = play(tutorial_game(), "draft empty", "set prisoners all_for_all", "travel tessa-bridge", "convene")
    target = state.draft.with_term("prisoners", "partial").with_term("monitors", "observers")
    moves = revisions_toward(state, target)
    assert moves == [SetTerm("monitors", "observers")], "the signed prisoners term stays"
    state = play(state, *(m.line for m in moves))
    assert state.draft.option("monitors") == "observers" and state.draft.option("prisoners") == "all_for_all"
    assert revisions_toward(state, state.draft) == []


def test_an_interim_text_a_principal_objects_to_is_not_signed() -> None:
    # Prisoners and the water: no prisoner exchange (it leaves the water alone), no settlement yet.
    state = play(tutorial_game(), "draft empty", "set prisoners all_for_all", "set water w30", "travel tessa-bridge",
                 "convene")
    assert not state.agreements
    meeting = [item for item in state.feed if item.text.startswith("Joint meeting")][-1]
    assert "Arvenia will not sign even part of it: it is no settlement: it leaves Status of Mirel open" in meeting.text


def test_an_interim_text_of_no_kind_is_not_signed() -> None:
    """The water alone is no kind of agreement: judged as the fullest, it leaves Mirel open."""
    state = play(tutorial_game(), "draft empty", "set water w50", "travel tessa-bridge", "convene")
    assert not state.agreements
    meeting = [item for item in state.feed if item.text.startswith("Joint meeting")][-1]
    assert "it is no settlement: it leaves Status of Mirel open" in meeting.text


def test_an_interim_text_never_crosses_a_hard_line_for_its_kind() -> None:
    """A ceasefire with armed peacekeepers crosses Arvenia's line for every kind: never signed."""
    state = play(tutorial_game(), "draft empty", "set monitors peacekeepers", "travel tessa-bridge", "convene")
    assert not state.agreements
    meeting = [item for item in state.feed if item.text.startswith("Joint meeting")][-1]
    assert "it crosses a red line for a ceasefire: No armed foreign troops" in meeting.text

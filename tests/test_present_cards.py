"""The words and shapes the app shows, checked without drawing anything."""

from hypothesis import given
from hypothesis import strategies as st

from sim import catalog
from sim.engine import Verdict, assess
from sim.model import Proposal
from sim.present import cards


KIND_CHAR = {"mark": cards.MARKER, "fill": cards.FILLED, "empty": cards.EMPTY}


def tutorial():
    return catalog.find_scenario("tutorial")


def test_meter_fills_to_the_utility_and_marks_the_walk_away_level() -> None:
    cells = cards.meter(50, 25, 21)
    text = "".join(c.text for c in cells)
    assert len(text) == 21
    assert text.index(cards.MARKER) == 5  # 25% of the 20 gaps
    assert text.count(cards.FILLED) == 9  # half of 21 cells rounds to 10, one of them shows the marker
    assert [c.kind for c in cells] == ["fill", "mark", "fill", "empty"]


def test_meter_at_the_extremes_keeps_its_width_and_its_marker() -> None:
    for utility, walk_away in [(0, 0), (100, 100), (0, 100), (100, 0)]:
        text = "".join(c.text for c in cards.meter(utility, walk_away, 12))
        assert len(text) == 12 and text.count(cards.MARKER) == 1


@given(st.floats(-10, 110), st.floats(-10, 110), st.integers(0, 200))
def test_meter_runs_are_the_cells_of_the_bar_merged(utility: float, walk_away: float, width: int) -> None:
    """Against the bar cell by cell: the marker at its cell, filled below the utility, empty above;
    runs of one kind each, never two alike side by side."""
    cells = max(width, 3)
    mark = min(cells - 1, round(walk_away / 100 * (cells - 1)))
    filled = min(cells, round(utility / 100 * cells))
    expected = [cards.MARKER if i == mark else cards.FILLED if i < filled else cards.EMPTY for i in range(cells)]
    runs = cards.meter(utility, walk_away, width)
    assert "".join(run.text for run in runs) == "".join(expected)
    assert all(a.kind != b.kind for a, b in zip(runs, runs[1:]))
    assert all(set(run.text) == {KIND_CHAR[run.kind]} for run in runs)


def test_cycling_options_goes_through_open_and_wraps() -> None:
    scenario = tutorial()
    seen = [None]
    for _ in range(len(scenario.issue("mirel").options) + 1):
        seen.append(cards.cycle_option(scenario, "mirel", seen[-1], 1))
    assert seen[1:] == ["belmark_keeps", "joint_admin", "arvenia_gets", None]
    assert cards.cycle_option(scenario, "mirel", "belmark_keeps", -1) is None


def test_crossed_issues_names_the_parties_whose_hard_red_lines_an_issue_crosses() -> None:
    scenario = tutorial()
    draft = Proposal("tutorial", {"water": "w30", "monitors": "peacekeepers"})
    crossed = cards.crossed_issues(cards.assessment_crossings(assess(scenario, draft)))
    assert "Arvenia" in crossed["water"]
    assert "Arvenia" in crossed["monitors"]
    assert "prisoners" not in crossed


def test_deal_line_names_the_blockers_or_says_there_is_a_deal() -> None:
    scenario = tutorial()
    blocked = assess(scenario, Proposal("tutorial", {"water": "w30"}))
    assert cards.deal_line(scenario, blocked).startswith("No deal yet: Arvenia")
    assert cards.verdict_label(Verdict.REJECT) == "✗ rejects"


def test_a_card_says_no_party_has_said_where_its_value_rests_on_a_mediators_option() -> None:
    scenario = catalog.find_scenario("ukraine-2025")
    guessed = [(i.id, o) for i in scenario.issues for o in i.options if o.mediator]
    said = [(i.id, o) for i in scenario.issues for o in i.options if not o.mediator]
    issue, option = guessed[0]
    other_issue, other = next((i, o) for i, o in said if i != issue)
    draft = Proposal(scenario.id, {issue: option.id, other_issue: other.id})
    found = cards.with_guesses(scenario, draft, [cards.card_from_assessment(r) for r in assess(scenario, draft).parties])
    assert all(option.label in c.note and "no party has said" in c.note for c in found)
    assert all(other.label not in c.note for c in found)  # a term a party proposed is no guess
    # A card that shows no value (the player cannot know it yet) has no value to call a guess;
    # one with a note already keeps it.
    hidden = cards.CardData("russia", "Russia", True, None, None, None, (), note="here")
    assert cards.with_guesses(scenario, draft, [hidden]) == [hidden]
    shown = cards.CardData("russia", "Russia", True, None, 50.0, 40.0, (), note="here")
    assert cards.with_guesses(scenario, draft, [shown])[0].note.startswith("here · no party has said")
    plain = Proposal(scenario.id, {other_issue: other.id})
    assert cards.with_guesses(scenario, plain, found[:1]) == found[:1] and cards.guess_note(scenario, plain) == ""

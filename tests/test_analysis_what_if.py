"""What-if overrides: the documented format, what they change, and clear errors for bad ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

from sim import catalog
from sim.analysis import analyze, load_overrides, overrides_from_flags, parse_overrides, what_if
from sim.analysis.overrides import Overrides, PartyChange
from sim.loading import ScenarioError
from tests.analysis_oracle import acceptable
from tests.strategies import scenarios

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "scenarios" / "tutorial" / "what-if" / "shared_lake.toml"


@pytest.fixture(scope="module")
def tutorial():
    return catalog.find_scenario(str(ROOT / "scenarios" / "tutorial"))


def problems(error: pytest.ExceptionInfo) -> list[str]:
    return [str(p) for p in error.value.problems]


def test_the_documented_example_is_the_shipped_file() -> None:
    doc = (ROOT / "scenarios" / "WHAT_IF.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", doc, re.S).group(1)
    assert block == EXAMPLE.read_text(encoding="utf-8")
    assert "WHAT_IF.md" in (ROOT / "scenarios" / "FORMAT.md").read_text(encoding="utf-8")


def test_the_example_changes_what_it_says(tutorial) -> None:
    overrides = load_overrides(EXAMPLE)
    changed = what_if(tutorial, overrides)
    arvenia = changed.party("arvenia")
    assert arvenia.walk_away == 40
    assert [r.id for r in arvenia.red_lines] == ["no_foreign_troops", "not_belmarkian", "some_water"]
    assert arvenia.red_line("some_water").citations == ()
    water = arvenia.preferences["water"]
    assert water.weight == 20 and water.values["w30"] == 30 and water.values["w70"] == 100
    assert changed.party("belmark") == tutorial.party("belmark")
    assert overrides.fixed == {"crossing": "reopen", "monitors": None}
    analysis = analyze(changed, fixed=overrides.fixed, blocking=False)
    assert analysis.zopa_size == len(acceptable(changed, fixed=overrides.fixed))
    for point in analysis.frontier:
        assert point.proposal.option("crossing") == "reopen" and point.proposal.option("monitors") is None


def test_dropping_a_red_line_is_the_same_as_deleting_it(tutorial) -> None:
    overrides = parse_overrides('[[parties]]\nid = "belmark"\ndrop_red_lines = ["watched_if_shared"]\n')
    changed = what_if(tutorial, overrides)
    belmark = tutorial.party("belmark")
    by_hand = evolve(tutorial, parties=tuple(
        evolve(p, red_lines=tuple(r for r in p.red_lines if r.id != "watched_if_shared")) if p.id == "belmark" else p
        for p in tutorial.parties))
    assert changed == by_hand
    assert analyze(changed, blocking=False).zopa_size == len(acceptable(by_hand)) > len(acceptable(tutorial))
    assert belmark.red_line("watched_if_shared")  # the original is untouched


def test_flags_make_the_same_overrides_as_a_file(tutorial) -> None:
    flags = overrides_from_flags(drop=["arvenia:half_the_lake"], walk_away=["arvenia=40"], fix=["monitors=open"])
    text = 'fix = { monitors = "open" }\n[[parties]]\nid = "arvenia"\nwalk_away = 40\ndrop_red_lines = ["half_the_lake"]\n'
    assert what_if(tutorial, flags) == what_if(tutorial, parse_overrides(text))
    assert flags.fixed == {"monitors": None}


@given(scenarios(max_issues=3, max_options=3), st.data())
def test_overrides_apply_exactly_what_they_list(scenario, data) -> None:
    party = data.draw(st.sampled_from(scenario.parties))
    dropped = data.draw(st.lists(st.sampled_from([r.id for r in party.red_lines] or ["x"]), unique=True)
                        if party.red_lines else st.just([]))
    walk_away = data.draw(st.none() | st.integers(0, 100).map(float))
    changed = what_if(scenario, Overrides(parties=(PartyChange(party.id, walk_away, tuple(dropped)),)))
    after = changed.party(party.id)
    assert [r.id for r in after.red_lines] == [r.id for r in party.red_lines if r.id not in dropped]
    assert after.walk_away == (party.walk_away if walk_away is None else walk_away)
    assert [p for p in changed.parties if p.id != party.id] == [p for p in scenario.parties if p.id != party.id]


def test_every_problem_is_reported_with_line_path_and_fix(tutorial, tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'scenario = "tutorial"\n'
        'titel = "typo"\n'
        '[fix]\n'
        'mirel = "joint"\n'
        'watr = "w50"\n'
        '[[parties]]\n'
        'id = "arvenia"\n'
        'walk_away = 140\n'
        'drop_red_lines = ["half_lake"]\n'
        '[parties.preferences.water]\n'
        'values = { w40 = 10 }\n'
        '[[parties]]\n'
        'id = "belmarc"\n',
        encoding="utf-8",
    )
    with pytest.raises(ScenarioError) as error:
        what_if(tutorial, load_overrides(bad))
    # The file reads fine (only `titel` is a structural mistake), so that is reported first, alone.
    assert problems(error) == [f"{bad}:2: titel: unknown key `titel`; did you mean `title`?"]
    bad.write_text(bad.read_text(encoding="utf-8").replace("titel", "title"), encoding="utf-8")
    with pytest.raises(ScenarioError) as error:
        what_if(tutorial, load_overrides(bad))
    assert problems(error) == [
        f"{bad}:4: fix.mirel: issue `mirel` has no option `joint`; did you mean `joint_admin`?; "
        'or write "open" to keep the issue open',
        f"{bad}:5: fix.watr: unknown issue `watr`; did you mean `water`?",
        f"{bad}:8: parties[0].walk_away: 140 is out of range; use a number from 0 to 100",
        f"{bad}:9: parties[0].drop_red_lines[0]: party `arvenia` has no red line `half_lake`; "
        "did you mean `half_the_lake`?",
        f"{bad}:11: parties[0].preferences.water.values.w40: issue `water` has no option `w40`; did you mean `w70`?",
        f"{bad}:13: parties[1].id: unknown party `belmarc`; did you mean `belmark`?",
    ]


def test_a_new_red_line_is_checked_like_a_scenarios(tutorial) -> None:
    text = (
        '[[parties]]\nid = "union"\n'
        '[[parties.red_lines]]\nid = "bridge"\nstatement = "The bridge must reopen."\n'
        'rule = { issue = "crosing", require = "reopen" }\n'
        'citations = [{ source = "union-memo", passage = "It said so." }]\n'
    )
    with pytest.raises(ScenarioError) as error:
        what_if(tutorial, parse_overrides(text, "new.toml"))
    assert problems(error) == [
        "new.toml:7: parties[0].red_lines[0].citations[0].source: unknown source `union-memo`; "
        "valid: `arv-address`, `bel-statement`, `union-communique`",
        "new.toml:6: parties[0].red_lines[0].rule.issue: unknown issue `crosing`; did you mean `crossing`?",
    ]


def test_contradictions_and_foreign_overrides_are_refused(tutorial) -> None:
    clash = '[[parties]]\nid = "belmark"\n[[parties.red_lines]]\nid = "give_mirel"\nstatement = "x"\n' \
            'rule = { issue = "mirel", require = "arvenia_gets" }\n'
    with pytest.raises(ScenarioError) as error:
        what_if(tutorial, parse_overrides(clash, "clash.toml"))
    assert problems(error) == ["clash.toml:3: parties[0].red_lines: the red lines of `belmark` would contradict "
                               "each other; drop one of them in drop_red_lines, or change the one you add"]
    with pytest.raises(ScenarioError) as error:
        what_if(tutorial, parse_overrides('scenario = "ukraine-2025"\n', "other.toml"))
    assert problems(error) == ["other.toml:1: scenario: these overrides are for scenario `ukraine-2025`, not "
                               '`tutorial`; use them with their own scenario, or set scenario = "tutorial"']


def test_bad_flags_name_the_flag(tutorial) -> None:
    with pytest.raises(ScenarioError) as error:
        overrides_from_flags(drop=["arvenia"], walk_away=["arvenia=high"])
    assert problems(error) == [
        "command line: --drop arvenia: expected PARTY:RED_LINE; write e.g. --drop PARTY:RED_LINE",
        "command line: --walk-away arvenia=high: expected PARTY=NUMBER; write e.g. --walk-away PARTY=NUMBER",
    ]
    with pytest.raises(ScenarioError) as error:
        what_if(tutorial, overrides_from_flags(drop=["arvenia:half_lake", "belmrk:keep_mirel"], fix=["water=w45"]))
    assert problems(error) == [
        "command line: --fix water=w45: issue `water` has no option `w45`; did you mean `w50`?; "
        'or write "open" to keep the issue open',
        "command line: --drop arvenia:half_lake: party `arvenia` has no red line `half_lake`; did you mean "
        "`half_the_lake`?",
        "command line: --drop belmrk:keep_mirel: unknown party `belmrk`; did you mean `belmark`?",
    ]

"""The optional [teaching] table: loaded when it is right, and every mistake in it reported at once
with its key path and line, like the rest of a scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.loading import ScenarioError, load_scenario, parse_scenario

ROOT = Path(__file__).resolve().parents[1] / "scenarios"
TUTORIAL = (ROOT / "tutorial" / "scenario.toml").read_text(encoding="utf-8")
BASE = TUTORIAL[: TUTORIAL.index("\n[teaching]")]  # the tutorial without its own teaching text


def test_the_shipped_scenarios_carry_their_teaching_text() -> None:
    for folder in ("tutorial", "ukraine-2025"):
        teaching = load_scenario(ROOT / folder / "scenario.toml").teaching
        assert teaching.questions and teaching.notes and teaching.rubric
        assert set(teaching.confidential) == {p.id for p in load_scenario(ROOT / folder / "scenario.toml").parties}
    aftermath = load_scenario(ROOT / "ukraine-2025" / "scenario.toml").teaching.aftermath
    assert aftermath and all(a.date.isoformat() >= "2025-12-04" for a in aftermath)


def test_a_scenario_without_teaching_text_still_loads() -> None:
    scenario = parse_scenario(BASE)
    assert scenario.teaching.questions == () and scenario.teaching.aftermath == ()


def test_every_mistake_in_the_teaching_table_is_reported() -> None:
    text = BASE + '''
[teaching]
questions = ["fine", ""]
rubrc = ["typo"]

[teaching.confidential]
belmrk = "who?"

[[teaching.aftermath]]
date = 2031-03-20
text = "later"

[[teaching.aftermath]]
date = 2030-01-01
text = "before the scenario, and out of order"
sources = ["arv-adress"]
'''
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "s.toml")
    found = [str(p) for p in caught.value.problems]
    lines = {number: line for number, line in enumerate(text.splitlines(), start=1)}
    assert len(found) == 6, found
    assert any("teaching.questions[1]: the text is empty" in p for p in found)
    assert any("teaching.rubrc: unknown key `rubrc`; did you mean `rubric`?" in p for p in found)
    assert any("teaching.confidential.belmrk: unknown party `belmrk`; did you mean `belmark`?" in p for p in found)
    assert any("teaching.aftermath[1].date: 2030-01-01 is before the scenario's date (2031-03-01)" in p for p in found)
    assert any("teaching.aftermath[1].date: 2030-01-01 comes after a later date (2031-03-20)" in p for p in found)
    assert any("teaching.aftermath[1].sources[0]: unknown source `arv-adress`; did you mean `arv-address`?" in p
               for p in found)
    located = [p for p in caught.value.problems if p.line]
    assert located and all(p.line in lines for p in located)
    assert any(lines[p.line].startswith("belmrk") for p in caught.value.problems if p.line)

"""The scenario library: each scenario's period, parties, difficulty, playing time and tagline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sim.cli import main
from sim.present.library import facts, parties_line
from sim.loading import load_scenario, parse_scenario
from sim.loading.problems import ScenarioError

ROOT = Path(__file__).resolve().parent.parent / "scenarios"


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))


def test_scenarios_json_carries_the_library_keys(capsys) -> None:
    assert main(["scenarios", "--json"]) == 0
    listed = {e["id"]: e for e in json.loads(capsys.readouterr().out)}
    camp = listed["camp-david-1978"]
    assert (camp["period"], camp["difficulty"], camp["playing_minutes"]) == ("5–17 September 1978", "normal", 25)
    assert camp["tagline"].startswith("Trade the Sinai")
    assert [(p["id"], p["role"]) for p in camp["parties"]] == [("egypt", "principal"), ("israel", "principal")]
    belfast = listed["belfast-1998"]
    assert {p["id"] for p in belfast["parties"] if p["role"] == "stakeholder"} == {"sinn_fein", "dup"}


def test_scenarios_text_shows_each_scenario_block(capsys) -> None:
    assert main(["scenarios"]) == 0
    out = capsys.readouterr().out
    block = out[out.index("belfast-1998  "):].split("\n\n")[0]
    flat = " ".join(block.split())
    assert "Period: 6–10 April 1998" in flat and "Difficulty: hard" in flat and "Playing time: about 35 minutes" in flat
    assert "Parties: The British government, the Irish government, Ulster Unionist Party, SDLP; also Sinn Féin, " \
           "Democratic Unionist Party" in flat


def test_a_scenario_without_the_keys_falls_back_to_its_date() -> None:
    scenario = load_scenario(ROOT / "ukraine-2025")
    assert dict(facts(scenario))["Period"] == f"as of {scenario.as_of.isoformat()}"
    assert "Difficulty" not in dict(facts(scenario))
    assert parties_line(load_scenario(ROOT / "tutorial")) == "Arvenia, Belmark; also the Regional Union"


def test_bad_library_keys_are_reported_with_their_lines() -> None:
    text = (ROOT / "tutorial" / "scenario.toml").read_text(encoding="utf-8")
    text = text.replace('difficulty = "easy"', 'difficulty = "medium"').replace("playing_minutes = 10", 'playing_minutes = "10"')
    text = text.replace('tagline = "A small', 'tagline = """Two\nlines"""\nperiod2 = "x"\n#"A small')
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "t.toml")
    assert [str(p) for p in caught.value.problems] == [  # every problem at once, the checks too
        "t.toml:13: tagline: the tagline must be one line of at most 160 characters; shorten it; the summary holds the longer text",
        "t.toml:15: period2: unknown key `period2`; did you mean `period`?",
        "t.toml:17: difficulty: expected \"easy\" or \"normal\" or \"hard\", found text 'medium'; valid: `easy`, `normal`, `hard`",
        "t.toml:18: playing_minutes: expected a whole number, found text '10'; write a whole number without quotes, like 30",
    ]
    good = text.replace('difficulty = "medium"', 'difficulty = "easy"').replace('playing_minutes = "10"', "playing_minutes = 0")
    good = good.replace('period2 = "x"\n', "")
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(good, "t.toml")
    assert [str(p) for p in caught.value.problems] == [
        "t.toml:13: tagline: the tagline must be one line of at most 160 characters; shorten it; the summary holds the longer text",
        "t.toml:17: playing_minutes: 0 is out of range; give a typical game's length in minutes, from 1 to 600",
    ]

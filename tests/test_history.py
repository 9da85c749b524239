"""Recorded history as test cases: history.toml, its checks, and `redlines backtest`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sim import catalog
from sim.cli import main
from sim.engine import Verdict, assess
from sim.history import load_history
from sim.history.backtest import MATCHES, backtest_scenario
from sim.history.dates import positions_at
from sim.loading import load_scenario
from sim.loading.problems import ScenarioError

ROOT = Path(__file__).resolve().parent.parent / "scenarios"
WITH_HISTORY = sorted(p for p in ROOT.iterdir() if (p / "history.toml").is_file())
# The signed text of each historical scenario, and the day it was signed.
SIGNED = {"camp-david-1978": ("signed_frameworks", "1978-09-17"), "belfast-1998": ("signed_agreement", "1998-04-10")}


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))


def _card(folder: Path):
    scenario = load_scenario(folder)
    return scenario, backtest_scenario(scenario)


def test_the_historical_scenarios_and_ukraine_record_history() -> None:
    assert {p.name for p in WITH_HISTORY} >= {"camp-david-1978", "belfast-1998", "ukraine-2025"}
    assert not (ROOT / "tutorial" / "history.toml").exists()


@pytest.mark.parametrize("folder", WITH_HISTORY, ids=lambda p: p.name)
def test_every_cell_is_the_engine_verdict_at_the_case_date_against_the_record(folder: Path) -> None:
    scenario, card = _card(folder)
    assert card.case_count > 0 and card.cells
    for cell in card.cells:
        proposal = catalog.find_proposal(cell.case.proposal, scenario)
        assessment = assess(positions_at(scenario, cell.case.date), proposal)
        assert (cell.kind, cell.fits) == (assessment.kind.kind.id, assessment.kind.fits)
        result = assessment.party(cell.party)
        assert cell.engine is result.verdict
        assert cell.matched == (result.verdict in MATCHES[cell.recorded])
        if cell.engine is Verdict.REJECT:
            assert cell.lines == tuple(v.id for v in result.violations) and cell.lines
            assert all(f"`{line}`" in cell.decided_by for line in cell.lines)
        else:
            assert cell.decided_by.startswith("walk-away:") and f"{result.walk_away:g}" in cell.decided_by


@pytest.mark.parametrize("scenario_id", sorted(SIGNED))
def test_the_signed_text_is_a_deal_on_its_signing_date(scenario_id: str) -> None:
    scenario = catalog.find_scenario(scenario_id)
    preset, day = SIGNED[scenario_id]
    import datetime as dt

    proposal = catalog.find_proposal(preset, scenario)
    result = assess(positions_at(scenario, dt.date.fromisoformat(day)), proposal)
    assert result.kind.fits and result.kind.kind.id == scenario.fullest_kind.id  # a deal of the fullest kind
    assert result.deal, result.blockers
    _, card = _card(ROOT / scenario_id)
    signed_cells = [c for c in card.cells if c.case.proposal == preset and c.case.date.isoformat() == day]
    assert signed_cells and all(c.matched for c in signed_cells)


def test_a_tabled_draft_that_was_refused_is_refused_by_the_line_the_record_names() -> None:
    _, card = _card(ROOT / "belfast-1998")
    (uup,) = [c for c in card.cells if c.case.id == "mitchell-draft" and c.party == "uup"]
    assert uup.matched and uup.lines == ("no_annexes",)


def test_backtest_json_shape_covers_every_shipped_scenario(capsys) -> None:
    assert main(["backtest", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ids = [s["id"] for s in data["scenarios"]]
    assert set(ids) >= {p.name for p in ROOT.iterdir() if (p / "scenario.toml").is_file()}
    for entry in data["scenarios"]:
        assert {"id", "cases", "cells", "matched", "misses"} <= set(entry)
        assert entry["matched"] + len(entry["misses"]) == entry["cells"]
        for miss in entry["misses"]:
            assert miss["recorded"] != miss["engine"] and miss["decided_by"] and miss["sources"]
    tutorial = next(s for s in data["scenarios"] if s["id"] == "tutorial")
    assert (tutorial["cases"], tutorial["cells"], tutorial["misses"]) == (0, 0, [])


def test_backtest_names_a_broken_user_scenario_and_scores_the_rest(tmp_path, monkeypatch, capsys) -> None:
    home = tmp_path / "home2"
    monkeypatch.setenv("REDLINES_HOME", str(home))
    (home / "scenarios" / "mine").mkdir(parents=True)
    (home / "scenarios" / "mine" / "scenario.toml").write_text('id = "mine"\n', encoding="utf-8")
    assert main(["backtest"]) == 0
    captured = capsys.readouterr()
    assert "skipped mine: " in captured.err and "redlines validate" in captured.err
    assert "camp-david-1978" in captured.out


def test_backtest_text_lists_every_miss_with_what_decided_it(capsys) -> None:
    assert main(["backtest", "camp-david-1978", "belfast-1998"]) == 0
    out = capsys.readouterr().out
    cards = [_card(ROOT / name)[1] for name in ("camp-david-1978", "belfast-1998")]
    misses = [m for card in cards for m in card.misses]
    assert out.count("MISS ") == len(misses)
    for miss in misses:
        assert f"/ {miss.case.id} (" in out and miss.decided_by.split(" (")[0] in " ".join(out.split())
    total = sum(len(c.cells) for c in cards)
    assert f"{sum(c.matched for c in cards)} of {total} recorded verdicts matched." in out


BAD_HISTORY = '''\
[[cases]]
id = "first"
date = 2031-02-28
proposal = "frist_draft"
title = "A draft"
[cases.verdicts]
arvenia = "rejected"
belmrak = "accept"
[[cases.citations]]
source = "union-communique"
passage = "The Union said so."

[[cases]]
id = "first"
date = 2031-02-21
proposal = "first_draft"
title = "Again"
verdicts = { belmark = "basis" }
[[cases.citations]]
source = "arv-address"
passage = "Too early to report it."

[[cases]]
id = "Bad Id"
date = 2031-02-25
proposal = "first_draft"
title = "No sources"
verdicts = {}
colour = "red"
'''


def test_every_problem_in_a_history_file_has_its_file_line_and_key_path(tmp_path, capsys) -> None:
    folder = tmp_path / "tutorial"
    shutil.copytree(ROOT / "tutorial", folder)
    (folder / "history.toml").write_text(BAD_HISTORY)
    assert main(["validate", str(folder)]) == 2
    err = capsys.readouterr().err.splitlines()
    where = str(folder / "history.toml")
    assert err == [
        f"{where}:4: cases[0].proposal: no preset `frist_draft` in the scenario's proposals/; did you mean `first_draft`?",
        f'{where}:7: cases[0].verdicts.arvenia: expected "reject" or "not_reject" or "basis" or "accept", found text '
        "'rejected'; did you mean `reject`?",
        f"{where}:8: cases[0].verdicts.belmrak: unknown party `belmrak`; did you mean `belmark`?",
        f"{where}:10: cases[0].citations[0].source: source `union-communique` is dated 2031-02-27, before the case "
        "(2031-02-28); cite a source published on or after the case's date, or correct the date",
        f"{where}:14: cases[1].id: duplicate case id `first`; give each a different id",
        f"{where}:20: cases[1].citations[0].source: source `arv-address` is dated 2031-02-20, before the case "
        "(2031-02-21); cite a source published on or after the case's date, or correct the date",
        f"{where}:23: cases[2].citations: case `Bad Id` cites no source; add a [[cases.citations]] table with source, "
        "passage and confidence",
        f"{where}:24: cases[2].id: `Bad Id` is not a valid id; ids use lowercase letters, digits, `_` and `-`, like "
        "`nato_membership`",
        f"{where}:28: cases[2].verdicts: case `Bad Id` records no verdict; add a [cases.verdicts] table: party id = "
        '"reject" | "not_reject" | "basis" | "accept"',
        f"{where}:29: cases[2].colour: unknown key `colour`; valid: `id`, `date`, `proposal`, `title`, `verdicts`, "
        "`citations`, `note`",
        "10 problems found.",
    ]


def test_a_history_file_that_is_not_a_list_of_cases_is_one_clear_problem(tmp_path) -> None:
    folder = tmp_path / "tutorial"
    shutil.copytree(ROOT / "tutorial", folder)
    (folder / "history.toml").write_text('cases = "none"\nnotes = 1\n')
    scenario = load_scenario(folder)
    with pytest.raises(ScenarioError) as caught:
        load_history(scenario, ["first_draft"])
    assert [str(p).split(": ", 1)[1] for p in caught.value.problems] == [
        "cases: expected a list of tables, found text 'none'; write [[cases]] tables",
        "notes: unknown key `notes`; valid: `cases`",
    ]


def test_a_miss_is_shown_with_the_line_or_walk_away_that_decided_it(tmp_path, capsys) -> None:
    folder = tmp_path / "tutorial"
    shutil.copytree(ROOT / "tutorial", folder)
    (folder / "history.toml").write_text(
        '[[cases]]\nid = "draft"\ndate = 2031-02-27\nproposal = "first_draft"\ntitle = "A draft"\n'
        'verdicts = { belmark = "accept", arvenia = "accept", union = "reject" }\n'
        '[[cases.citations]]\nsource = "union-communique"\npassage = "Invented for the test."\n',
        encoding="utf-8",
    )
    assert main(["backtest", str(folder), "--json"]) == 0
    (card,) = json.loads(capsys.readouterr().out)["scenarios"]
    misses = {m["party"]: m for m in card["misses"]}
    assert (card["cases"], card["cells"], card["matched"]) == (1, 3, 3 - len(misses))
    assert misses["belmark"]["engine"] == "reject" and misses["belmark"]["red_lines"] == ["watched_if_shared"]
    assert misses["belmark"]["decided_by"] == "hard red line `watched_if_shared`"
    scenario = load_scenario(folder)
    first = catalog.find_proposal("first_draft", scenario)
    for party in ("arvenia", "union"):
        result = assess(scenario, first).party(party)
        matched = result.verdict in MATCHES[{"arvenia": "accept", "union": "reject"}[party]]
        assert (party not in misses) == matched
        if party in misses and not result.violations:
            assert misses[party]["decided_by"].startswith(f"walk-away: utility {result.utility:.1f}")
    assert main(["backtest", str(folder)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "MISS tutorial / draft (2031-02-27, preset first_draft): Belmark really said accept, the engine says reject" in out
    assert ("decided by hard red line `watched_if_shared`; the text fits no kind of agreement; judged as the nearest, `settlement`"
            in out)


def test_a_historical_game_hides_the_signed_text_but_can_reach_it(tmp_path, capsys) -> None:
    from sim.game import start_game

    state = start_game("belfast-1998")
    assert "signed_agreement" not in state.game.presets and "mitchell_draft" in state.game.presets
    script = tmp_path / "shortcut.txt"
    script.write_text("scenario belfast-1998\ndraft signed_agreement\n", encoding="utf-8")
    assert main(["play", "--script", str(script)]) == 2
    assert "signed_agreement" in capsys.readouterr().err
    assert main(["play", "--script", str(ROOT / "belfast-1998" / "games" / "good-friday.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    signed = catalog.find_proposal("signed_agreement", catalog.find_scenario("belfast-1998")).terms
    assert data["state"]["status"] == "deal" and data["state"]["draft"]["terms"] == dict(signed)


def test_hidden_presets_are_checked(tmp_path, capsys) -> None:
    folder = tmp_path / "camp"
    shutil.copytree(ROOT / "camp-david-1978", folder)
    game = folder / "game.toml"
    text = game.read_text(encoding="utf-8")
    text = text.replace('hidden_presets = ["signed_frameworks", "knesset_package"]', 'hidden_presets = ["signed_framework", "egypt_proposal"]')
    game.write_text(text, encoding="utf-8")
    assert main(["validate", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "game.toml:8: hidden_presets[0]: the scenario has no preset `signed_framework`; did you mean `signed_frameworks`?" in err
    assert "events[0].preset: preset `egypt_proposal` is hidden from the game, so no event can table it" in err


def test_dated_positions_decide_when_the_signed_text_becomes_a_deal() -> None:
    import datetime as dt

    scenario = catalog.find_scenario("camp-david-1978")
    signed = catalog.find_proposal("signed_frameworks", scenario)
    removal = catalog.find_proposal("knesset_package", scenario)
    before = assess(positions_at(scenario, dt.date(1978, 9, 15)), signed)
    assert not before.deal and [v.id for v in before.party("israel").violations] == ["settlers_stay"]
    assert assess(positions_at(scenario, dt.date(1978, 9, 17)), signed).deal
    assert assess(positions_at(scenario, dt.date(1978, 9, 17)), removal).party("israel").verdict is Verdict.REJECT
    assert assess(positions_at(scenario, dt.date(1978, 9, 28)), removal).party("israel").verdict is Verdict.ACCEPT


def test_the_readme_scorecard_is_the_backtest_as_it_runs(capsys) -> None:
    """README publishes the scorecard: every row is what `redlines backtest --json` says today, and
    every scenario with a miss has it explained there (a miss is shown, never tuned away)."""
    import re

    assert main(["backtest", "--json"]) == 0
    data = {s["id"]: s for s in json.loads(capsys.readouterr().out)["scenarios"]}
    readme = (ROOT.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Checked against history", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([a-z0-9-]+)[^|]* \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", section, re.M)
    assert {r[0] for r in rows} == set(data)
    for sid, cases, cases_matched, cells, matched in rows:
        card = data[sid]
        fully = card["cases"] - len({m["case"] for m in card["misses"]})
        assert (int(cases), int(cases_matched), int(cells), int(matched)) == (
            card["cases"], fully, card["cells"], card["matched"]), sid
        for miss in card["misses"]:
            assert miss["proposal"] in section, (sid, miss["case"])


def test_the_revised_framework_has_its_reception_on_record() -> None:
    scenario = load_scenario(ROOT / "ukraine-2025")
    history = load_history(scenario, [p.stem for p in catalog.preset_paths(scenario)])
    cases = [c for c in history.cases if c.proposal == "us_revised_framework"]
    verdicts = {party: v for c in cases for party, v in c.verdicts.items()}
    assert set(verdicts) == {"ukraine", "russia"}
    assert all(c.citations for c in cases)

"""`evaluate --robust`, `analyze --robust` and the trades in `analyze`: text and documented JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sim import catalog
from sim.analysis.robustness import verdict_robustness
from sim.analysis.trades import find_trades, relaxed
from sim.analysis.overview import nash_point
from sim.analysis.overrides import what_if
from sim.analysis.overrides_file import overrides_from_flags
from sim.cli import main
from sim.model.resolve import resolve

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = str(ROOT / "scenarios" / "tutorial")
NO_DEAL = ["--walk-away", "belmark=80", "--walk-away", "arvenia=60"]


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_evaluate_robust_json_is_seeded_and_matches_the_core(capsys):
    args = ["evaluate", "first_draft", "--scenario", TUTORIAL, "--robust", "--samples", "300", "--seed", "4", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out) == data
    assert list(data)[:4] == ["scenario", "proposal", "samples", "seed"] and data["samples"] == 300
    scenario = catalog.find_scenario(TUTORIAL)
    from sim.loading.files import load_proposal

    proposal = load_proposal(Path(TUTORIAL) / "proposals" / "first_draft.toml", scenario)
    core = verdict_robustness(scenario, proposal, samples=300, seed=4)
    assert [(p["id"], p["verdict"], p["holds"]) for p in data["parties"]] == [
        (p.party, p.verdict.value, round(p.holds, 4)) for p in core.parties]
    arvenia = data["parties"][0]
    assert set(arvenia) >= {"verdicts", "margin", "sensitive", "without_low", "without_medium", "fragile"}
    assert arvenia["sensitive"][0]["number"] == "walk_away"


def test_evaluate_robust_text_names_what_a_verdict_hangs_on(capsys):
    assert main(["evaluate", "first_draft", "--scenario", TUTORIAL, "--robust"]) == 0
    out = flat(capsys.readouterr().out)
    assert "1,000 calibrations within the scenario's ranges (seed 0)." in out
    assert "Arvenia: most sensitive to walk-away level 40..50" in out
    assert "Belmark: a hard red line decides the verdict; no calibration moves it." in out


def test_evaluate_robust_rejects_a_bad_sample_count(capsys):
    with pytest.raises(SystemExit):
        main(["evaluate", "first_draft", "--scenario", TUTORIAL, "--robust", "--samples", "0"])
    assert "expected a whole number from 1 to 100000" in capsys.readouterr().err


def test_analyze_robust_json_has_both_variants(capsys):
    assert main(["analyze", "--scenario", TUTORIAL, "--robust", "--samples", "12", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["trades"] is None  # a deal exists: nothing to trade
    robust = data["robustness"]
    assert robust["samples"] == 12 and [v["name"] for v in robust["variants"]] == [
        "as written", "without low-confidence lines"]
    first = robust["variants"][0]
    assert first["deal"] is True and 0 <= first["nash_same"] <= first["deal_share"] <= 1
    assert sum(m["count"] for m in first["nash_modes"]) <= 12
    assert set(first["utility_spread"]) == {"arvenia", "belmark"}


def test_analyze_without_a_deal_shows_trades_that_open_one(capsys):
    assert main(["analyze", "--scenario", TUTORIAL, *NO_DEAL, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    trades = data["trades"]
    assert data["deal_exists"] is False and trades["size"] and trades["trades"]
    # The command analyses the fullest kind, on the scenario's date, then applies the what-if flags.
    scenario = what_if(resolve(catalog.find_scenario(TUTORIAL)), overrides_from_flags([], ["belmark=80", "arvenia=60"], []))
    core = find_trades(scenario)
    assert [t["words"] for t in trades["trades"]][:1] and len(trades["trades"]) == len(core.trades)
    for trade in core.trades:
        assert nash_point(relaxed(scenario, trade.moves)) is not None
    assert main(["analyze", "--scenario", TUTORIAL, *NO_DEAL]) == 0
    out = flat(capsys.readouterr().out)
    assert f"Trades: {len(core.trades)} smallest sets of {core.size} move" in out
    assert "would have to settle for" in out and "The deal it opens:" in out


def test_analyze_on_the_default_scenario_says_no_trade_of_three_opens_a_deal(capsys):
    assert main(["analyze"]) == 0
    out = flat(capsys.readouterr().out)
    assert ("Trades: no set of up to 3 moves (dropping or softening a red line, lowering a walk-away level a step) "
            "opens a deal.") in out

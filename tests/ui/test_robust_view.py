"""What the app shows of robustness and trades: the debrief's section, the charts' rows, fragile cards."""

from __future__ import annotations

from pathlib import Path

from sim import catalog
from sim.analysis.overrides import what_if
from sim.analysis.overrides_file import overrides_from_flags
from sim.model.resolve import resolve
from sim.present import cards as present
from sim.present.debrief import debrief_markdown  # noqa: F401 - the section is appended by it (see end screen)
from sim.present.robustness_view import asks_rows, robustness_rows, solidity, solidity_markdown, with_fragility

ROOT = Path(__file__).resolve().parents[2]


def test_the_debrief_section_has_a_chart_and_the_trades_in_words():
    tutorial = catalog.find_scenario(str(ROOT / "scenarios" / "tutorial"))
    # As the analysis does: the fullest kind on the scenario's date first, then the what-if.
    scenario = what_if(resolve(tutorial), overrides_from_flags([], ["belmark=80", "arvenia=60"], []))
    found = solidity(scenario, deal_exists=False)
    text = solidity_markdown(scenario, found)
    assert "```" in text and "deal exists, as written" in text
    assert "The smallest trades that open a deal (3 moves each):" in text
    assert "would have to" in text
    rows = asks_rows(scenario, found.trades)
    assert rows and all(ask > 0 for _, ask, _ in rows)
    assert [label for label, _, _ in robustness_rows(found.robust)][:1] == ["deal exists, as written"]


def test_a_card_says_when_its_verdict_is_fragile():
    # The interim package: Moscow accepts it only 1.4 points above its interim walk-away, so its
    # verdict moves with the calibration; Washington's (5.8 points above) holds in nearly all.
    scenario = catalog.find_scenario("ukraine-2025")
    package = catalog.find_proposal("interim_humanitarian", scenario)
    from sim.engine import assess

    cards = [present.card_from_assessment(r) for r in assess(scenario, package).parties]
    shown = {card.party_id: card.note for card in with_fragility(scenario, package, cards)}
    assert shown["russia"].startswith("fragile: this verdict holds in ")
    assert shown["united_states"] == ""

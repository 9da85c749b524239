"""What the app shows of robustness and trades: the debrief's section, the charts' rows, fragile cards."""

from __future__ import annotations

from pathlib import Path

from sim import catalog
from sim.analysis.overrides import what_if
from sim.analysis.overrides_file import overrides_from_flags
from sim.model import Proposal
from sim.ui import present
from sim.ui.debrief import debrief_markdown  # noqa: F401 - the section is appended by it (see end screen)
from sim.ui.robust_view import asks_rows, robustness_rows, solidity, solidity_markdown, with_fragility

ROOT = Path(__file__).resolve().parents[2]


def test_the_debrief_section_has_a_chart_and_the_trades_in_words():
    tutorial = catalog.find_scenario(str(ROOT / "scenarios" / "tutorial"))
    scenario = what_if(tutorial, overrides_from_flags([], ["belmark=80", "arvenia=60"], []))
    found = solidity(scenario, deal_exists=False)
    text = solidity_markdown(scenario, found)
    assert "```" in text and "deal exists, as written" in text
    assert "The smallest trades that open a deal (3 moves each):" in text
    assert "would have to" in text
    rows = asks_rows(scenario, found.trades)
    assert rows and all(ask > 0 for _, ask, _ in rows)
    assert [label for label, _, _ in robustness_rows(found.robust)][:1] == ["deal exists, as written"]


def test_a_card_says_when_its_verdict_is_fragile():
    scenario = catalog.find_scenario("ukraine-2025")
    empty = Proposal(scenario.id, {})
    from sim.engine import assess

    cards = [present.card_from_assessment(r) for r in assess(scenario, empty).parties]
    shown = {card.party_id: card.note for card in with_fragility(scenario, empty, cards)}
    assert shown["ukraine"].startswith("fragile: this verdict holds in ")
    assert shown["russia"] == ""  # 42 points short: no calibration moves it

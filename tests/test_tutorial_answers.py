"""The tutorial's answers, worked out by hand (the arithmetic is in the comments)."""

from __future__ import annotations

from attrs import evolve

import pytest

from sim import catalog
from sim.engine import Verdict, assess
from sim.model import Proposal


@pytest.fixture(scope="module")
def tutorial():
    return catalog.find_scenario("tutorial")


def verdicts(scenario, proposal):
    return {r.party.id: (r.verdict, round(r.utility, 4), tuple(v.id for v in r.violations)) for r in assess(scenario, proposal).parties}


def test_first_draft(tutorial) -> None:
    result = assess(tutorial, catalog.find_proposal("first_draft", tutorial))
    assert verdicts(tutorial, result.proposal) == {
        # weights 40/30/10/10/10 of 100: Mirel joint 60 → 24, water w50 60 → 18, monitors open 100 → 10,
        # prisoners partial 40 → 4, crossing open 20 → 2: 58, above the walk-away 45, no red line crossed.
        "arvenia": (Verdict.ACCEPT, 58.0, ()),
        # 40/20/15/15/10: joint 50 → 20, w50 60 → 12, monitors open 0, partial 30 → 4.5, crossing open 30 → 3:
        # 39.5, less the soft all_prisoners_home penalty of 20 → 19.5. Mirel is shared with nobody watching
        # the line (monitors open fails at_least), so the hard if-then line is crossed.
        "belmark": (Verdict.REJECT, 19.5, ("watched_if_shared",)),
        # 40/40/20: monitors open 0, crossing open 0, partial 40 → 8: short of 50.
        "union": (Verdict.BASIS, 8.0, ()),
    }
    assert not result.deal and result.blockers == ("belmark",)
    (soft,) = result.party("belmark").penalties
    assert (soft.id, soft.penalty) == ("all_prisoners_home", 20.0)


def test_a_deal_exists(tutorial) -> None:
    deal = Proposal("tutorial", {"mirel": "joint_admin", "water": "w50", "monitors": "observers",
                                 "prisoners": "all_for_all", "crossing": "reopen"})
    assert verdicts(tutorial, deal) == {
        "arvenia": (Verdict.ACCEPT, 68.0, ()),  # 24 + 18 + 6 + 10 + 10
        "belmark": (Verdict.ACCEPT, 69.0, ()),  # 20 + 12 + 12 + 15 + 10
        "union": (Verdict.ACCEPT, 100.0, ()),  # 40 + 40 + 20
    }
    assert assess(tutorial, deal).deal


def test_openings_are_rejected_by_the_other_side(tutorial) -> None:
    arvenia = assess(tutorial, catalog.find_proposal("arvenia_opening", tutorial))
    belmark = assess(tutorial, catalog.find_proposal("belmark_opening", tutorial))
    assert arvenia.blockers == ("belmark",) and arvenia.party("arvenia").verdict is Verdict.ACCEPT
    assert belmark.blockers == ("arvenia",) and belmark.party("belmark").verdict is Verdict.ACCEPT
    assert {v.id for v in belmark.party("arvenia").violations} == {"half_the_lake", "no_foreign_troops", "not_belmarkian"}


def test_the_empty_proposal_crosses_only_require_style_lines(tutorial) -> None:
    # Judged as a settlement (which it is not: it settles nothing), so that every line counts.
    result = assess(tutorial, Proposal("tutorial", kind="settlement"))
    assert not result.deal and len(result.kind.problems) == 3
    # Everything open: at_least and at_most fail (half_the_lake, fair_water_split), require fails
    # (the soft all_prisoners_home), forbid and not-require hold, and the if-then line does not apply.
    assert [v.id for v in result.party("arvenia").violations] == ["half_the_lake"]
    assert result.party("belmark").violations == ()
    assert [v.id for v in result.party("belmark").penalties] == ["all_prisoners_home"]
    # The Union's line rests on a low-confidence source, so it is soft: a penalty, never a veto.
    assert result.party("union").violations == ()
    assert "fair_water_split" in [v.id for v in result.party("union").penalties]


def test_a_text_of_no_kind_is_judged_as_the_fullest_and_never_a_deal(tutorial) -> None:
    result = assess(tutorial, Proposal("tutorial"))
    assert result.kind.kind.id == "settlement" and result.kind.inferred and not result.deal
    assert result.kind.problems[0] == "it leaves Status of Mirel open, which a settlement must settle"
    # As a ceasefire it still fails (no monitors), but the water lines, about the final split, no
    # longer count against it.
    ceasefire = assess(tutorial, Proposal("tutorial", kind="ceasefire"))
    assert ceasefire.kind.problems == ("it leaves Ceasefire monitoring open, which a ceasefire must settle",)
    assert ceasefire.party("arvenia").violations == () and ceasefire.party("union").violations == ()


def test_a_ceasefire_deal_exists_and_a_settlement_deal_too(tutorial) -> None:
    ceasefire = Proposal("tutorial", {"monitors": "observers", "prisoners": "all_for_all", "crossing": "reopen"})
    judged = assess(tutorial, ceasefire)
    assert judged.kind.kind.id == "ceasefire" and judged.kind.fits and judged.deal
    # The same terms with Mirel settled are no ceasefire (nor an exchange) and not yet a settlement.
    mixed = assess(tutorial, ceasefire.with_term("mirel", "joint_admin"))
    assert mixed.kind.kind.id == "settlement" and not mixed.deal
    assert mixed.kind.problems == ("it leaves Arvenia's share of the lake's water open, which a settlement must settle",)
    stated = assess(tutorial, evolve(ceasefire.with_term("mirel", "joint_admin"), kind="ceasefire"))
    assert not stated.deal and stated.kind.problems == (
        "it settles Status of Mirel, which a ceasefire leaves alone",)


def test_belmark_asked_more_before_its_cabinet_spoke(tutorial) -> None:
    import datetime as dt

    from sim.model.resolve import dated

    before, after = dated(tutorial, dt.date(2031, 2, 23)), dated(tutorial, dt.date(2031, 2, 24))
    assert before.party("belmark").walk_away == 50 and after.party("belmark").walk_away == 40
    assert tutorial.party("belmark").walk_away == 50  # the file's top level is the start of the record

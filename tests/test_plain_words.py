"""Scenario text as a player reads it: names inside sentences, possessives, and sources named by
their titles rather than by the ids a scenario's authors use."""

from __future__ import annotations

from sim import catalog
from sim.model.plain import possessive, reflowed, short_title, with_source_titles


def test_possessives_read_as_english() -> None:
    assert possessive("Israel") == "Israel's"
    assert possessive("The United States") == "The United States'"
    assert possessive("Europe (the E3 and EU leaders)") == "Europe's"


def test_a_source_id_in_free_text_becomes_its_title() -> None:
    scenario = catalog.find_scenario("ukraine-2025")
    source = scenario.source("kremlin-meeting")
    text = "The reports disagree: kremlin-meeting says otherwise (crbc-talks, ap-sticking-points)."
    read = with_source_titles(scenario, text)
    assert "kremlin-meeting" not in read and "crbc-talks" not in read and "ap-sticking-points" not in read
    assert f"“{short_title(source)}” says otherwise" in read
    assert "(our title" not in read  # our remark about a made-up title is for authors, not players


def test_a_word_that_only_contains_an_id_is_left_alone() -> None:
    scenario = catalog.find_scenario("ukraine-2025")
    assert with_source_titles(scenario, "see pre-moscow-era texts") == "see pre-moscow-era texts"
    assert reflowed(scenario, "two\nlines") == "two lines"

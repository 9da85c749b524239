"""Every shipped scenario and proposal validates, and the format guide's example is the real file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim import catalog
from sim.engine.compiled import compile_rule
from sim.engine.satisfiable import satisfying_choices
from sim.loading import load_proposal, load_scenario

ROOT = Path(__file__).resolve().parent.parent / "scenarios"
SHIPPED = sorted(p for p in ROOT.iterdir() if (p / "scenario.toml").is_file())
PROPOSALS = sorted(p for folder in SHIPPED for p in (folder / "proposals").glob("*.toml"))


def test_there_are_shipped_scenarios_with_presets() -> None:
    assert any(folder.name == "tutorial" for folder in SHIPPED)
    assert all(list((folder / "proposals").glob("*.toml")) for folder in SHIPPED)


@pytest.mark.parametrize("folder", SHIPPED, ids=lambda p: p.name)
def test_scenario_loads_and_its_id_is_its_folder_name(folder: Path) -> None:
    assert load_scenario(folder).id == folder.name


@pytest.mark.parametrize("path", PROPOSALS, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_preset_proposal_loads_against_its_scenario(path: Path) -> None:
    scenario = load_scenario(path.parent.parent)
    assert load_proposal(path, scenario).scenario == scenario.id


@pytest.mark.parametrize("folder", SHIPPED, ids=lambda p: p.name)
def test_each_party_can_satisfy_all_its_own_red_lines_at_once(folder: Path) -> None:
    scenario = load_scenario(folder)
    sizes = [len(i.options) + 1 for i in scenario.issues]
    for party in scenario.parties:
        rules = [compile_rule(r.rule, scenario) for r in party.red_lines]
        assert satisfying_choices(rules, sizes) is not None, party.id


@pytest.mark.parametrize("folder", SHIPPED, ids=lambda p: p.name)
def test_every_red_line_cites_a_source_of_its_scenario(folder: Path) -> None:
    scenario = load_scenario(folder)
    source_ids = {s.id for s in scenario.sources}
    for party in scenario.parties:
        for red_line in party.red_lines:
            assert red_line.citations, f"{party.id}.{red_line.id}"
            assert {c.source for c in red_line.citations} <= source_ids


def test_catalog_finds_the_shipped_scenarios() -> None:
    found = {e.id: e for e in catalog.entries() if e.origin == "shipped"}
    assert {folder.name for folder in SHIPPED} <= set(found)
    assert all(e.error is None for e in found.values())


def test_format_guide_embeds_the_tutorial_exactly() -> None:
    guide = (ROOT / "FORMAT.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", guide, flags=re.S)
    assert (ROOT / "tutorial" / "scenario.toml").read_text(encoding="utf-8") in blocks
    assert (ROOT / "tutorial" / "proposals" / "first_draft.toml").read_text(encoding="utf-8") in blocks

"""`redlines pack`: the classroom kit of both shipped scenarios, reviewed Markdown snapshots, safe
self-contained HTML, and each document saying only what its reader may know."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim import catalog
from sim.cli import main
from sim.present.pack import build_pack, render_pack, roles
from tests.report_support import HOSTILE, assert_safe_html, hostile_tutorial, match_snapshot

SCENARIOS = ("tutorial", "ukraine-2025")


@pytest.fixture(scope="module", params=SCENARIOS)
def kit(request):
    scenario = catalog.find_scenario(request.param)
    return scenario, build_pack(scenario)


def test_the_markdown_kit_matches_its_reviewed_snapshot(kit) -> None:
    scenario, documents = kit
    match_snapshot(f"pack/{scenario.id}.md", render_pack(documents, "md"))


def test_the_html_kit_is_safe_and_prints_one_document_per_page(kit) -> None:
    scenario, documents = kit
    page = render_pack(documents, "html")
    assert_safe_html(page)
    assert page.count('<section class="document">') == len(roles(scenario)) and "break-before: page" in page


def test_every_role_has_its_document_and_the_instructor_gets_both_lesson_plans(kit) -> None:
    scenario, documents = kit
    assert [d["role"] for d in documents] == [*scenario.party_ids, "mediator", "instructor"]
    notes = render_pack([documents[-1]], "md")
    for heading in ("Running it in 45 minutes", "Running it in 90 minutes", "What the engine knows",
                    "What happened next", "Questions for discussion", "Grading rubric", "position memo"):
        assert heading in notes
    for question in scenario.teaching.questions:
        assert question.split()[0] in notes


def test_a_party_reads_its_own_lines_and_only_the_others_public_ones(kit) -> None:
    scenario, documents = kit
    for document, party in zip(documents, scenario.parties):
        text = render_pack([document], "md")
        assert f"# Confidential instructions: {party.name}" in text
        for line in party.red_lines:  # its own lines, soft ones too, with their sources
            assert line.statement.split(",")[0].replace("*", "") in text.replace("\\", "")
        for other in scenario.parties:
            if other.id == party.id:
                continue
            for line in other.red_lines:
                if not line.hard:  # another party's soft line is its secret: never in this document
                    assert line.statement not in text.replace("\\", "")
        assert str(party.walk_away) not in text.split("## How far you can go")[1].split("##")[0]  # in words


def test_the_mediator_reads_public_positions_only(kit) -> None:
    scenario, documents = kit
    text = " ".join(render_pack([d for d in documents if d["role"] == "mediator"], "md").replace("\\", "").split())
    for party in scenario.parties:
        assert " ".join(party.position.split()).split(";")[0] in text
        for line in party.red_lines:
            assert " ".join(line.statement.split()) not in text
    for paragraph in scenario.teaching.confidential.values():
        assert paragraph[:40] not in text


def test_every_text_field_is_escaped_in_the_kit(tmp_path: Path) -> None:
    scenario = catalog.find_scenario(str(hostile_tutorial(tmp_path)))
    documents = build_pack(scenario)
    page = render_pack(documents, "html")
    assert_safe_html(page)
    assert "&lt;script&gt;" in page
    markdown = render_pack(documents, "md")
    assert "<" not in markdown.replace("\\<", "") and "[bold red]" not in markdown.replace("\\[bold red\\]", "")
    assert HOSTILE not in markdown


def test_pack_command_writes_one_file_per_document(tmp_path: Path, capsys) -> None:
    assert main(["pack", "--scenario", "tutorial", "--format", "html", "-o", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"tutorial-{role}.html" for role in roles(catalog.find_scenario("tutorial")))
    assert capsys.readouterr().out.split() == [str(tmp_path / name) for name in sorted(written, key=lambda n: (
        [*roles(catalog.find_scenario("tutorial"))].index(n.removeprefix("tutorial-").removesuffix(".html"))))]
    assert main(["pack", "--scenario", "tutorial", "--role", "belmark"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Confidential instructions: Belmark") and "Arvenia\n" not in out


def test_an_unknown_role_is_one_line_with_the_valid_ones(capsys) -> None:
    assert main(["pack", "--scenario", "tutorial", "--role", "belmrk"]) == 2
    error = capsys.readouterr().err.splitlines()
    assert error == ["--role: `belmrk` is not a role in tutorial; did you mean `belmark`?", "1 problem found."]

"""`redlines report`: every shipped game in all three formats, reviewed snapshots of the Markdown,
a self-contained and escaped HTML page, a stable JSON shape, and the usual errors for bad saves."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sim.cli import main
from sim.game import score
from sim.game.saves import write_save
from sim.present.report import FORMAT, VERSION, build_report, load_game, render
from tests.report_support import ROOT, assert_safe_html, hostile_tutorial, match_snapshot

GAMES = sorted((ROOT / "scenarios").glob("*/games/*.txt"))
ACTION_LINE = re.compile(r"^(travel|table|consult|lever|convene|summit|wait|set|open|draft|adopt) \S", re.I)


@pytest.fixture(scope="module", params=GAMES, ids=lambda p: f"{p.parent.parent.name}-{p.stem}")
def played(request):
    state = load_game(request.param)
    return request.param, state, build_report(state)


def _texts(report: dict) -> list[str]:
    return [e["text"] for day in report["story"] for e in day["entries"]]


def test_the_markdown_matches_its_reviewed_snapshot(played) -> None:
    path, _, report = played
    match_snapshot(f"report/{path.parent.parent.name}-{path.stem}.md", render(report, "md"))


def test_the_story_is_told_in_words_never_in_script_lines(played) -> None:
    _, state, report = played
    texts = _texts(report)
    assert texts and len(report["story"]) >= 2
    for text in texts:
        assert "`" not in text and not ACTION_LINE.match(text), text
    days = [day["day"] for day in report["story"]]
    assert days == sorted(days) and len(days) == len(set(days))
    # Every tabling of the draft is told, and every feed line of the game is in the story.
    assert sum(e["kind"] == "tabled" for day in report["story"] for e in day["entries"]) == \
        sum(entry.line.startswith("table ") for entry in state.log)
    assert sum(e["kind"] not in ("tabled", "draft") for day in report["story"] for e in day["entries"]) == len(state.feed)


def test_the_json_report_is_the_documented_shape_and_agrees_with_the_game(played) -> None:
    _, state, report = played
    data = json.loads(render(report, "json"))
    assert data["format"] == FORMAT and data["version"] == VERSION
    assert list(data) == ["format", "version", "scenario", "game", "parties", "story", "concessions", "balance",
                          "final_draft", "agreements", "comparison", "score", "questions"]
    assert data["score"]["total"] == score(state).total
    assert data["game"]["status"] == state.status.value and data["game"]["actions"] == len(state.log)
    assert [a["day"] for a in data["agreements"]] == [a.day.isoformat() for a in state.agreements]
    assert {"final", *(f"plan:{name}" for name in state.game.presets)} <= {c["key"] for c in data["comparison"]["columns"]}
    assert data["questions"][: len(state.scenario.teaching.questions)] == list(state.scenario.teaching.questions)
    final = data["comparison"]["columns"][0]
    assert [t["option"] for t in final["terms"]] == [state.draft.option(i) for i in state.scenario.issue_ids]


def test_the_html_report_is_one_safe_self_contained_page_with_a_chart(played) -> None:
    _, state, report = played
    page = render(report, "html")
    assert_safe_html(page)
    assert "@media print" in page and "@page" in page
    principals = len(state.scenario.principals)
    assert page.count("<svg") == min(3, principals * (principals - 1) // 2)
    assert page.count('<g class="m-plan">') == page.count("<svg") * len(state.game.presets)


def test_the_concessions_ledger_says_who_each_change_moved_towards() -> None:
    state = load_game(ROOT / "scenarios" / "tutorial" / "games" / "deal.txt")
    rows = {row["issue"]: row for row in build_report(state)["concessions"]}
    assert set(rows) == {"monitors", "prisoners", "crossing"}  # the three revisions of the script
    monitors = rows["monitors"]
    assert (monitors["before"], monitors["after"]) == (None, "observers")
    assert "belmark" in monitors["towards"] and "arvenia" in monitors["away_from"]  # Arvenia wanted no monitors
    assert monitors["changes"]["belmark"] > 0 > monitors["changes"]["arvenia"]


def test_every_text_field_of_a_scenario_is_escaped(tmp_path: Path) -> None:
    folder = hostile_tutorial(tmp_path)
    state = load_game(ROOT / "scenarios" / "tutorial" / "games" / "deal.txt", scenario=str(folder))
    report = build_report(state)
    page = render(report, "html")
    assert_safe_html(page)
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;&lt;/style&gt;") > 20  # the text is shown, escaped
    markdown = render(report, "md")
    assert "<" not in markdown.replace("\\<", "") and not re.search(r"(?<!\\)\]\(javascript:", markdown)
    assert "\\[bold red\\]rich\\[/\\]" in markdown and "[bold red]" not in markdown.replace("\\[bold red\\]", "")


def test_report_command_writes_each_format(tmp_path: Path, capsys) -> None:
    game = ROOT / "scenarios" / "tutorial" / "games" / "deal.txt"
    for fmt in ("md", "html", "json"):
        target = tmp_path / f"report.{fmt}"
        assert main(["report", str(game), "--format", fmt, "-o", str(target)]) == 0
        assert target.stat().st_size > 1000 and target.stat().st_mode & 0o044  # others may read it
    assert main(["report", str(game)]) == 0
    assert capsys.readouterr().out.startswith("# Debrief: Lake Tessa")


def test_a_save_reports_the_same_game_as_its_script(tmp_path: Path) -> None:
    game = ROOT / "scenarios" / "tutorial" / "games" / "deal.txt"
    state = load_game(game)
    save = write_save(state, tmp_path / "deal.json")
    assert render(build_report(load_game(save)), "md") == render(build_report(state), "md")


@pytest.mark.parametrize("content, message", [
    ("{ not json", "the save is corrupt"),
    ('{"format": "something-else", "version": 1}', "this is not a Red Lines save"),
    ('{"format": "redlines-save", "version": 99}', "this save was made by a newer Red Lines"),
])
def test_a_broken_foreign_or_newer_save_is_one_line_and_exit_2(tmp_path: Path, capsys, content: str, message: str) -> None:
    path = tmp_path / "game.json"
    path.write_text(content, encoding="utf-8")
    assert main(["report", str(path)]) == 2
    error = capsys.readouterr().err.splitlines()
    assert len(error) == 2 and error[0].startswith(f"{path}") and message in error[0] and error[1] == "1 problem found."


def test_an_unwritable_output_is_an_error_not_a_traceback(tmp_path: Path, capsys) -> None:
    game = ROOT / "scenarios" / "tutorial" / "games" / "deal.txt"
    assert main(["report", str(game), "-o", str(tmp_path)]) == 2
    assert "this is a folder" in capsys.readouterr().err


def test_the_readme_documents_the_json_report_as_it_is() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### The JSON report", 1)[1].split("```json\n", 1)[1].split("```", 1)[0]
    documented = json.loads(block)
    real = build_report(load_game(ROOT / "scenarios" / "tutorial" / "games" / "deal.txt"))
    assert list(documented) == list(real)
    for key in ("scenario", "game", "comparison", "score"):
        assert list(documented[key]) == list(real[key]), key
    assert set(documented["concessions"][0]) == set(real["concessions"][0])
    assert set(documented["comparison"]["columns"][0]) <= set(real["comparison"]["columns"][0])
    assert set(documented["comparison"]["blocked"]) == set(real["comparison"]["blocked"])
    assert set(documented["balance"][0]) == set(real["balance"][0])

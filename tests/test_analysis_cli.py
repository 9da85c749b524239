"""`redlines analyze` and `redlines suggest`: readable text, documented JSON, clear errors, clean Ctrl-C."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sim import catalog
from sim.analysis import analyze, closest_acceptable
from sim.cli import main
from sim.cli.progress import TerminalProgress
from sim.model.plain import option_label
from tests.analysis_oracle import acceptable

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = str(ROOT / "scenarios" / "tutorial")
EXAMPLE = str(ROOT / "scenarios" / "tutorial" / "what-if" / "shared_lake.toml")


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="module")
def tutorial():
    return catalog.find_scenario(TUTORIAL)


def flat(text: str) -> str:
    return " ".join(text.split())  # wrapping is for the eye, not the test


def test_analyze_text_on_a_scenario_with_a_deal(tutorial, capsys) -> None:
    assert main(["analyze", "--scenario", TUTORIAL]) == 0
    out = flat(capsys.readouterr().out)
    analysis = analyze(tutorial)
    assert f"Zone of possible agreement: {len(acceptable(tutorial))} proposals every principal accepts" in out
    for issue_id, option_id in analysis.nash.proposal.terms.items():
        assert f"{tutorial.issue(issue_id).title}: {option_label(tutorial, issue_id, option_id)}" in out
    assert f"Pareto frontier: {analysis.frontier_size} deals" in out
    top = analysis.blocking[0]
    assert f"1 {tutorial.party(top.party).name} {top.relaxed} {top.zopa_size_if_relaxed}" in out
    assert tutorial.party(top.party).red_line(top.red_line).statement in out


def test_analyze_json_keys_in_order_of_importance(tutorial, capsys) -> None:
    assert main(["analyze", "--scenario", TUTORIAL, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data)[:4] == ["zopa_size", "nash", "frontier_size", "blocking"]
    analysis = analyze(tutorial)
    assert data["zopa_size"] == analysis.zopa_size and data["frontier_size"] == analysis.frontier_size
    assert data["nash"]["terms"] == dict(analysis.nash.proposal.terms)
    assert data["nash"]["utilities"] == {k: round(v, 4) for k, v in analysis.nash.utilities.items()}
    assert [(b["party"], b["red_line"], b["zopa_size_if_relaxed"]) for b in data["blocking"]] == [
        (r.party, r.red_line, r.zopa_size_if_relaxed) for r in analysis.blocking]
    assert data["deal_exists"] is True and data["obstacles"] == [] and data["best_effort"] is None
    assert len(data["frontier"]) == analysis.frontier_size


def test_analyze_says_plainly_when_no_deal_exists(capsys) -> None:
    # The default scenario: Moscow's and Kyiv's hard lines cannot hold together, so there is no
    # closest proposal within them either, and the answer names the clash.
    scenario = catalog.find_scenario("ukraine-2025")
    assert main(["analyze", "--scenario", "ukraine-2025"]) == 0
    out = flat(capsys.readouterr().out)
    names = " and ".join([", ".join(p.name for p in scenario.principals[:-1]), scenario.principals[-1].name])
    assert f"No full settlement: no proposal of this kind is accepted by {names} together." in out
    assert "Why: - Russia and Ukraine: these red lines cannot all hold at once" in out
    assert "What blocks a deal:" in out
    assert main(["analyze", "--scenario", "ukraine-2025", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["zopa_size"] == 0 and data["nash"] is None and data["deal_exists"] is False
    assert data["obstacles"] and data["best_effort"] is None


def test_analyze_shows_the_closest_proposal_when_the_hard_lines_allow_one(capsys) -> None:
    # The tutorial with Arvenia asking for more than any deal gives it: no deal, but the hard lines
    # hold together, so the closest proposal within them is shown with its shortfall.
    args = ["analyze", "--scenario", "tutorial", "--walk-away", "arvenia=90"]
    assert main(args) == 0
    out = flat(capsys.readouterr().out)
    assert "No settlement: no proposal of this kind is accepted by Arvenia and Belmark together." in out
    assert "Why: - " in out
    assert "Closest to a deal:" in out and "points short of its walk-away level" in out
    assert "What blocks a deal:" in out
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["zopa_size"] == 0 and data["nash"] is None and data["deal_exists"] is False
    assert data["obstacles"] and data["gap"] > 0 and data["best_effort"]["terms"]
    gaps = [b["gap_if_relaxed"] for b in data["blocking"] if not b["deal_if_relaxed"]]
    assert gaps == sorted(gaps)


def test_analyze_what_if_file_and_flags(tutorial, capsys) -> None:
    assert main(["analyze", "--scenario", TUTORIAL, "--what-if", EXAMPLE]) == 0
    out = flat(capsys.readouterr().out)
    assert "What if: What if Arvenia settles for less of the lake?" in out
    assert "Fixed terms: The border crossing at Tessa bridge: Reopens to trade; Ceasefire monitoring: open" in out
    assert main(["analyze", "--scenario", TUTORIAL, "--drop", "belmark:watched_if_shared", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["what_if"] == "--drop belmark:watched_if_shared"
    assert all(b["red_line"] != "watched_if_shared" for b in data["blocking"])
    assert data["zopa_size"] > analyze(tutorial).zopa_size


def test_analyze_bad_overrides_exit_2_without_traceback(tmp_path, capsys) -> None:
    bad = tmp_path / "w.toml"
    bad.write_text('[[parties]]\nid = "arvenia"\ndrop_red_lines = ["half"]\n', encoding="utf-8")
    assert main(["analyze", "--scenario", TUTORIAL, "--what-if", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3: parties[0].drop_red_lines[0]: party `arvenia` has no red line `half`" in err
    assert "Traceback" not in err
    assert main(["analyze", "--scenario", TUTORIAL, "--walk-away", "arvenia=x"]) == 2
    assert "command line: --walk-away arvenia=x: expected PARTY=NUMBER" in capsys.readouterr().err


def test_suggest_lists_the_changes(tutorial, capsys) -> None:
    draft = catalog.find_proposal("first_draft", tutorial)
    suggestion = closest_acceptable(tutorial, draft)
    assert main(["suggest", "first_draft", "--scenario", TUTORIAL]) == 0
    out = flat(capsys.readouterr().out)
    count = len(suggestion.changes)
    assert f"{count} change{'s' if count != 1 else ''}:" in out
    for change in suggestion.changes:
        title = tutorial.issue(change.issue).title
        before = option_label(tutorial, change.issue, change.before)
        assert f"{title}: {before} -> {option_label(tutorial, change.issue, change.after)}" in out
    assert main(["suggest", "first_draft", "--scenario", TUTORIAL, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["suggestion"]["distance"] == suggestion.distance
    assert data["suggestion"]["changes"] == [{"issue": c.issue, "before": c.before, "after": c.after}
                                             for c in suggestion.changes]
    assert data["parties"] == ["arvenia", "belmark"] and data["why_none"] == []


def test_suggest_for_one_party_with_a_level_and_fixed_terms(tutorial, capsys) -> None:
    draft = catalog.find_proposal("first_draft", tutorial)
    args = ["suggest", "first_draft", "--scenario", TUTORIAL, "--party", "belmark", "--min-utility", "belmark=70",
            "--fix", "mirel=joint_admin", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    expected = closest_acceptable(tutorial, draft, parties=["belmark"], min_utility={"belmark": 70.0},
                                  fixed={"mirel": "joint_admin"})
    assert data["suggestion"]["terms"] == dict(expected.proposal.terms)
    assert data["suggestion"]["terms"]["mirel"] == "joint_admin"
    assert data["suggestion"]["utilities"]["belmark"] >= 70


def test_suggest_explains_when_nothing_is_acceptable(capsys) -> None:
    assert main(["suggest", "us_28_point", "--scenario", "ukraine-2025"]) == 1  # nothing acceptable: exit 1
    out = flat(capsys.readouterr().out)
    assert "None exists: no proposal is acceptable to" in out and "Why: - " in out
    base = ["suggest", "first_draft", "--scenario", TUTORIAL, "--party", "arvenia"]
    assert main([*base, "--min-utility", "arvenia=95", "--fix", "mirel=joint_admin", "--fix", "water=w50"]) == 1  # nothing acceptable: exit 1
    out = flat(capsys.readouterr().out)
    # joint administration (60) and half the lake (60) cap Arvenia at 0.4*60 + 0.3*60 + 0.3*100 = 72
    assert ("Arvenia needs 95.0 points, but no proposal within its red lines and the fixed terms gives it "
            "more than 72.0.") in out
    assert main([*base, "--fix", "water=w30"]) == 1  # nothing acceptable: exit 1
    out = flat(capsys.readouterr().out)
    assert ("Arvenia: these red lines cannot all hold at once with the fixed terms: Arvenia's `half_the_lake` "
            "(Arvenia will not sign for less than half of the lake's water)") in out


def test_suggest_bad_flags_exit_2(capsys) -> None:
    assert main(["suggest", "first_draft", "--scenario", TUTORIAL, "--party", "belmar", "--fix", "mirel=x"]) == 2
    err = capsys.readouterr().err
    assert "command line: --party belmar: no such party; did you mean `belmark`?" in err
    assert "command line: --fix mirel=x: issue `mirel` has no option `x`" in err
    assert main(["suggest", "first_draft", "--scenario", TUTORIAL, "--min-utility", "union=50"]) == 2
    assert "`union` is not among the parties asked; add --party union, or leave it out" in capsys.readouterr().err


def test_progress_is_drawn_on_a_terminal_and_cleared() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with TerminalProgress(stream, delay=0) as progress:
        progress("sensitivity", 3, 24)
    assert "testing each relaxation 3/24..." in stream.getvalue()
    assert stream.getvalue().endswith("\r\033[K")
    quiet = io.StringIO()  # not a terminal: nothing at all
    with TerminalProgress(quiet, delay=0) as progress:
        progress("counting", 0, 1)
    assert quiet.getvalue() == ""


def test_ctrl_c_during_an_analysis_exits_130_without_traceback() -> None:
    """A real SIGINT, raised from inside the analysis (its progress callback), ends the command cleanly."""
    script = (
        "import os, signal, sys\n"
        "import sim.cli.progress as p\n"
        "def interrupt(self, *args): os.kill(os.getpid(), signal.SIGINT)\n"
        "p.TerminalProgress.__call__ = interrupt\n"
        "from sim.cli import main\n"
        f"sys.exit(main(['analyze', '--scenario', {TUTORIAL!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 130
    assert "Interrupted." in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""

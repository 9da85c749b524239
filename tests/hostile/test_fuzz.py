"""The fuzz target: every kind of file the program reads, mutated, through the commands that read it.

Each example takes a shipped file (scenario, game, proposal, what-if, script, save, keymap),
breaks it structurally (lines deleted, duplicated, swapped, a character changed) and with hostile
strings (markup, escape sequences, deep nesting written both ways, huge numbers, far dates), and
runs the commands on it in-process. Whatever the file holds:

* the exit code is 0, 1 or 2 and nothing escapes ``main`` (no traceback);
* every problem reported names the file, and a key path or a line;
* no control character reaches stdout or stderr;
* the input file is unchanged.

Examples per target follow the hypothesis profile: a few dozen under `make test`, thousands with
HYPOTHESIS_PROFILE=heavy (figures in README, "Reliability").
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.cli import main
from sim.game import start_game, write_save
from sim.loading.text_checks import CONTROL
from sim.ui.keymap import load_keymap

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial"
HEAVY = settings.default.max_examples >= 1000
# Per target: a few dozen keep `make test` quick; FUZZ_EXAMPLES sets any number (the README's runs).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or (settings.default.max_examples if HEAVY else 20))

HOSTILE = [
    "[/]", "[bold red]x[/]", "[@click=app.screenshot('/tmp')]x[/]", "\\u001b]52;c;aGk=\\u0007", "\\u001b[2J",
    "\\u009b31m", "\\u202e", "\x1b[31m", "\x07", "\x00", "\r", "\u2028",
    "a" + ".b" * 300 + " = 1", "[x" + ".not" * 300 + "]", "x = " + "[" * 300 + "]" * 300,
    "y = " + "{a = " * 60 + "1" + "}" * 60, "9" * 5000, "-" * 3 + "5", "\u00b2", "9999-12-31", "0001-01-01",
    '"""', "'", '"', "=", "[[", "]]", "#", "\\", "nan", "inf", "1e999", "true", "\ufeff", "\udcff",
]


@st.composite
def mutated(draw, text: str) -> str:
    """``text`` with a few lines deleted, duplicated or swapped, characters changed, hostile strings put in."""
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "poke", "hostile", "hostile", "hostile"]))
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "poke" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:k] + draw(st.characters(codec="utf-8")) + lines[i][k + 1:]
        else:
            k = draw(st.integers(0, len(lines[i])))
            piece = draw(st.sampled_from(HOSTILE))
            lines[i] = lines[i][:k] + piece + lines[i][k:] if draw(st.booleans()) else piece + "\n"
    return "".join(lines)


def whole_file(message: str) -> bool:
    """Problems about the file as a whole (unreadable, too large, not this kind of file) have no key
    path, and no line unless one byte is to blame."""
    return message.startswith(("the file is", "the save is corrupt", "this is ", "no such", "permission denied",
                               "cannot read", "the save is truncated"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(args: list[str], file: Path) -> None:
    """Runs one command on a mutated file and checks every promise above."""
    before = digest(file)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([*args, "--json"] if "--json" not in args and args[0] != "play" else args)
        except SystemExit as usage:  # argparse's own exit, on a bad command line
            code = usage.code
    assert code in (0, 1, 2), (args, code, err.getvalue())
    for stream in (out.getvalue(), err.getvalue()):
        assert not CONTROL.search(stream.replace("\r\n", "\n")), (args, stream[:500])
        assert "Traceback" not in stream
    assert digest(file) == before, "the input file was changed"
    if code == 2 and out.getvalue().lstrip().startswith("{"):
        error = json.loads(out.getvalue())["error"]
        for problem in error["problems"]:
            assert problem["file"], problem
            assert problem["path"] or problem["line"] is not None or whole_file(problem["message"]), (args, problem)


def fuzz(examples: int = EXAMPLES):
    return settings(max_examples=examples, deadline=None, derandomize=not (HEAVY or "FUZZ_EXAMPLES" in os.environ),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])


@pytest.fixture
def folder(tmp_path_factory) -> Path:
    """A private copy of the tutorial, written afresh by each example."""
    return tmp_path_factory.mktemp("fuzz") / "tutorial"


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(TUTORIAL, folder)
    return folder


@fuzz()
@given(data=st.data())
def test_scenario_files(folder, data) -> None:
    fresh(folder)
    target = folder / "scenario.toml"
    target.write_text(data.draw(mutated(target.read_text())), encoding="utf-8", errors="surrogatepass")
    run(["validate", str(folder)], target)
    run(["evaluate", "first_draft", "--scenario", str(folder)], target)


@fuzz()
@given(data=st.data())
def test_game_files(folder, data) -> None:
    fresh(folder)
    target = folder / "game.toml"
    target.write_text(data.draw(mutated(target.read_text())), encoding="utf-8", errors="surrogatepass")
    run(["validate", str(folder)], target)
    run(["play", "--script", str(TUTORIAL / "games" / "deal.txt"), "--scenario", str(folder)], target)


@fuzz()
@given(data=st.data())
def test_proposal_files(folder, data) -> None:
    target = folder.parent / "proposal.toml"
    target.write_text(data.draw(mutated((TUTORIAL / "proposals" / "first_draft.toml").read_text())),
                      encoding="utf-8", errors="surrogatepass")
    run(["validate", str(target)], target)
    run(["evaluate", str(target), "--scenario", "tutorial"], target)
    run(["suggest", str(target), "--scenario", "tutorial"], target)


@fuzz()
@given(data=st.data())
def test_what_if_files(folder, data) -> None:
    target = folder.parent / "what-if.toml"
    target.write_text(data.draw(mutated((TUTORIAL / "what-if" / "shared_lake.toml").read_text())),
                      encoding="utf-8", errors="surrogatepass")
    run(["validate", str(target)], target)
    run(["analyze", "--scenario", "tutorial", "--what-if", str(target), "--time-limit", "20", "--top", "2"], target)


@fuzz()
@given(data=st.data())
def test_script_files(folder, data) -> None:
    target = folder.parent / "script.txt"
    target.write_text(data.draw(mutated((TUTORIAL / "games" / "deal.txt").read_text())),
                      encoding="utf-8", errors="surrogatepass")
    run(["play", "--script", str(target), "--json"], target)


SAVE_TEXT: list[str] = []


def save_text() -> str:
    if not SAVE_TEXT:
        state = start_game("tutorial", seed=4)
        buffer = Path(__file__).parent / "__save.json"
        try:
            write_save(state, buffer)
            SAVE_TEXT.append(buffer.read_text())
        finally:
            buffer.unlink(missing_ok=True)
            buffer.with_name(buffer.name.replace(".json", ".prev.json")).unlink(missing_ok=True)
    return SAVE_TEXT[0]


@fuzz()
@given(data=st.data())
def test_save_files(folder, data) -> None:
    target = folder.parent / "save.json"
    target.write_text(data.draw(mutated(save_text())), encoding="utf-8", errors="surrogatepass")
    run(["play", "--script", str(target), "--json"], target)


@fuzz()
@given(data=st.data())
def test_keymap_files(folder, data) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "keys.toml"
    target.write_text(data.draw(mutated('"table.wait" = "w"\n"draft.leave_open" = "x,delete"\n')),
                      encoding="utf-8", errors="surrogatepass")
    before = digest(target)
    keymap, problems = load_keymap(folder)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in keymap.items())
    for problem in problems:
        assert problem.startswith(str(target)) and not CONTROL.search(problem)
    assert all(not CONTROL.search(v) for v in keymap.values()), keymap
    assert digest(target) == before


def test_the_hostile_strings_cover_what_the_issue_names() -> None:
    joined = "".join(HOSTILE)
    assert "[/]" in joined and "@click" in joined and "\\u001b]52" in joined and ".not" * 10 in joined
    assert re.search(r"\[{100}", joined) and "9" * 5000 in joined

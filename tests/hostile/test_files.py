"""Hostile and broken files: each class of failure from issue 13 with its example, never a crash or hang."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from sim.cli import main
from sim.game import saves
from sim.game.script import parse_script, read_script
from sim.loading import ScenarioError, load_proposal, load_scenario
from sim.loading.toml_file import parse_text, read_toml
from sim.ui.keymap import load_keymap

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "scenarios" / "tutorial" / "scenario.toml"


def problems(call) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        call()
    return [str(p) for p in caught.value.problems]


def tutorial_with(old: str, new: str, tmp_path: Path) -> Path:
    text = TUTORIAL.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "scenario.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_an_escape_sequence_in_a_title_is_refused_with_its_key_path_and_line(tmp_path) -> None:
    path = tutorial_with('title = "Status of Mirel"', r'title = "Mirel\u001b]52;c;aGVsbG8=\u0007"', tmp_path)
    (found,) = problems(lambda: load_scenario(path))
    assert found.startswith(f"{path}:")
    assert "issues[0].title: the text holds the control character U+001B (ESCAPE) at character 6" in found


def test_a_control_character_in_a_key_is_refused_and_never_echoed(tmp_path) -> None:
    found = problems(lambda: parse_text('"bad\\u009b" = 1\n'.encode(), "k.toml"))
    assert found == ["k.toml: bad: the key holds the control character U+009B at character 4; remove it: text holds "
                     "printable characters only (start a new line with a real line break)"]


def test_bidirectional_overrides_count_as_control_characters() -> None:
    (found,) = problems(lambda: parse_text('title = "abc\u202eexe.txt"'.encode(), "b.toml"))
    assert "RIGHT-TO-LEFT OVERRIDE" in found


def test_an_id_ending_in_a_new_line_is_not_an_id(tmp_path) -> None:
    path = tutorial_with('id = "tutorial"', 'id = "tutorial\\n"', tmp_path)
    found = problems(lambda: load_scenario(path))
    assert any("id: `tutorial" in p and "is not a valid id" in p for p in found)


def test_echoed_command_line_text_loses_its_control_characters(capfd) -> None:
    assert main(["evaluate", "x\x1b]0;owned\x07", "--scenario", "tutorial"]) == 2
    captured = capfd.readouterr()
    assert "x]0;owned: no such file" in captured.err
    assert "\x1b" not in captured.err + captured.out and "\x07" not in captured.err


@pytest.mark.parametrize("text", ["a" + ".b" * 100_000 + " = 1", "[x" + ".not" * 100_000 + "]", "x = " + "[" * 200])
def test_deep_nesting_written_any_way_is_refused_at_once_with_its_line(text) -> None:
    started = time.monotonic()
    (found,) = problems(lambda: parse_text(("ok = 1\n" + text).encode(), "deep.toml"))
    assert found == "deep.toml:2: tables, arrays or dotted keys are nested more than 48 deep; flatten the nesting"
    assert time.monotonic() - started < 5  # the parser alone takes minutes on the dotted keys


def test_ordinary_dotted_keys_and_numbers_are_not_mistaken_for_nesting() -> None:
    data = parse_text(b'a.b.c = [1.5, 2.5, 3.5, 4.5, 5.5]\n"q.r"."s" = "t.u.v"\n', "ok.toml").data
    assert data == {"a": {"b": {"c": [1.5, 2.5, 3.5, 4.5, 5.5]}}, "q.r": {"s": "t.u.v"}}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path) -> None:
    fifo = tmp_path / "scenario.toml"
    os.mkfifo(fifo)
    assert problems(lambda: read_toml(fifo)) == [
        f"{fifo}: this is a pipe (FIFO), not a regular file; give the path of a .toml file saved on disk"]
    assert problems(lambda: read_script(fifo))[0].endswith("not a regular file; give the path of a script file saved on disk")
    assert "not a regular file" in problems(lambda: saves.read_save(fifo))[0]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_rather_than_read_without_end() -> None:
    assert problems(lambda: load_proposal("/dev/zero")) == [
        "/dev/zero: this is a device, not a regular file; give the path of a .toml file saved on disk"]


def test_a_dangling_link_says_so(tmp_path) -> None:
    link = tmp_path / "game.toml"
    link.symlink_to(tmp_path / "gone.toml")
    assert problems(lambda: read_toml(link)) == [f"{link}: this is a link to a file that does not exist; fix or remove the link"]


def write_json(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_save_nested_100000_deep_is_corrupt_not_a_crash(tmp_path) -> None:
    path = write_json(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    (found,) = problems(lambda: saves.read_save(path))
    assert "the save is corrupt: it is nested far too deep" in found


def test_a_save_with_a_5000_digit_number_is_corrupt_not_a_crash(tmp_path) -> None:
    path = write_json(tmp_path / "big.json", '{"format": "redlines-save", "seed": ' + "9" * 5000 + "}")
    (found,) = problems(lambda: saves.read_save(path))
    assert "it holds a number thousands of digits long" in found


def test_a_save_with_an_escape_in_it_is_damaged(tmp_path) -> None:
    path = write_json(tmp_path / "esc.json", json.dumps({"format": "redlines-save", "version": 1, "log": ["wait 1\x1b[2J"]}))
    (found,) = problems(lambda: saves.read_save(path))
    assert "log[0]: the save is damaged: the text holds the control character U+001B (ESCAPE)" in found


def test_a_damaged_summary_and_a_dangling_save_are_listed_not_fatal(tmp_path, monkeypatch) -> None:
    # What the start screen lists: the damaged summary shows blank, the dangling link is passed over.
    from sim.ui.saved_games import all_games, latest_game

    monkeypatch.setenv("REDLINES_HOME", str(tmp_path))
    folder = saves.saves_dir()
    good = {"format": "redlines-save", "version": 1, "scenario": {"id": "tutorial"}, "difficulty": "normal",
            "seed": 1, "log": [], "state": {}, "summary": {"actions": "5 moves", "score": "lots", "day": ["x"]}}
    write_json(folder / "autosave-tutorial.json", json.dumps(good))
    (folder / "autosave-gone.json").symlink_to(folder / "missing.json")
    listed = {p.path.name: p for p in all_games()}
    assert set(listed) == {"autosave-tutorial.json"}
    game = listed["autosave-tutorial.json"]
    assert (game.actions, game.day, game.score, game.status) == (0, "?", 0.0, "ongoing")
    assert latest_game() == game


@pytest.mark.parametrize("line, message", [
    ("wait \u00b2", "`\u00b2` is not a number of days"),
    ("wait " + "9" * 5000, "is not a number of days"),
])
def test_numbers_in_scripts_are_ascii_and_short(line, message) -> None:
    (found,) = problems(lambda: parse_script(line, "s.txt"))
    assert message in found and found.startswith("s.txt:1:")


@pytest.mark.parametrize("seed", ["--5", "9" * 5000, "\u0661"])
def test_a_seed_is_a_plain_whole_number(seed) -> None:
    (found,) = problems(lambda: parse_script(f"seed {seed}\nwait 1", "s.txt"))
    assert "is not a whole number; write e.g. `seed 7`" in found


def test_a_deep_keys_file_leaves_the_default_keys(tmp_path) -> None:
    (tmp_path / "keys.toml").write_text("a" + ".b" * 10_000 + ' = "w"\n')
    keymap, found = load_keymap(tmp_path)
    assert keymap == {} and "nested more than 48 deep" in found[0]


def test_a_date_near_9999_is_refused_at_load(tmp_path) -> None:
    path = tutorial_with("as_of = 2031-03-01", "as_of = 9999-12-30", tmp_path)
    (found,) = problems(lambda: load_scenario(path))
    assert "as_of: the date 9999-12-30 is out of range; use a date from the year 2 to 9000" in found


@pytest.mark.parametrize("make", ["folder", "dangling link"])
def test_a_broken_game_file_is_an_error_not_ignored(tmp_path, make) -> None:
    import shutil

    from sim.game.start import start_game

    folder = tmp_path / "tutorial"
    shutil.copytree(ROOT / "scenarios" / "tutorial", folder)
    game = folder / "game.toml"
    game.unlink()
    if make == "folder":
        game.mkdir()
    else:
        game.symlink_to(folder / "nowhere.toml")
    (found,) = problems(lambda: start_game(str(folder)))
    assert found.startswith(f"{game}: this is a ") or "does not exist" in found


def test_leftovers_of_a_killed_save_are_cleaned_and_a_live_one_is_kept(tmp_path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    dead = folder / ".autosave-tutorial.json.999999999.tmp"
    dead_prev = folder / ".autosave-tutorial.json.999999999.prev"
    live = folder / f".autosave-tutorial.json.{os.getpid()}.tmp"
    save = folder / "autosave-tutorial.json"
    for path in (dead, dead_prev, live, save):
        path.write_text("{}")
    assert sorted(saves.clean_leftovers(folder)) == sorted([dead, dead_prev])
    assert live.exists() and save.exists()
    assert saves.clean_leftovers(folder, now=time.time() + 3600) == [live]


def user_scenario(home: Path, folder: str, scenario_id: str) -> Path:
    import shutil

    target = home / "scenarios" / folder
    shutil.copytree(ROOT / "scenarios" / "tutorial", target)
    text = (target / "scenario.toml").read_text().replace('id = "tutorial"', f'id = "{scenario_id}"', 1)
    (target / "scenario.toml").write_text(text)
    return target


def test_a_user_scenario_with_a_shipped_id_is_listed_as_not_used(redlines_home, capsys) -> None:
    from sim import catalog

    user_scenario(redlines_home, "tutorial", "tutorial")
    assert catalog.find_scenario("tutorial").path == str(ROOT / "scenarios" / "tutorial" / "scenario.toml")
    listed = [e for e in catalog.entries() if e.id == "tutorial"]
    assert [e.origin for e in listed] == ["shipped", "user"]
    assert listed[0].error is None and listed[1].scenario is None
    assert "a shipped scenario has the id `tutorial`; the shipped one is used" in str(listed[1].error.problems[0])


def test_an_installed_id_is_not_taken_by_a_folder_in_the_current_directory(tmp_path, monkeypatch) -> None:
    from sim import catalog

    (tmp_path / "tutorial").mkdir()
    (tmp_path / "tutorial" / "scenario.toml").write_text("broken = [")
    monkeypatch.chdir(tmp_path)
    assert catalog.find_scenario("tutorial").id == "tutorial"
    assert problems(lambda: catalog.find_scenario("./tutorial"))[0].startswith("tutorial/scenario.toml:1: TOML syntax")


def test_a_folder_named_otherwise_than_its_id_is_an_error(redlines_home) -> None:
    from sim import catalog

    user_scenario(redlines_home, "lake", "lake-two")
    (entry,) = [e for e in catalog.entries() if e.id == "lake"]
    assert entry.scenario is None
    assert "the scenario's id is `lake-two` but its folder is named `lake`" in str(entry.error.problems[0])
    assert "rename the folder to `lake-two`" in problems(lambda: catalog.find_scenario("lake"))[0]


def test_saving_a_draft_with_a_long_title_or_into_an_unwritable_folder_is_no_crash(tmp_path) -> None:
    from sim.model import FrozenMap, Proposal
    from sim.loading.drafts import ExportError, export_proposal

    draft = Proposal("tutorial", FrozenMap({"water": "w50"}), title="A very long title " * 40)
    path = export_proposal(draft, tmp_path / "proposals")
    assert len(path.name) < 80 and load_proposal(path).title == draft.title
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(ExportError, match="The draft could not be saved in"):
        export_proposal(draft, blocked / "proposals")


def test_a_private_home_on_a_file_is_a_one_line_error(tmp_path) -> None:
    import subprocess
    import sys

    home = tmp_path / "home-is-a-file"
    home.write_text("")
    done = subprocess.run([sys.executable, "-m", "sim.ui", "--private-home"], env={**os.environ, "REDLINES_HOME": str(home)},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().startswith(f"cannot make a private Red Lines folder in {home}:")


def test_a_5000_digit_number_in_toml_is_a_problem_with_its_line() -> None:
    (found,) = problems(lambda: parse_text(("a = 1\nb = " + "9" * 5000 + "\n").encode(), "n.toml"))
    assert found == "n.toml:2: a number here is thousands of digits long; write a number of reasonable size"

"""Saved games: versioned JSON, written atomically, loaded by replaying the log.

A save names its scenario, difficulty and seed, lists every action taken, and carries a snapshot of
the resulting state. Loading replays the actions on a fresh game and checks the result against the
snapshot, so a save restores the game exactly or says why it cannot.

Writing never loses anything: the new save goes to a temporary file in the same folder, is flushed
to disk, and replaces the old one in a single rename; the save it replaces is kept beside it as
``<name>.prev.json``. A full disk or an unwritable folder raises SaveError and leaves both the old
save and the game in memory as they were. A corrupt, truncated, foreign or newer-version save gets
a SaveError that says which, and the file is left untouched.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import time
from functools import lru_cache
from pathlib import Path
from typing import Any


from sim import catalog
from sim.game.actions import ActionError, parse_action
from sim.game.snapshot import state_dict
from sim.game.score import score
from sim.game.state import Difficulty, Game, GameState
from sim.game.step import new_game, step
from sim.loading.problems import KeyPath, Problem, ScenarioError
from sim.loading.reading import Unreadable, read_limited
from sim.loading.text_checks import control_problems

FORMAT = "redlines-save"
VERSION = 1  # bump when the shape changes; older versions must stay loadable
SAVES_DIR = "saves"
MAX_SAVE_BYTES = 16 * 1024 * 1024  # a long game is ~100 KB; anything past this is not a save


class SaveError(ScenarioError):
    """A save that cannot be written or read: where, what, and how to fix it."""


def saves_dir() -> Path:
    return catalog.data_dir() / SAVES_DIR


def autosave_path(scenario_id: str) -> Path:
    return saves_dir() / f"autosave-{scenario_id}.json"


def previous_path(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".json") + ".prev.json")


@lru_cache(maxsize=16)  # read once per game, not on every autosave
def fingerprint(game: Game) -> str:
    """A digest of the files the game was built from, to explain a save that no longer replays."""
    digest = hashlib.sha256()
    folder = Path(game.scenario.path).parent if game.scenario.path else None
    if folder is not None:
        for path in [folder / "scenario.toml", folder / "game.toml", *catalog.preset_paths(game.scenario)]:
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def save_dict(state: GameState) -> dict[str, Any]:
    result = score(state)
    return {
        "format": FORMAT,
        "version": VERSION,
        "scenario": {"id": state.scenario.id, "path": state.scenario.path, "fingerprint": fingerprint(state.game)},
        "difficulty": state.game.difficulty.value,
        "seed": state.game.seed,
        "log": [entry.line for entry in state.log],
        "summary": {"day": state.day.isoformat(), "status": state.status.value, "score": result.total,
                    "actions": len(state.log)},
        "state": state_dict(state),
    }


def _write_problem(path: Path, error: OSError) -> SaveError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        message, fix = "the disk is full", "free some space and save again; the game goes on in memory"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        message = "this folder cannot be written to"
        fix = "save somewhere else (set REDLINES_HOME, or give another path); the game goes on in memory"
    else:
        message, fix = f"cannot write the save: {error.strerror or error}", "the game goes on in memory; try again"
    return SaveError([Problem(str(path), (), message, fix)])


def write_save(state: GameState, path: Path) -> Path:
    """Writes ``state`` to ``path`` atomically, keeping the save it replaces as ``.prev.json``."""
    import json  # here: the table's first frame writes no save, and json costs it ~3 ms to load

    path = Path(path)
    text = json.dumps(save_dict(state), indent=1, ensure_ascii=False) + "\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if path.is_file():
            kept = previous_path(path)
            shutil.copyfile(path, temporary.with_suffix(".prev"))
            os.replace(temporary.with_suffix(".prev"), kept)
        os.replace(temporary, path)
    except OSError as error:
        for leftover in (temporary, temporary.with_suffix(".prev")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass  # the folder itself is unusable; the error below says so
        raise _write_problem(path, error) from None
    return path


LEFTOVER_AGE = 600.0  # seconds: a save takes milliseconds, so an older temporary file is abandoned


def clean_leftovers(folder: Path | None = None, now: float | None = None) -> list[Path]:
    """Removes the temporary files of saves that never finished (the process was killed between
    writing and renaming): those of a process no longer running, or older than LEFTOVER_AGE.
    Returns what it removed; a file it cannot remove is left, since saving does not need it gone."""
    folder = saves_dir() if folder is None else Path(folder)
    now = time.time() if now is None else now
    removed = []
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(".") and p.suffix in (".tmp", ".prev")]
    except OSError:
        return []
    for path in candidates:
        pid = path.name.removesuffix(path.suffix).rsplit(".", 1)[-1]
        try:
            stale = now - path.lstat().st_mtime > LEFTOVER_AGE or not (pid.isdigit() and _running(int(pid)))
            if stale:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process, or cannot tell: leave its file alone
    return True


def autosave(state: GameState) -> Path:
    return write_save(state, autosave_path(state.scenario.id))


def _fail(path: Path, message: str, fix: str, key: KeyPath = ()) -> SaveError:
    return SaveError([Problem(str(path), key, message, fix)])


def _kept(path: Path) -> str:
    previous = previous_path(path)
    return f"the file was left as it is; the save before it is kept at {previous}" if previous.is_file() \
        else "the file was left as it is"


def read_save(path: Path) -> dict[str, Any]:
    """The checked contents of a save file (not yet replayed)."""
    import json

    path = Path(path)
    try:
        raw = read_limited(path, MAX_SAVE_BYTES, "a .json save")
    except Unreadable as error:
        fix = "check the path; autosaves are in " + str(saves_dir()) if error.message == "no such file" else error.fix
        raise _fail(path, error.message.replace("no such file", "no such save file"), fix) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise SaveError([Problem(str(path), (), "the save is corrupt: it is not text", _kept(path),
                                 raw.count(b"\n", 0, error.start) + 1)]) from None
    except json.JSONDecodeError as error:
        truncated = error.pos >= len(raw.rstrip())
        what = "truncated (it ends too early)" if truncated else f"corrupt ({error.msg} at line {error.lineno})"
        raise SaveError([Problem(str(path), (), f"the save is {what}", _kept(path), error.lineno)]) from None
    except RecursionError:  # JSON nested thousands deep: no save is shaped like that
        raise _fail(path, "the save is corrupt: it is nested far too deep", _kept(path)) from None
    except ValueError:  # not a JSONDecodeError: a number of more than 4,300 digits
        raise _fail(path, "the save is corrupt: it holds a number thousands of digits long", _kept(path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _fail(path, "this is not a Red Lines save", "give the path of a save written by `redlines`",
                    ("format",) if isinstance(data, dict) else ())
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(path, f"the save's version is not valid ({version!r})", _kept(path), ("version",))
    if version > VERSION:
        raise _fail(path, f"this save was made by a newer Red Lines (save version {version}; this one reads up to {VERSION})",
                    "update Red Lines to load it; " + _kept(path), ("version",))
    hostile = control_problems(data)
    if hostile:
        raise SaveError([Problem(str(path), key, f"the save is damaged: {message}", _kept(path))
                         for key, message, _ in hostile[:5]])
    _check_shape(path, data)
    return data


def _check_shape(path: Path, data: dict[str, Any]) -> None:
    problems = []
    scenario = data.get("scenario")
    if not isinstance(scenario, dict) or not isinstance(scenario.get("id"), str):
        problems.append(Problem(str(path), ("scenario",), "the save names no scenario", "the save is damaged"))
    if data.get("difficulty") not in [d.value for d in Difficulty]:
        problems.append(Problem(str(path), ("difficulty",), f"unknown difficulty {data.get('difficulty')!r}",
                                "the save is damaged; expected easy, normal or hard"))
    seed = data.get("seed")
    if not isinstance(seed, int) or isinstance(seed, bool) or not -2**63 <= seed < 2**63:
        problems.append(Problem(str(path), ("seed",), "the seed is not a whole number", "the save is damaged"))
    log = data.get("log")
    if not isinstance(log, list) or not all(isinstance(line, str) for line in log):
        problems.append(Problem(str(path), ("log",), "the action log is not a list of lines", "the save is damaged"))
    if not isinstance(data.get("state"), dict):
        problems.append(Problem(str(path), ("state",), "the save has no state snapshot", "the save is damaged"))
    if problems:
        raise SaveError(problems)


def _game_for(path: Path, data: dict[str, Any]) -> Game:
    from sim.game.start import game_files

    reference = data["scenario"]
    where = reference.get("path")
    # The file it was played from, when it is still there; else the installed scenario of that id.
    found = where if isinstance(where, str) and where and Path(where).is_file() else reference["id"]
    try:
        scenario = catalog.find_scenario(found)
        if scenario.id != reference["id"]:
            scenario = catalog.find_scenario(reference["id"])
    except ScenarioError:
        raise _fail(path, f"the save's scenario `{reference['id']}` is not installed",
                    "install the scenario (see `redlines scenarios`), then load the save again", ("scenario",)) from None
    setup, presets = game_files(scenario)
    return Game(scenario, setup, presets, Difficulty(data["difficulty"]), data["seed"])


def restore(path: Path, data: dict[str, Any], game: Game) -> GameState:
    """Replays a checked save on ``game`` and checks it against the save's snapshot."""
    changed = data["scenario"].get("fingerprint") != fingerprint(game)
    cause = " (the scenario's files have changed since it was saved)" if changed else ""
    state = new_game(game.scenario, game.setup, game.presets, game.difficulty, game.seed)
    for number, line in enumerate(data["log"]):
        try:
            state, _ = step(state, parse_action(line))
        except ActionError as error:
            raise _fail(path, f"move {number + 1} (`{line}`) cannot be replayed{cause}: {error.message}",
                        "load an earlier save, or start a new game", ("log", number)) from None
    if state_dict(state) != data["state"]:
        raise _fail(path, f"the save does not replay to the game it recorded{cause}",
                    "load it with the scenario files it was made with, or start a new game", ("state",))
    return state


def load_save(path: Path, game: Game | None = None) -> GameState:
    """The game in a save file, exactly as it was saved. ``game`` replaces looking up the scenario."""
    path = Path(path)
    data = read_save(path)
    if game is not None and data["scenario"]["id"] != game.scenario.id:
        raise _fail(path, f"this save is for scenario `{data['scenario']['id']}`, not `{game.scenario.id}`",
                    "load it with its own scenario", ("scenario",))
    if game is None:
        game = _game_for(path, data)
    else:
        game = Game(game.scenario, game.setup, game.presets, Difficulty(data["difficulty"]), data["seed"])
    return restore(path, data, game)


def modified_time(path: Path) -> float:
    """When a save was written; a dangling link or vanished file sorts last (and is listed as broken)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def summary_text(value: Any) -> str:
    """A summary's text, shown on the start screen only: anything but a short string shows as blank."""
    return value if isinstance(value, str) and len(value) <= 40 else ""


def summary_number(value: Any) -> float:
    """A summary's number ("5 moves", a bool, infinity or NaN in a damaged save show as 0)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0.0
    try:
        number = float(value)
    except OverflowError:
        return 0.0
    return number if abs(number) < 1e12 else 0.0

"""Scripted games: a plain-text list of actions, one per line, played headless.

    # Lake Tessa: an interim agreement on prisoners
    scenario tutorial         # settings, before the first action (the command line overrides them)
    seed 7
    difficulty normal
    expect interim            # the ending the author expects: deal, interim, collapsed, expired or ongoing

    travel oda                # then the actions, exactly as a game's log writes them
    table arvenia
    set prisoners all_for_all
    wait 2

A script is what a game's log is: ``redlines play --script`` also accepts a save file, and replays
its log. Every mistake in a script is reported at once, with its line and a fix; a move that is not
legal when it comes stops the run with the same kind of message.
"""

from __future__ import annotations

import re
from pathlib import Path

from sim.game.actions import Action, ActionError, parse_action
from sim.game.state import Difficulty, GameState, Status
from sim.game.step import Outcome, step
from sim.loading.problems import suggest
from sim.loading.problems import Problem, ScenarioError
from sim.loading.reading import Unreadable, read_limited
from sim.loading.text_checks import first_control, describe
from sim.record import frozen

SETTINGS = ("scenario", "seed", "difficulty", "expect")
EXPECTATIONS = ("deal", "interim", "collapsed", "expired", "ongoing")
MAX_SCRIPT_BYTES = 1024 * 1024


@frozen
class Script:
    name: str
    actions: tuple[tuple[int, Action], ...]  # (line number, action)
    scenario: str | None = None
    seed: int | None = None
    difficulty: Difficulty | None = None
    expect: tuple[str, ...] = ()
    scenario_line: int | None = None  # where the script names its scenario, for an error about it


def _setting_value(name: str, words: list[str]) -> object:
    """The value of one setting line; raises ActionError (message and fix) when it is wrong."""
    if len(words) != 1:
        raise ActionError(f"`{name}` takes one value", f"write `{name} VALUE`")
    word = words[0]
    if name == "seed":
        if not re.fullmatch(r"-?[0-9]{1,18}", word):  # ASCII digits, one sign, no 5,000-digit seeds
            raise ActionError(f"`{word}` is not a whole number", "write e.g. `seed 7`")
        return int(word)
    if name == "difficulty":
        levels = [d.value for d in Difficulty]
        if word not in levels:
            raise ActionError(f"unknown difficulty `{word}`", suggest(word, levels))
        return Difficulty(word)
    if name == "expect" and word not in EXPECTATIONS:
        raise ActionError(f"unknown ending `{word}`", suggest(word, EXPECTATIONS))
    return word


def parse_script(text: str, name: str = "<script>") -> Script:
    found: list[Problem] = []
    settings: dict[str, object] = {}
    expect: list[str] = []
    actions: list[tuple[int, Action]] = []
    acting = False  # past the first action line, even one with a mistake
    scenario_line = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        try:
            hit = first_control(line)
            if hit is not None:
                raise ActionError(f"the line holds the control character {describe(hit[1])}", "remove it")
            if words[0] not in SETTINGS:
                acting = True
                actions.append((number, parse_action(line)))
                continue
            if acting:
                raise ActionError(f"`{words[0]}` comes after the first action", "put settings at the top of the script")
            value = _setting_value(words[0], words[1:])
            if words[0] == "expect":
                expect.append(str(value))
            elif words[0] in settings:
                raise ActionError(f"`{words[0]}` is set twice", "keep one")
            else:
                settings[words[0]] = value
                if words[0] == "scenario":
                    scenario_line = number
        except ActionError as error:
            found.append(Problem(name, (), error.message, error.fix, number))
    if found:
        raise ScenarioError(found)
    return Script(name, tuple(actions), settings.get("scenario"), settings.get("seed"),  # type: ignore[arg-type]
                  settings.get("difficulty"), tuple(expect), scenario_line)  # type: ignore[arg-type]


def read_script(path: str | Path) -> Script:
    path = Path(path)
    try:
        raw = read_limited(path, MAX_SCRIPT_BYTES, "a script file")
    except Unreadable as error:
        raise ScenarioError([Problem(str(path), (), error.message, error.fix)]) from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ScenarioError([Problem(str(path), (), "the script is not UTF-8 text", "save it as UTF-8", line)]) from None
    return parse_script(text, str(path))


def script_from_save(data: dict, name: str) -> Script:
    """A save's log as a script, with the save's scenario, seed and difficulty."""
    actions = []
    for number, line in enumerate(data["log"], start=1):
        try:
            actions.append((number, parse_action(line)))
        except ActionError as error:
            raise ScenarioError([Problem(name, ("log", number - 1), error.message, "the save is damaged")]) from None
    return Script(name, tuple(actions), data["scenario"]["id"], data["seed"], Difficulty(data["difficulty"]))


def run_script(script: Script, state: GameState) -> tuple[GameState, list[Outcome]]:
    """Plays every action; an illegal one stops the run with a problem at its line."""
    outcomes = []
    for number, action in script.actions:
        try:
            state, outcome = step(state, action)
        except ActionError as error:
            raise ScenarioError([Problem(script.name, (), f"`{action.line}` on {state.day}: {error.message}",
                                         error.fix, number)]) from None
        outcomes.append(outcome)
    return state, outcomes


def unmet(script: Script, state: GameState) -> list[str]:
    """The script's expectations the game did not meet."""
    missed = []
    for expectation in script.expect:
        if expectation == "interim":
            met = any(a.interim for a in state.agreements)
        else:
            met = state.status is Status(expectation)
        if not met:
            missed.append(expectation)
    return missed

"""What a player reads, on the shipped scenarios and games: no script syntax, no internal ids or
stray escapes, names that read right mid-sentence, one full stop at a time, and plural days."""

from __future__ import annotations

import random
import re
from functools import lru_cache

import pytest

from sim import catalog
from sim.game import available_actions, revisions, score, step, views
from sim.game.actions import ActionError
from sim.game.script import read_script
from sim.game.start import start_game
from sim.present import debrief, markdown, play
from sim.present.report.story import retell

GAMES = sorted(catalog.shipped_dir().glob("*/games/*.txt"))
GENERIC = [
    (re.compile(r"`"), "script syntax or a code span"),
    (re.compile(r"\\[_*`\[\]]"), "a stray Markdown escape"),
    (re.compile(r"(?<![.])\.\.(?!\.)|\.;|\.\s*\.(?!\.)"), "a double full stop"),
    (re.compile(r"\b1 days\b|\b1 issues\b"), "a plural after 1"),
    (re.compile(r"\b(\w+) \(\1\b"), "a word repeated in its own gloss"),
]


def mid_sentence_problems(scenario, setup, text: str) -> list[str]:
    found = []
    names = [p.name for p in scenario.parties] + [v.name for v in setup.venues]
    for name in names:
        if name.startswith("The ") and re.search(rf"[a-z,;(] {re.escape(name)}", text):
            found.append(f"“{name}” mid-sentence")
        if name.endswith(("s", ")")) and re.search(rf"{re.escape(name[4:] if name.startswith('The ') else name)}'s\b", text):
            found.append(f"“{name}'s”")  # "the United States'" and "Europe's", never "…s's" or "…)'s"
    ids = [e.id for e in setup.events] + [lever.id for lever in setup.levers] + [v.id for v in setup.venues]
    ids += [source.id for source in scenario.sources]  # a player reads a source by its title, never its id
    for ident in ids:
        if ("-" in ident or "_" in ident) and re.search(rf"(?<![\w/-]){re.escape(ident)}(?![\w-])", text):
            found.append(f"internal id `{ident}`")
    return found


def problems(state, text: str) -> list[str]:
    found = [f"{why}: {m.group(0)!r}" for pattern, why in GENERIC for m in [pattern.search(text)] if m]
    return found + mid_sentence_problems(state.scenario, state.setup, text)


def unescaped(text: str) -> str:
    """Markdown as the player reads it once rendered: its escapes are not on the screen."""
    return re.sub(r"\\([_*`\[\]|])", r"\1", text)


def player_texts(state):
    """Every string the game shows a player about this state."""
    scenario = state.scenario
    yield play.calendar_line(state)
    yield play.standings_line(views(state))
    for item in state.feed:
        yield item.text
        yield unescaped(markdown.feed_item_markdown(scenario, item).split("\n> ")[0])  # quoted passages are the sources' words
    for view in views(state):
        card = play.card_from_view(view, True)
        yield card.status + " " + card.note
        yield unescaped(re.sub(r"^>.*$", "", markdown.view_reasons_markdown(scenario, view), flags=re.M))
    for choice in [*play.venue_choices(state), *play.party_choices(state, walked_out_ok=True), *play.lever_choices(state),
                   *play.preset_choices(state)]:
        yield f"{choice.label} {choice.detail}"
    yield debrief.running_score_markdown(state, score(state)).replace("**", "")


@lru_cache(maxsize=None)
def played(path) -> list:
    script = read_script(path)
    state = start_game(script.scenario, script.difficulty or "normal", script.seed or 0)
    states = [state]
    for _, action in script.actions:
        state, _ = step(state, action)
        states.append(state)
    return states


def check(states) -> None:
    seen: dict[str, list[str]] = {}
    for state in states:
        for text in player_texts(state):
            for problem in problems(state, text):
                seen.setdefault(problem, []).append(text[:160])
    assert not seen, "\n".join(f"{p}\n    in: {texts[0]}" for p, texts in seen.items())


@pytest.mark.parametrize("path", GAMES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_the_shipped_games_read_cleanly(path) -> None:
    check(played(path)[::3] + played(path)[-1:])


@pytest.mark.parametrize("path", GAMES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_the_debriefs_story_reads_cleanly(path) -> None:
    """The debrief and the report retell the game in their own sentences ("You table the draft
    to the United States"): those read as cleanly as the feed."""
    final = played(path)[-1]
    seen = {}
    for day in retell(final)["story"]:
        for entry in day["entries"]:
            for problem in problems(final, entry["text"]):
                seen.setdefault(problem, entry["text"][:160])
    assert not seen, seen


@pytest.mark.parametrize("scenario_id", ["tutorial", "ukraine-2025"])
def test_random_games_and_refused_moves_read_cleanly(scenario_id) -> None:
    rng = random.Random(12)
    state = start_game(catalog.find_scenario(scenario_id), "normal", 5)
    states, errors = [state], []
    for _ in range(25):
        if state.over:
            break
        moves = available_actions(state) + revisions(state)[:20]
        state, _ = step(state, rng.choice(moves))
        states.append(state)
    for action in ["travel nowhere", "table nobody", "consult nobody", "set nothing x", "draft nothing"]:
        from sim.game.actions import parse_action

        try:
            step(state, parse_action(action))
        except ActionError as error:
            errors.append(play.error_text(error.message, ""))
    check(states[::4] + states[-1:])
    for text in errors:
        assert not [p for p in problems(state, text) if "script syntax" not in p], text

"""What the scenario library shows about each scenario: period, parties, difficulty, playing time
and a one-line summary. Shared by `redlines scenarios` and the app's start screen."""

from __future__ import annotations

import datetime as dt

from sim.model import Scenario
from sim.model.plain import mid_sentence


def parties_line(scenario: Scenario) -> str:
    """The principals, then the other parties after "also"; a name reads as it does mid-sentence
    (``the United States``) except at the start of the line."""
    names = [p.name for p in scenario.parties if p.principal] + [p.name for p in scenario.parties if not p.principal]
    names = names[:1] + [mid_sentence(name) for name in names[1:]]
    count = sum(1 for p in scenario.parties if p.principal)
    principals, others = names[:count], names[count:]
    # "; also" rather than brackets: a party's name may carry its own ("Europe (the E3 and EU leaders)").
    return ", ".join(principals) + (f"; also {', '.join(others)}" if others else "")


def game_start(scenario: Scenario) -> dt.date | None:
    """The game's first day (game.toml's ``start``), or None when the scenario has no playable game."""
    from sim.game import kept_game_files
    from sim.loading.problems import ScenarioError

    try:
        return kept_game_files(scenario)[0].start
    except (ScenarioError, OSError, ValueError):
        return None


def facts(scenario: Scenario, start: dt.date | None = None) -> list[tuple[str, str]]:
    """(label, value) pairs, in display order; a key the scenario leaves out is left out here.
    ``start``: the game's first day, which the period then names (the briefing opens on that day,
    which may come before the scenario's as-of date)."""
    library = scenario.library
    period = library.period or f"as of {scenario.as_of.isoformat()}"
    if start is not None:
        period = (f"{library.period}; " if library.period else "") + f"the game opens on {start.isoformat()}"
    rows = [("Period", period), ("Parties", parties_line(scenario))]
    if library.difficulty is not None:
        rows.append(("Difficulty", library.difficulty.value))
    if library.playing_minutes is not None:
        rows.append(("Playing time", f"about {library.playing_minutes} minutes"))
    return rows


def library_dict(scenario: Scenario) -> dict:
    library = scenario.library
    return {
        "period": library.period or None,
        "tagline": library.tagline or None,
        "difficulty": library.difficulty.value if library.difficulty else None,
        "playing_minutes": library.playing_minutes,
        "as_of": scenario.as_of.isoformat(),
        "parties": [{"id": p.id, "name": p.name, "role": p.role.value} for p in scenario.parties],
    }

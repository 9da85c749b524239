"""What the scenario library shows about each scenario: period, parties, difficulty, playing time
and a one-line summary. Shared by `redlines scenarios` and the app's start screen."""

from __future__ import annotations

from sim.model import Scenario


def parties_line(scenario: Scenario) -> str:
    """The principals, then the other parties in brackets."""
    principals = [p.name for p in scenario.parties if p.principal]
    others = [p.name for p in scenario.parties if not p.principal]
    return ", ".join(principals) + (f" (also: {', '.join(others)})" if others else "")


def facts(scenario: Scenario) -> list[tuple[str, str]]:
    """(label, value) pairs, in display order; a key the scenario leaves out is left out here."""
    library = scenario.library
    rows = [("Period", library.period or f"as of {scenario.as_of.isoformat()}"), ("Parties", parties_line(scenario))]
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

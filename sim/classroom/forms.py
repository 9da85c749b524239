"""A seat's form, turned into the one line of the table's log it means (the room checks the rest)."""

from __future__ import annotations

from typing import Mapping

from sim.classroom.room import ClassError
from sim.game.seats import CHOICES, answer_line
from sim.model import Scenario

MAX_LINE = 400


def _text(form: Mapping, key: str) -> str:
    return " ".join(str(form.get(key, "")).split())[:MAX_LINE]


def mediator_line(scenario: Scenario, form: Mapping) -> str:
    """A move button (``move``: an action line), a term changed, a preset loaded, a counter adopted."""
    if _text(form, "move"):
        return _text(form, "move")
    if _text(form, "issue"):
        option = _text(form, "option")
        return f"set {_text(form, 'issue')} {option}" if option else f"open {_text(form, 'issue')}"
    if _text(form, "preset"):
        return f"draft {_text(form, 'preset')}"
    if _text(form, "adopt"):
        return f"adopt {_text(form, 'adopt')}"
    raise ClassError("choose a move")


def party_line(scenario: Scenario, party: str, form: Mapping) -> str:
    """Accept, reject, or a counter-proposal: the draft with the terms the student changed."""
    choice = _text(form, "choice")
    if choice not in CHOICES:
        raise ClassError("answer with accept, reject or counter")
    if choice != "counter":
        return answer_line(party, choice)
    terms = {}
    for issue in scenario.issues:
        option = _text(form, f"term_{issue.id}")
        if option:
            if option not in issue.option_ids:
                raise ClassError(f"{issue.title}: no such option")
            terms[issue.id] = option
    return answer_line(party, "counter", terms)

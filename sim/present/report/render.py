"""The report as a document: Markdown or one self-contained HTML file, from Jinja2 templates; or JSON.

Every piece of scenario or player text is escaped on the way out, by the template engine and not
by hand: HTML through Jinja2's autoescape, Markdown through a ``finalize`` hook that escapes every
value a template prints (so a template cannot forget). Control characters never reach the page.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from sim.model import Scenario
from sim.present.games_list import OUTCOMES

FORMATS = ("md", "html", "json")
TEMPLATES = Path(__file__).with_name("templates")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # incl. bidi overrides
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
BLOCK_START = re.compile(r"^(\d*)([#+\-=>.)])(?=[\s#]|$)")


class Written(str):
    """Markdown a filter already made safe; ``finalize`` passes it through untouched."""


def clean(text: Any) -> str:
    return CONTROL.sub("", str(text))


def markdown_text(value: Any) -> Written:
    """Scenario text as inline Markdown: one line, every character that means something escaped."""
    if isinstance(value, Written):
        return value
    if value is None:
        return Written("")
    if isinstance(value, float):
        return Written(f"{value:g}")
    text = MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", clean(value)))
    # Printed after a list marker, a value that starts like a heading, a quote or a list would become one.
    return Written(BLOCK_START.sub(r"\1\\\2", text.lstrip(" ")) if BLOCK_START.match(text.lstrip(" ")) else text)


def day(value: str, style: str = "long") -> str:
    date = dt.date.fromisoformat(value)
    return date.strftime("%A %d %B %Y" if style == "long" else "%d %b %Y")


def number(value: float) -> str:
    return f"{value:g}" if abs(value) >= 0.05 or value == 0 else "0"


def count(value: int) -> str:
    return f"{value:,}"


def signed(value: float) -> str:
    return "±0" if abs(value) < 0.05 else f"{value:+.1f}"


def safe_url(url: str) -> str:
    """A source's address as a link target only when it is a web address: never ``javascript:``."""
    return url if re.match(r"^https?://[^\s\"'<>]+$", url or "") else ""


def paragraphs(text: str) -> list[str]:
    """The author's paragraphs (blank lines between them), each printed as one line."""
    return [p for p in str(text).strip().split("\n\n") if p.strip()]


def _common(env: Environment) -> Environment:
    env.filters.update(day=day, number=number, signed=signed, count=count, safe_url=safe_url, clean=clean, paragraphs=paragraphs)
    return env


@lru_cache(maxsize=4)
def environment(kind: str, folder: str = str(TEMPLATES)) -> Environment:
    if kind == "md":
        env = Environment(loader=FileSystemLoader(folder), autoescape=False, finalize=markdown_text,
                          undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
        env.filters["md"] = markdown_text
        return _common(env)
    env = Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = lambda v: clean(v)  # the same templates' helpers, for HTML: plain text, then autoescaped
    # Markup is the templates' own output (macros): already escaped. Everything else is cleaned, then escaped.
    env.finalize = lambda v: v if isinstance(v, Markup) else clean(v) if isinstance(v, str) else v
    return _common(env)


WORDS = {
    "marks": {"news": "News", "answer": "Answer", "meeting": "Meeting", "walkout": "Walkout", "return": "Return",
              "signing": "Signed", "end": "End", "tabled": "Tabled", "draft": "Draft"},
    "verdicts": {"accept": "✓", "basis": "~", "reject": "✗"},
    "short_verdicts": {"accept": "accepts", "basis": "basis", "reject": "rejects"},
    "verdict_words": {"accept": "accepts", "basis": "calls it a basis for talks, not enough to sign", "reject": "rejects it"},
    "outcome": OUTCOMES,
}


def names(report: dict[str, Any]) -> dict[str, str]:
    return {p["id"]: p["name"] for p in report["parties"]}


def render(report: dict[str, Any], fmt: str, scenario: Scenario | None = None) -> str:
    if fmt == "json":
        return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    context = {"r": report, "names": names(report), **WORDS}
    if fmt == "html":
        from sim.present.report.chart import panels

        context["panels"] = panels(report)
        context["style"] = (TEMPLATES / "report.css").read_text(encoding="utf-8")
        return environment("html").get_template("report.html.j2").render(context)
    return environment("md").get_template("report.md.j2").render(context)

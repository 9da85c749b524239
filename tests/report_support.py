"""Shared by the report and pack tests: snapshot files reviewed by eye, and a scenario whose every
text field is hostile (markup, scripts, links, control characters)."""

from __future__ import annotations

import os
import shutil
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import tomli_w

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = Path(__file__).with_name("snapshots")
UPDATE = os.environ.get("REDLINES_UPDATE_SNAPSHOTS") == "1"  # set by a person who then reads the files

HOSTILE = ('<script>alert(1)</script></style><img src=x onerror=alert(2)> [bold red]rich[/] '
           '<a href="javascript:alert(3)">link</a> [x](javascript:alert(4)) ** _ | # end')
# No control or bidi characters: the loader refuses them in every text field (tests/hostile), so a
# scenario that holds them never reaches a report.
# Keys whose values are words a person reads; ids, dates, numbers and rules stay as they are.
TEXT_KEYS = {"title", "summary", "briefing", "name", "statement", "passage", "position", "capital", "label",
             "description", "note", "outlet", "url", "news", "text"}
TEXT_LISTS = {"questions", "notes", "rubric"}


def match_snapshot(name: str, text: str) -> None:
    """The text equals its reviewed snapshot; REDLINES_UPDATE_SNAPSHOTS=1 rewrites the file instead."""
    path = SNAPSHOTS / name
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            raise AssertionError(f"{path} was missing and has been written: read it, then run again")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its snapshot (tests/snapshots/{name})"


def _poison(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        if key == "confidential":
            return {k: HOSTILE for k in value}
        return {k: _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if key in TEXT_LISTS:
            return [HOSTILE for _ in value]
        return [_poison(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return HOSTILE
    return value


def hostile_tutorial(folder: Path) -> Path:
    """The tutorial with every text field of its scenario, game and presets replaced by HOSTILE."""
    target = folder / "tutorial"
    shutil.copytree(ROOT / "scenarios" / "tutorial", target)
    for path in [target / "scenario.toml", target / "game.toml", *sorted((target / "proposals").glob("*.toml"))]:
        data = _poison(tomllib.loads(path.read_text(encoding="utf-8")))
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return target


class Tags(HTMLParser):
    """Every element and attribute of a page, to check what a page contains rather than how it reads."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def parse_html(text: str) -> Tags:
    parser = Tags()
    parser.feed(text)
    parser.close()
    return parser


# The only elements a report or pack may contain: text, tables and the chart; never a script, a
# link, an image, a frame or a form.
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "strong", "span", "code",
                "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "div", "figure", "figcaption",
                "section", "svg", "rect", "line", "circle", "text", "g"}


URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "style", "background"}


def assert_safe_html(text: str) -> None:
    page = parse_html(text)
    assert set(page.tags) <= ALLOWED_TAGS, set(page.tags) - ALLOWED_TAGS
    assert page.tags.count("style") == 1 and text.count("</style>") == 1
    for name, value in page.attributes:
        # No handler, no address to fetch or follow, no inline style: text in other attributes is inert.
        assert not name.startswith("on") and name not in URL_ATTRIBUTES, (name, value)
    for css in page.styles:
        assert "url(" not in css and "@import" not in css and "@font-face" not in css

"""The classroom kit as documents: Markdown or self-contained HTML, through the same escaping
environments as the game reports (sim.present.report.render)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sim.present.report.render import environment
from sim.present.report.render import TEMPLATES as REPORT_TEMPLATES

FORMATS = ("md", "html")
TEMPLATES = Path(__file__).with_name("templates")


def render_pack(documents: list[dict[str, Any]], fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    env = environment(fmt, str(TEMPLATES))
    context: dict[str, Any] = {"documents": documents}
    if fmt == "html":
        context["style"] = (REPORT_TEMPLATES / "report.css").read_text(encoding="utf-8") + \
            (TEMPLATES / "pack.css").read_text(encoding="utf-8")
    text = env.get_template(f"pack.{fmt}.j2").render(context)
    return text if text.endswith("\n") else text + "\n"

"""Write a draft as a proposal file, so the command line (`redlines evaluate FILE`) can read it back."""

from __future__ import annotations

import re
from pathlib import Path

import tomli_w

from sim.model import Proposal


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "draft"


def export_proposal(proposal: Proposal, folder: Path) -> Path:
    """Write ``proposal`` into ``folder`` under a new name derived from its title; return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = slug(proposal.title)
    path = folder / f"{stem}.toml"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.toml"
        number += 1
    data = {"scenario": proposal.scenario, "title": proposal.title or "Untitled draft"}
    if proposal.description:
        data["description"] = proposal.description
    data["terms"] = dict(proposal.terms)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path

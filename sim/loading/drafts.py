"""Drafts as proposal files (the one writer of proposal TOML): saved by the player (`redlines evaluate FILE` reads them back) and kept
automatically by the sandbox, so a draft survives quitting."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import tomli_w
from attrs import evolve

from sim.loading.files import load_proposal
from sim.loading.problems import ScenarioError
from sim.model import Proposal, Scenario

SANDBOX_DIR = "sandbox"


MAX_STEM = 60  # a file name is at most 255 bytes; a long title makes a readable, shorter one


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower())[:MAX_STEM].strip("-") or "draft"


def proposal_toml(proposal: Proposal) -> str:
    """A proposal file in the shape the loader reads (``load_proposal`` gives ``proposal`` back)."""
    data: dict = {"scenario": proposal.scenario, "title": proposal.title}
    if proposal.description:
        data["description"] = proposal.description
    if proposal.kind:
        data["kind"] = proposal.kind
    data["terms"] = dict(proposal.terms)
    return tomli_w.dumps(data)


def _titled(proposal: Proposal) -> Proposal:
    """A draft the player never named is still findable in a folder listing."""
    return proposal if proposal.title else evolve(proposal, title="Untitled draft")


def write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file and a rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class ExportError(Exception):
    """Why a draft could not be saved, in words for the player."""


def export_proposal(proposal: Proposal, folder: Path) -> Path:
    """Write ``proposal`` into ``folder`` under a new name derived from its title; return the path.
    Raises ExportError (a read-only folder, a full disk) rather than OSError."""
    try:
        return _export(proposal, folder)
    except OSError as error:
        raise ExportError(f"The draft could not be saved in {folder}: {error.strerror or error}. "
                          "The draft is still here; free some space or set REDLINES_HOME to a folder you can write to.") from None


def _export(proposal: Proposal, folder: Path) -> Path:
    stem = slug(proposal.title)
    path = folder / f"{stem}.toml"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.toml"
        number += 1
    write_atomically(path, proposal_toml(_titled(proposal)))
    return path


def sandbox_path(data_dir: Path, scenario: Scenario) -> Path:
    return data_dir / SANDBOX_DIR / f"{scenario.id}.toml"


def keep_sandbox_draft(data_dir: Path, scenario: Scenario, draft: Proposal) -> str | None:
    """Save the sandbox's draft; returns why it could not be saved (a full disk never stops the sandbox)."""
    try:
        write_atomically(sandbox_path(data_dir, scenario), proposal_toml(_titled(draft)))
    except OSError as error:
        return f"The draft could not be kept in {sandbox_path(data_dir, scenario).parent}: {error.strerror or error}."
    return None


def kept_sandbox_draft(data_dir: Path, scenario: Scenario) -> tuple[Proposal | None, str | None]:
    """The sandbox draft kept from last time, or None; and a problem to show when the file is unreadable."""
    path = sandbox_path(data_dir, scenario)
    if not path.is_file():
        return None, None
    try:
        return load_proposal(path, scenario), None
    except ScenarioError as error:
        return None, f"The kept sandbox draft was set aside: {error.problems[0]}"
    except OSError as error:
        return None, f"The kept sandbox draft could not be read: {error}"

"""Writing a document: through a temporary file and a rename, so a failure never leaves half a
file; a failure is a Problem (file, what, how to fix), never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from sim.loading.drafts import write_atomically
from sim.loading.problems import Problem, ScenarioError


def write_document(path: Path, text: str) -> Path:
    path = Path(path)
    try:
        write_atomically(path, text)
        # The temporary file it was written through is private (0600); a report is meant to be
        # shared, so it gets the permissions of an ordinary new file.
        os.chmod(path, 0o644)
    except IsADirectoryError:
        raise ScenarioError([Problem(str(path), (), "this is a folder", "give a file name, e.g. report.html")]) from None
    except OSError as error:
        raise ScenarioError([Problem(str(path), (), f"cannot write the file: {error.strerror or error}",
                                     "write it somewhere else (check the folder exists and can be written to)")]) from None
    return path


EXTENSIONS = {"md": "md", "html": "html", "json": "json"}
REPORTS_DIR = "reports"  # in the Red Lines folder: where the app writes the reports it exports


def report_path(folder: Path, state, fmt: str) -> Path:
    """A new file name in ``folder`` for the report of ``state``: scenario, last day and seed, so a
    teacher's folder of reports sorts by game; never an existing file."""
    stem = f"{state.scenario.id}-{state.day.isoformat()}-seed{state.game.seed}"
    path = Path(folder) / f"{stem}.{EXTENSIONS[fmt]}"
    number = 2
    while path.exists():
        path, number = Path(folder) / f"{stem}-{number}.{EXTENSIONS[fmt]}", number + 1
    return path


def export_report(state, fmt: str, folder: Path) -> Path:
    """Writes the report of ``state`` into ``folder``; returns where (ScenarioError when it cannot)."""
    from sim.present.report.build import build_report
    from sim.present.report.render import render

    return write_document(report_path(folder, state, fmt), render(build_report(state), fmt))

"""Writing a document: through a temporary file and a rename, so a failure never leaves half a
file; a failure is a Problem (file, what, how to fix), never a traceback."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sim.loading.problems import Problem, ScenarioError


def write_document(path: Path, text: str) -> Path:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except IsADirectoryError:
        raise ScenarioError([Problem(str(path), (), "this is a folder", "give a file name, e.g. report.html")]) from None
    except OSError as error:
        raise ScenarioError([Problem(str(path), (), f"cannot write the file: {error.strerror or error}",
                                     "write it somewhere else (check the folder exists and can be written to)")]) from None
    return path

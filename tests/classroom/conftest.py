"""The class store under test: SQLite in a temp folder, and a real PostgreSQL started for the session."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.classroom.postgres import start_cluster


@pytest.fixture(scope="session")
def postgres_url():
    # Not pytest's tmp_path: its folders are private to root, and the server runs as another user.
    folder = Path(tempfile.mkdtemp(prefix="redlines-pg-"))
    try:
        yield from start_cluster(folder / "cluster")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'classes.sqlite'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture(autouse=True)
def redlines_home(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("REDLINES_HOME", str(home))
    return home



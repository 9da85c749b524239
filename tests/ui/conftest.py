"""Every app test runs against a fresh Red Lines folder, never the developer's own saves or keys."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Awaitable, Callable

import pytest


@pytest.fixture(autouse=True)
def fresh_home(redlines_home: Path) -> Path:
    return redlines_home  # tests/conftest.py's, for every app test


@pytest.fixture
def run() -> Callable[[Awaitable[None]], None]:
    """Runs a Pilot coroutine to completion (the suite has no asyncio plugin; it needs none)."""
    return lambda coroutine: asyncio.run(coroutine)


def pytest_configure(config: pytest.Config) -> None:
    """Snapshots are updated by a person who has looked at them, never by CI."""
    import os

    if os.environ.get("CI") and getattr(config.option, "update_snapshots", False):
        raise pytest.UsageError("--snapshot-update is refused in CI: update snapshots locally and review them.")

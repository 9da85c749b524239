"""Every hostile-input test runs against a fresh Red Lines folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def fresh_home(redlines_home: Path) -> Path:
    return redlines_home  # tests/conftest.py's, for every hostile-input test

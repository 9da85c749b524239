"""Hypothesis profiles: `dev` (default) keeps `make test` quick; HYPOTHESIS_PROFILE=heavy digs deeper.
And ``redlines_home``, a fresh Red Lines folder (the app and hostile-input tests use it for every test);
and numpy loops throughout, unless a test asks for the compiled ones (``tests/loops.py``)."""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from sim.analysis import kernels

settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                          derandomize=True)
settings.register_profile("heavy", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def redlines_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty Red Lines folder for this test, never the developer's own saves or keys."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("REDLINES_HOME", str(home))
    return home


@pytest.fixture(autouse=True, scope="session")
def numpy_loops_unless_asked():
    """A process loads the compiled loops once its numpy loops have done enough work
    (``sim.analysis.kernels``): in a test run that would depend on the tests run before. So the
    tests never load them that way; those of the loops themselves choose (``tests/loops.py``)."""
    kernels.LOAD_AFTER, before = float("inf"), kernels.LOAD_AFTER
    yield
    kernels.LOAD_AFTER = before

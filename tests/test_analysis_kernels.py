"""When the compiled loops are loaded (``sim.analysis.kernels``): never for a one-off analysis of a
shipped scenario, once a process has spent enough in numpy, and never where they are turned off."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sim.analysis import kernels


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kernels, "_loaded", [])
    monkeypatch.setattr(kernels, "_spent", [0])


def test_numpy_serves_until_the_loops_have_cost_what_loading_does(fresh, monkeypatch) -> None:
    monkeypatch.delenv("REDLINES_NUMPY_ONLY", raising=False)
    monkeypatch.setattr(kernels, "LOAD_AFTER", 100_000)
    assert kernels.compiled(60_000) is None
    assert kernels._loaded == []
    module = kernels.compiled(60_000)  # 120,000 words spent: past the mark, this loop runs compiled
    assert module is not None and module.__name__ == "sim.analysis.compiled"
    assert kernels.compiled(kernels.USE_FROM) is module
    assert kernels.compiled(kernels.USE_FROM - 1) is None  # too small to repay the call


def test_turned_off_by_the_environment(fresh, monkeypatch) -> None:
    monkeypatch.setenv("REDLINES_NUMPY_ONLY", "1")
    monkeypatch.setattr(kernels, "LOAD_AFTER", 0)
    assert kernels.compiled(10**9) is None
    assert kernels.load() is None


def test_a_one_off_analysis_of_every_shipped_scenario_never_loads_numba() -> None:
    """Loading costs more than these analyses take: a command on them stays in numpy."""
    code = ("import sys\nfrom sim import catalog\nfrom sim.analysis import analyze\n"
            "shipped = [e.scenario for e in catalog.entries() if e.origin == 'shipped']\n"
            "for scenario in shipped:\n    analyze(scenario)\n"
            "print(len(shipped), 'numba' in sys.modules)\n")
    env = {k: v for k, v in os.environ.items() if k != "REDLINES_NUMPY_ONLY"}
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    count, loaded = found.stdout.split()
    assert int(count) >= 4 and loaded == "False"

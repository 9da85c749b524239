"""The core never imports the UI libraries: importing it must leave textual and rich unloaded."""

import subprocess
import sys

import pytest

CORE = ["sim.model", "sim.loading", "sim.engine", "sim.catalog", "sim.synthetic", "sim.engine.report",
        "sim.analysis", "sim.analysis.overview", "sim.analysis.suggestion", "sim.game",
        "sim.game.seats", "sim.classroom.server"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_loads_no_ui_library(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{module} pulled in {result.stdout.strip()}"


def test_the_check_notices_a_ui_import() -> None:
    """The probe itself works: a module that does import rich is caught."""
    pytest.importorskip("rich")
    code = "import sys, rich.text; print(','.join(m for m in sys.modules if m.startswith('rich')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "rich" in result.stdout

"""The core never imports the UI libraries: importing it must leave textual and rich unloaded."""

import subprocess
import sys

import pytest

CORE = ["sim.model", "sim.loading", "sim.engine", "sim.catalog", "sim.synthetic",
        "sim.analysis", "sim.analysis.overview", "sim.analysis.suggestion", "sim.game",
        "sim.present.assessment_json", "sim.present.analysis_json", "sim.present.text", "sim.present.analysis_text",
        "sim.present.game_report", "sim.present.cards", "sim.present.play", "sim.present.markdown",
        "sim.present.debrief", "sim.present.plot", "sim.loading.drafts", "sim.present.report", "sim.present.pack",
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


@pytest.mark.parametrize("code", [
    "import sys; sys.argv = ['redlines', '--help']\nfrom sim.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass",
    "from sim.game.actions import parse_action\nassert parse_action('table arvenia').party == 'arvenia'",
])
def test_help_does_not_load_the_toml_converter(code: str) -> None:
    """Startup is a feature: cattrs (the TOML converter) loads only when a file is read."""
    probe = code + "\nimport sys; print('CATTRS' if 'cattrs' in sys.modules else 'NONE')"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "NONE"

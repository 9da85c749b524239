"""Reading scenarios and proposals from TOML, with every problem reported at once.

The loaders are imported on first use: ``Problem`` and ``ScenarioError`` are needed by every
command, the TOML converter (cattrs) only by those that read a file, so `redlines --help` and
parsing a game action never import it.
"""

from typing import Any

from sim.loading.problems import Problem, ScenarioError

SCENARIO_FILE = "scenario.toml"  # what a scenario folder holds; here so finding folders needs no loader

__all__ = ["SCENARIO_FILE", "Problem", "ScenarioError", "load_proposal", "load_scenario", "parse_proposal", "parse_scenario"]
_LOADERS = ("load_proposal", "load_scenario", "parse_proposal", "parse_scenario")


def __getattr__(name: str) -> Any:
    if name in _LOADERS:
        from sim.loading import files

        return getattr(files, name)
    raise AttributeError(f"module 'sim.loading' has no attribute {name!r}")

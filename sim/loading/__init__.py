"""Reading scenarios and proposals from TOML, with every problem reported at once."""

from sim.loading.files import load_proposal, load_scenario, parse_proposal, parse_scenario
from sim.loading.problems import Problem, ScenarioError

__all__ = ["Problem", "ScenarioError", "load_proposal", "load_scenario", "parse_proposal", "parse_scenario"]

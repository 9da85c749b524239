"""`redlines validate FILE...`: checks scenarios and proposals, reporting every problem at once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sim.loading.problems import Problem, ScenarioError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "validate",
        help="check scenario and proposal files; exit 0 when all are valid",
        description="Checks scenario folders, scenario.toml files and proposal files. "
        "A scenario folder is checked with all its preset proposals.",
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help="a scenario folder, a scenario.toml or a proposal")
    parser.set_defaults(run=run)


def _is_scenario(path: Path) -> bool:
    if path.is_dir() or path.name == "scenario.toml":
        return True
    from sim.loading.toml_file import read_toml

    data = read_toml(path).data
    return "parties" in data or "issues" in data


def _check_game(scenario) -> list[Path]:
    """The scenario's game.toml, when it has one."""
    from sim import catalog
    from sim.game.setup_file import load_setup, setup_path

    if not setup_path(scenario).is_file():
        return []
    load_setup(scenario, [p.stem for p in catalog.preset_paths(scenario)])
    return [setup_path(scenario)]


def _check_history(scenario) -> list[Path]:
    """The scenario's history.toml, when it has one."""
    from sim import catalog
    from sim.history import history_path, load_history

    if load_history(scenario, [p.stem for p in catalog.preset_paths(scenario)]) is None:
        return []
    return [history_path(scenario)]


def _check(path: Path) -> list[Path]:
    """Validates one argument; returns the files found valid, raises ScenarioError otherwise."""
    from sim import catalog
    from sim.loading import load_proposal, load_scenario

    if _is_scenario(path):
        scenario = load_scenario(path)
        checked, problems = [Path(scenario.path)], []
        for preset in catalog.preset_paths(scenario):
            try:
                load_proposal(preset, scenario)
                checked.append(preset)
            except ScenarioError as error:
                problems += error.problems
        for extra in (_check_game, _check_history):
            try:
                checked += extra(scenario)
            except ScenarioError as error:
                problems += error.problems
        if problems:
            raise ScenarioError(problems)
        return checked
    proposal = load_proposal(path)
    try:
        scenario = catalog.find_scenario(proposal.scenario)
    except ScenarioError:
        raise ScenarioError(
            [Problem(str(path), ("scenario",), f"no scenario `{proposal.scenario}` is installed",
                     "check the id with `redlines scenarios`")]
        ) from None
    load_proposal(path, scenario)
    return [path]


def run(args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    for name in args.files:
        try:
            for ok in _check(Path(name)):
                print(f"ok: {ok}")
        except ScenarioError as error:
            problems += error.problems
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", file=sys.stderr)
        return 2
    return 0

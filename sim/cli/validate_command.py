"""`redlines validate FILE...`: checks scenarios and proposals, reporting every problem at once."""

from __future__ import annotations

import argparse
from pathlib import Path

from sim.loading.problems import Problem, ScenarioError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "validate",
        help="check scenario and proposal files; exit 0 when all are valid",
        description="Checks scenario folders, scenario.toml files and proposal files. "
        "A scenario folder is checked with all its preset proposals.",
    )
    parser.add_argument("files", metavar="FILE", nargs="+",
                        help="a scenario folder, a scenario.toml, a proposal or a what-if file")
    parser.add_argument("--json", action="store_true", help="print problems as JSON (see README)")
    parser.set_defaults(run=run)


def kind_of(path: Path) -> str:
    """"scenario", "proposal" or "what-if": by name or folder first, then by the keys it has."""
    if path.is_dir() or path.name == "scenario.toml":
        return "scenario"
    if path.parent.name == "what-if":
        return "what-if"
    if path.parent.name == "proposals":
        return "proposal"
    from sim.loading.toml_file import read_toml

    data = read_toml(path).data
    if "issues" in data or "as_of" in data:
        return "scenario"
    if "terms" in data:
        return "proposal"
    return "what-if" if "fix" in data or "parties" in data else "proposal"


def _check_game(scenario) -> list[Path]:
    """The scenario's game.toml, when there is one (a folder or broken link of that name is an error)."""
    from sim import catalog
    from sim.game.setup_file import load_setup, setup_path

    path = setup_path(scenario)
    if not (path.exists() or path.is_symlink()):
        return []
    load_setup(scenario, [p.stem for p in catalog.preset_paths(scenario)])
    return [path]


def _scenario_named(path: Path, scenario_id: object, what: str):
    """The installed scenario a proposal or what-if file names, else the one whose folder holds it."""
    from sim import catalog

    if isinstance(scenario_id, str) and scenario_id:
        try:
            return catalog.find_scenario(scenario_id)
        except ScenarioError:
            raise ScenarioError([Problem(str(path), ("scenario",), f"no scenario `{scenario_id}` is installed",
                                         "check the id with `redlines scenarios`")]) from None
    home = path.resolve().parent.parent
    if (home / "scenario.toml").is_file():
        return catalog.find_scenario(str(home))
    raise ScenarioError([Problem(str(path), ("scenario",), f"the {what} names no scenario",
                                 'add a line like scenario = "tutorial" at the top')])


def _check_what_if(path: Path) -> list[Path]:
    from sim.analysis.overrides import what_if
    from sim.analysis.overrides_file import load_overrides

    overrides = load_overrides(path)
    what_if(_scenario_named(path, overrides.scenario, "what-if file"), overrides)
    return [path]


def _check_proposal(path: Path) -> list[Path]:
    """A proposal checked against its scenario in one pass, so its mistakes of every kind show together."""
    from sim.loading import load_proposal
    from sim.loading.toml_file import read_toml

    try:
        scenario = _scenario_named(path, read_toml(path).data.get("scenario"), "proposal")
    except ScenarioError as missing:
        try:
            load_proposal(path)
        except ScenarioError as error:
            raise ScenarioError([*missing.problems, *error.problems]) from None
        raise
    load_proposal(path, scenario)
    return [path]


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

    kind = kind_of(path)
    if kind == "what-if":
        return _check_what_if(path)
    if kind == "proposal":
        return _check_proposal(path)
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


def run(args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    valid: list[str] = []
    for name in args.files:
        try:
            valid += [str(ok) for ok in _check(Path(name))]
        except ScenarioError as error:
            problems += error.problems
    if problems:
        raise ScenarioError(problems)  # printed by the command, as text or (with --json) as JSON
    if args.json:
        import json

        print(json.dumps({"valid": valid}, indent=2, ensure_ascii=False))
    else:
        for ok in valid:
            print(f"ok: {ok}")
    return 0

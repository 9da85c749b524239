"""Arguments several commands share, and the way they turn into a scenario and a proposal."""

from __future__ import annotations

import argparse

from sim.model import Proposal, Scenario


def add_scenario_option(parser: argparse.ArgumentParser, default_help: str = "") -> None:
    parser.add_argument(
        "--scenario",
        metavar="ID|PATH",
        help="a scenario id (see `redlines scenarios`) or a path to its folder"
        + (f"; {default_help}" if default_help else ""),
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts instead of text")


def scenario_and_proposal(proposal_arg: str, scenario_arg: str | None) -> tuple[Scenario, Proposal]:
    """The scenario named on the command line, else the one the proposal file names."""
    from sim import catalog  # deferred: every subcommand registers its options, `--help` reads no file
    from sim.loading import load_proposal

    if scenario_arg is None:
        from pathlib import Path

        if Path(proposal_arg).exists():
            scenario_arg = load_proposal(proposal_arg).scenario
        else:
            scenario_arg = catalog.DEFAULT_SCENARIO
    scenario = catalog.find_scenario(scenario_arg)
    return scenario, catalog.find_proposal(proposal_arg, scenario)


def _samples(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to 100000, found {text!r}")
    return value


def add_robust_options(parser: argparse.ArgumentParser, samples: int) -> None:
    parser.add_argument("--robust", action="store_true",
                        help="how solid the answer is: sample calibrations within the scenario's uncertainty ranges")
    parser.add_argument("--samples", metavar="N", type=_samples, default=samples,
                        help=f"calibrations to sample with --robust (default {samples})")
    parser.add_argument("--seed", metavar="N", type=int, default=0, help="seed of the calibrations (default 0)")


def add_date_and_kind_options(parser: argparse.ArgumentParser, kind_help: str) -> None:
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="judge with the positions in force on this date (default: the scenario's as_of)")
    parser.add_argument("--kind", metavar="KIND", help=kind_help)


def on_date_for_kind(scenario: Scenario, as_of: str | None, kind: str | None) -> Scenario:
    """The scenario dated ``--as-of`` (and, with ``--kind``, resolved for that kind); a bad value
    is a ScenarioError naming the flag, like every other mistake on the command line."""
    import datetime as dt

    from sim.loading.converter import suggest
    from sim.loading.problems import Problem, ScenarioError
    from sim.model.resolve import dated, for_kind

    problems = []
    date = None
    if as_of is not None:
        try:
            date = dt.date.fromisoformat(as_of)
        except ValueError:
            problems.append(Problem("command line", (), f"--as-of {as_of}: not a date", "write e.g. --as-of 2025-11-27"))
    if kind is not None and kind not in scenario.kind_ids:
        problems.append(Problem("command line", (), f"--kind {kind}: no such kind of agreement in `{scenario.id}`",
                                suggest(kind, scenario.kind_ids)))
    if problems:
        raise ScenarioError(problems)
    on_day = dated(scenario, date)
    return on_day if kind is None else for_kind(on_day, kind)

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

"""`redlines evaluate PROPOSAL`: every party's verdict on one proposal, and why."""

from __future__ import annotations

import argparse
import json

from sim.cli.arguments import add_json_option, add_scenario_option, scenario_and_proposal


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "evaluate",
        help="score a proposal: who accepts, who rejects, and which red lines it crosses",
        description="Scores a proposal against every party's red lines and preferences.",
    )
    parser.add_argument("proposal", metavar="PROPOSAL", help="a proposal TOML file, or the name of a scenario's preset")
    add_scenario_option(parser, "default: the scenario the proposal names")
    add_json_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sim.engine import assess
    from sim.present.assessment_json import assessment_dict

    scenario, proposal = scenario_and_proposal(args.proposal, args.scenario)
    assessment = assess(scenario, proposal)
    if args.json:
        print(json.dumps(assessment_dict(scenario, assessment), indent=2, ensure_ascii=False))
    else:
        from sim.present.text import render_assessment

        print(render_assessment(scenario, assessment))
    return 0

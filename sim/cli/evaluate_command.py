"""`redlines evaluate PROPOSAL`: every party's verdict on one proposal, and why."""

from __future__ import annotations

import argparse
import json

from sim.cli.arguments import (
    add_date_and_kind_options,
    add_json_option,
    add_robust_options,
    add_scenario_option,
    on_date_for_kind,
    scenario_and_proposal,
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "evaluate",
        help="score a proposal: who accepts, who rejects, and which red lines it crosses",
        description="Scores a proposal against every party's red lines and preferences.",
    )
    parser.add_argument("proposal", metavar="PROPOSAL", help="a proposal TOML file, or the name of a scenario's preset")
    add_scenario_option(parser, "default: the scenario the proposal names")
    add_date_and_kind_options(parser, "judge it as this kind of agreement (default: the kind it states, "
                              "else the fullest kind it fits)")
    add_robust_options(parser, 1000)
    add_json_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sim.engine import assess
    from sim.present.assessment_json import assessment_dict

    scenario, proposal = scenario_and_proposal(args.proposal, args.scenario)
    scenario = on_date_for_kind(scenario, args.as_of, args.kind)
    if args.robust:
        return run_robust(scenario, proposal, args)
    assessment = assess(scenario, proposal)
    if args.json:
        print(json.dumps(assessment_dict(scenario, assessment), indent=2, ensure_ascii=False))
    else:
        from sim.present.text import render_assessment

        print(render_assessment(scenario, assessment))
    return 0


def run_robust(scenario, proposal, args: argparse.Namespace) -> int:
    from sim.present.robust_json import verdict_robustness_dict
    from sim.analysis.robustness import verdict_robustness

    found = verdict_robustness(scenario, proposal, samples=args.samples, seed=args.seed)
    if args.json:
        print(json.dumps(verdict_robustness_dict(scenario, found), indent=2, ensure_ascii=False))
    else:
        from sim.present.robust_text import render_verdict_robustness

        print(render_verdict_robustness(scenario, found))
    return 0

"""`redlines suggest PROPOSAL`: the fewest changes that make a draft acceptable, or why none exist."""

from __future__ import annotations

import argparse
import json

from sim.cli.arguments import (
    add_date_and_kind_options,
    add_json_option,
    add_scenario_option,
    on_date_for_kind,
    scenario_and_proposal,
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "suggest",
        help="the closest acceptable proposal to a draft, and the changes that get there",
        description="Finds the proposal that changes the fewest issues of the draft and that every "
        "principal (or the parties given with --party) accepts; among equally close ones, the one with "
        "the largest product of gains over walk-away levels. Opening or settling an issue counts as a "
        "change. When none exists, says what blocks it.",
    )
    parser.add_argument("proposal", metavar="PROPOSAL", help="a proposal TOML file, or the name of a scenario's preset")
    add_scenario_option(parser, "default: the scenario the proposal names")
    parser.add_argument("--party", metavar="ID", action="append",
                        help="find what this party alone would accept (repeat for several parties)")
    parser.add_argument("--min-utility", metavar="PARTY=N", action="append", default=[],
                        help="ask this party for at least N points instead of its walk-away level")
    parser.add_argument("--fix", metavar="ISSUE=OPTION", action="append", default=[],
                        help="keep the issue settled so (OPTION `open`: keep it open)")
    add_date_and_kind_options(parser, "the kind of agreement to reach (default: the draft's stated kind, "
                              "else the fullest kind it fits)")
    add_json_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sim.analysis.explain import why_none
    from sim.analysis.suggestion import closest_acceptable
    from sim.cli.query_checks import check_query
    from sim.present.analysis_text import render_suggestion

    from sim.engine.kinds import kind_of

    scenario, proposal = scenario_and_proposal(args.proposal, args.scenario)
    scenario = on_date_for_kind(scenario, args.as_of, args.kind)
    if not scenario.kind:  # the draft's own kind: a counter-proposal keeps what kind of text it is
        scenario = on_date_for_kind(scenario, None, kind_of(scenario, proposal).kind.id)
    parties, levels, fixed = check_query(scenario, args.party, args.min_utility, args.fix)
    suggestion = closest_acceptable(scenario, proposal, parties=parties, min_utility=levels, fixed=fixed)
    obstacles = () if suggestion is not None else why_none(scenario, parties=parties, min_utility=levels, fixed=fixed)
    chosen = parties or [p.id for p in scenario.principals]
    if args.json:
        from sim.present.analysis_json import suggestion_dict

        print(json.dumps(suggestion_dict(scenario, dict(proposal.terms), chosen, suggestion, obstacles),
                         indent=2, ensure_ascii=False))
    else:
        print(render_suggestion(scenario, proposal, chosen, levels, fixed, suggestion, obstacles))
    return 0 if suggestion is not None else 1  # 1: nothing is acceptable (documented in README)

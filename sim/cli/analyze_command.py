"""`redlines analyze`: is there any deal, which is best, what blocks it; after what-if changes."""

from __future__ import annotations

import argparse
import json

from sim.cli.arguments import (
    add_date_and_kind_options,
    add_json_option,
    add_robust_options,
    add_scenario_option,
    on_date_for_kind,
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "analyze",
        help="the zone of possible agreement, the Nash point, and what blocks a deal",
        description="Analyses every proposal the scenario allows: how many every principal accepts, the "
        "Nash bargaining and egalitarian points, the Pareto frontier, and for each red line and "
        "walk-away level how much room relaxing it would open. What-if changes come from a TOML file "
        "(see scenarios/WHAT_IF.md) or the flags below.",
    )
    add_scenario_option(parser, "default: the default scenario")
    parser.add_argument("--what-if", metavar="FILE", help="a TOML file of overrides (scenarios/WHAT_IF.md)")
    parser.add_argument("--drop", metavar="PARTY:RED_LINE", action="append", default=[],
                        help="analyse as if the party no longer held this red line (repeatable)")
    parser.add_argument("--walk-away", metavar="PARTY=N", action="append", default=[],
                        help="analyse with a new walk-away level for the party (repeatable)")
    parser.add_argument("--fix", metavar="ISSUE=OPTION", action="append", default=[],
                        help="only proposals that settle the issue so (OPTION `open`: leave it open)")
    add_date_and_kind_options(parser, "analyse agreements of this kind (default: the last listed, the fullest)")
    parser.add_argument("--top", metavar="N", type=int, default=10, help="rows of the blocking table shown (text)")
    parser.add_argument("--time-limit", metavar="SECONDS", type=float, default=120,
                        help="give up after this long, saying so (default 120; the shipped scenarios take about a second)")
    add_robust_options(parser, 200)
    add_json_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sim import catalog
    from sim.analysis.overrides import what_if
    from sim.analysis.overrides_file import load_overrides, overrides_from_flags
    from sim.analysis.overview import analyze
    from sim.cli.progress import TerminalProgress

    found = catalog.find_scenario(args.scenario or catalog.DEFAULT_SCENARIO)
    scenario = on_date_for_kind(found, args.as_of, args.kind or found.fullest_kind.id)
    fixed: dict = {}
    titles = []
    if args.what_if:
        overrides = load_overrides(args.what_if)
        scenario = what_if(scenario, overrides)
        fixed.update(overrides.fix)
        titles.append(overrides.title or args.what_if)
    if args.drop or args.walk_away or args.fix:
        flags = overrides_from_flags(args.drop, args.walk_away, args.fix)
        scenario = what_if(scenario, flags)
        fixed.update(flags.fix)
        titles.append(" ".join([*(f"--drop {d}" for d in args.drop), *(f"--walk-away {w}" for w in args.walk_away),
                                *(f"--fix {f}" for f in args.fix)]))
    from sim.analysis.budget import time_limit

    robust = trades = None
    with TerminalProgress() as progress, time_limit(args.time_limit, progress.tick):
        analysis = analyze(scenario, fixed=fixed or None, progress=progress)
        # Other kinds are only weighed for the scenario as it stands: a what-if is about one kind.
        others = {} if titles else other_kinds(on_date_for_kind(found, args.as_of, None), scenario.kind, fixed)
        if not analysis.deal_exists:
            from sim.analysis.trades import find_trades

            trades = find_trades(scenario, fixed=fixed or None, progress=progress)
        if args.robust:
            from sim.analysis.robust_analysis import analysis_robustness

            robust = analysis_robustness(scenario, samples=args.samples, seed=args.seed, fixed=fixed or None,
                                         progress=progress)
    title = "; ".join(titles)
    if args.json:
        from sim.present.analysis_json import analysis_dict
        from sim.present.robust_json import analysis_robustness_dict, trades_dict

        data = analysis_dict(scenario, analysis, title)
        data["deal_by_kind"] = {scenario.kind: analysis.deal_exists, **others}
        data["trades"] = None if trades is None else trades_dict(scenario, trades)
        if robust is not None:
            data["robustness"] = analysis_robustness_dict(scenario, robust)
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        from sim.present.analysis_text import render_analysis
        from sim.present.robust_text import render_analysis_robustness, render_trades

        text = render_analysis(scenario, analysis, title, fixed, args.top, others)
        if trades is not None:
            text += "\n".join(render_trades(scenario, trades))
        if robust is not None:
            text += "\n" + render_analysis_robustness(scenario, robust)
        print(text)
    return 0


def other_kinds(on_day, analysed: str, fixed: dict) -> dict[str, bool]:
    """Whether a deal of each other kind exists (the what-if flags apply to the kind analysed only)."""
    from sim.analysis.overview import nash_point
    from sim.model.resolve import for_kind

    found = {}
    for kind in on_day.agreement_kinds:
        if kind.id != analysed:
            try:
                found[kind.id] = nash_point(for_kind(on_day, kind.id), fixed=fixed or None) is not None
            except ValueError:  # a --fix naming something this kind cannot hold
                found[kind.id] = False
    return found

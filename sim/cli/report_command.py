"""`redlines report`: a played game (a save file or a script) as a report a teacher can grade."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sim.cli.arguments import add_scenario_option

FORMATS = ("md", "html", "json")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "report",
        help="a played game as a report: the story, the concessions, the final draft against the best, the score",
        description="Writes the report of a played game: the story day by day, the ledger of concessions, the "
        "final draft and each agreement against the Nash point, the frontier and the scenario's plans, what "
        "blocked a deal, the score and questions for discussion. SAVE is a save file (.json) or a script. "
        "Exit status: 0, or 2 on bad input.",
    )
    parser.add_argument("save", metavar="SAVE", help="a save file (.json) or a script of actions")
    parser.add_argument("--format", choices=FORMATS, default="md", help="md (default), html (one self-contained file) or json")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of printing it")
    add_scenario_option(parser, "for a script without a `scenario` line (default: the default scenario)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sim.present.report import build_report, load_game, render
    from sim.present.report.output import write_document

    text = render(build_report(load_game(Path(args.save), args.scenario)), args.format)
    if args.output:
        written = write_document(Path(args.output), text)
        print(f"Report written to {written}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0

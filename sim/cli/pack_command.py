"""`redlines pack`: a scenario as a classroom kit: confidential instructions for each party, the
mediator's brief, and the instructor's notes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sim.cli.arguments import add_scenario_option

FORMATS = ("md", "html")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "pack",
        help="the classroom kit: confidential instructions per party, the mediator's brief, instructor notes",
        description="Writes the classroom kit of a scenario, from the scenario itself: for each party its "
        "confidential instructions, the mediator's brief, and the instructor's notes (45- and 90-minute plans, "
        "what the engine knows that the students do not, what happened next, discussion questions, a grading "
        "rubric). With -o DIR, one file per document; without, all of them on standard output. "
        "Exit status: 0, or 2 on bad input.",
    )
    add_scenario_option(parser, "default: the default scenario")
    parser.add_argument("--role", metavar="PARTY|mediator|instructor", help="one document only: a party's id, "
                        "`mediator` or `instructor` (default: all of them)")
    parser.add_argument("--format", choices=FORMATS, default="md", help="md (default) or html (self-contained)")
    parser.add_argument("-o", "--output", metavar="DIR", help="write one file per document into DIR")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sim import catalog
    from sim.loading.converter import suggest
    from sim.loading.problems import Problem, ScenarioError
    from sim.present.pack import build_pack, render_pack, roles
    from sim.present.report.output import write_document

    scenario = catalog.find_scenario(args.scenario or catalog.DEFAULT_SCENARIO)
    known = roles(scenario)
    if args.role is not None and args.role not in known:
        raise ScenarioError([Problem("--role", (), f"`{args.role}` is not a role in {scenario.id}",
                                     suggest(args.role, known))])
    documents = build_pack(scenario, args.role)
    if not args.output:
        sys.stdout.write(render_pack(documents, args.format))
        return 0
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise ScenarioError([Problem(str(folder), (), "this is a file, not a folder", "give a folder for the documents")])
    for document in documents:
        path = folder / f"{scenario.id}-{document['role']}.{args.format}"
        write_document(path, render_pack([document], args.format))
        print(path)
    return 0

"""`redlines scenarios`: the scenarios found, shipped and in the user folder."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("scenarios", help="list the scenarios found (shipped and user ones)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts instead of text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sim import catalog
    from sim.cli.text import table

    found = catalog.entries()
    if args.json:
        print(json.dumps([
            {
                "id": e.id,
                "title": e.scenario.title if e.scenario else None,
                "origin": e.origin,
                "path": str(e.path),
                "valid": e.error is None,
                "problems": [str(p) for p in e.error.problems] if e.error else [],
            }
            for e in found
        ], indent=2, ensure_ascii=False))
        return 0
    rows = [["Id", "Title", "Origin", "Path"]]
    for e in found:
        if e.scenario:
            title = e.scenario.title
        elif len(e.error.problems) == 1 and e.error.problems[0].path == ("id",):  # shadowed, or misnamed
            title = f"NOT USED: {e.error.problems[0].message}"
        else:
            title = f"BROKEN: {len(e.error.problems)} problems (run redlines validate)"
        rows.append([e.id, title, e.origin, str(e.path)])
    print(table(rows))
    print(f"\nUser scenarios go in {catalog.user_dir()}")
    return 0

"""`redlines scenarios`: the library of scenarios found, shipped and in the user folder."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("scenarios", help="list the scenarios found (shipped and user ones)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts instead of text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sim import catalog
    from sim.present.library import facts, library_dict
    from sim.present.text import wrap

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
                **(library_dict(e.scenario) if e.scenario else {}),
            }
            for e in found
        ], indent=2, ensure_ascii=False))
        return 0
    blocks = []
    for e in found:
        if e.scenario is None:
            shadowed = len(e.error.problems) == 1 and e.error.problems[0].path == ("id",)  # or misnamed
            why = f"NOT USED: {e.error.problems[0].message}" if shadowed else \
                f"BROKEN: {len(e.error.problems)} problems (run redlines validate)"
            blocks.append(f"{e.id}  {why}\n  {e.origin}: {e.path}")
            continue
        lines = [f"{e.id}  {e.scenario.title}"]
        if e.scenario.library.tagline:
            lines.append(wrap(e.scenario.library.tagline, "  "))
        lines += [wrap(f"{label}: {value}", "  ") for label, value in facts(e.scenario)]
        lines.append(f"  {e.origin}: {e.path}")
        blocks.append("\n".join(lines))
    print("\n\n".join(blocks))
    print(f"\nUser scenarios go in {catalog.user_dir()}")
    return 0

"""`redlines sources`: every red line with how strong it is and what it rests on, and every source."""

from __future__ import annotations

import argparse
import json

from sim.cli.arguments import add_json_option, add_scenario_option


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "sources",
        help="every red line with its party, hard/soft, basis, confidence, kinds and citations",
        description="Lists every red line of the scenario with its party, whether it is hard or soft, "
        "stated or inferred, its confidence, the kinds of agreement it applies to and its citations; "
        "then every source with its outlet and date (and whether the date is estimated).",
    )
    add_scenario_option(parser, "default: the default scenario")
    add_json_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sim import catalog
    from sim.engine.sources import sources_dict

    scenario = catalog.find_scenario(args.scenario or catalog.DEFAULT_SCENARIO)
    data = sources_dict(scenario)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    from sim.present.text import wrap

    names = {p.id: p.name for p in scenario.parties}
    out = [f"{scenario.title} ({scenario.id}): {len(data['lines'])} red lines, {len(data['sources'])} sources", ""]
    for line in data["lines"]:
        since = f", from {line['since']}" if line["since"] else ""
        out.append(wrap(f"{names[line['party']]}: {line['statement']} [{line['id']}]", ""))
        out.append(wrap(f"{line['kind']}, {line['basis']}, {line['confidence']} confidence{since}; applies to: "
                        + ", ".join(line["applies_to"]), "    "))
        for c in line["citations"]:
            estimated = " (date estimated)" if c["date_estimated"] else ""
            on = f", about {c['on']}" if c["on"] else ""
            out.append(wrap(f"- {c['title']}, {c['outlet'] or 'no outlet'}, {c['date']}{estimated}{on} "
                            f"[{c['confidence']}]: {c['passage']}", "    "))
        out.append("")
    out.append("Sources:")
    for s in sorted(data["sources"], key=lambda s: s["date"]):
        estimated = " (date estimated)" if s["date_estimated"] else ""
        out.append(wrap(f"{s['date']}{estimated}  {s['title']}, {s['outlet'] or 'no outlet'} [{s['id']}]", "  "))
    print("\n".join(out))
    return 0

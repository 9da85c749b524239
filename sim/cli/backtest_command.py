"""`redlines backtest [SCENARIO...]`: replays each scenario's recorded history through the engine."""

from __future__ import annotations

import argparse
import json
import sys

from sim.cli.arguments import add_json_option


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "backtest",
        help="check the engine against history: each recorded case's verdicts, matched or missed",
        description="Evaluates every case in each scenario's history.toml at its own date and compares "
        "each party's verdict with what it really said. Without SCENARIO, every scenario found.",
    )
    parser.add_argument("scenarios", metavar="SCENARIO", nargs="*", help="a scenario id or folder (default: all)")
    add_json_option(parser)
    parser.set_defaults(run=run)


def _cards(names: list[str]) -> list:
    from sim import catalog
    from sim.history.backtest import backtest_scenario

    if names:
        scenarios = [catalog.find_scenario(n) for n in names]
    else:
        found = catalog.entries()
        # A broken scenario cannot be backtested: it is named on stderr, never silently left out.
        for e in found:
            if e.error is not None:
                print(f"skipped {e.id}: {len(e.error.problems)} problems (run redlines validate {e.path})",
                      file=sys.stderr)
        scenarios = [e.scenario for e in found if e.scenario is not None]
    return [backtest_scenario(s) for s in scenarios]  # a scenario without history: 0 cases


def render(cards: list) -> str:
    from sim.present.text import table, wrap

    rows = [["Scenario", "Cases", "Cases matched", "Verdicts", "Verdicts matched"]]
    for card in cards:
        rows.append([card.scenario.id, str(card.case_count), str(card.cases_matched), str(len(card.cells)),
                     str(card.matched)])
    out = [table(rows, right={1, 2, 3, 4})]
    for card in cards:
        for miss in card.misses:
            party = card.scenario.party(miss.party).name
            out.append("")
            out.append(f"MISS {card.scenario.id} / {miss.case.id} ({miss.case.date.isoformat()}, preset "
                       f"{miss.case.proposal}): {party} really said {miss.recorded.value}, the engine says "
                       f"{miss.engine.value}")
            out.append(wrap(f"decided by {miss.decided_by}; {miss.kind_note}", "  "))
            if miss.case.note:
                out.append(wrap(f"note: {miss.case.note}", "  "))
    total = sum(len(c.cells) for c in cards)
    matched = sum(c.matched for c in cards)
    out.append("")
    out.append(f"{matched} of {total} recorded verdicts matched.")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from sim.history.backtest import scorecard_dict

    cards = _cards(args.scenarios)
    if args.json:
        print(json.dumps({"scenarios": [scorecard_dict(c) for c in cards]}, indent=2, ensure_ascii=False))
    else:
        print(render(cards))
    return 0

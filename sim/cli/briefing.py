"""What `redlines` does with no command: the default scenario's briefing and its presets' verdicts.

Replaced by the game once the terminal app exists.
"""

from __future__ import annotations

import argparse


def run_default(args: argparse.Namespace) -> int:
    from sim import catalog
    from sim.present.text import render_assessment, wrap
    from sim.engine import assess

    try:
        scenario = catalog.find_scenario(catalog.DEFAULT_SCENARIO)
    except Exception:  # noqa: BLE001 - fall back to the tutorial while the default is missing
        scenario = catalog.find_scenario("tutorial")
    print(scenario.title)
    print("=" * len(scenario.title))
    print(wrap(scenario.summary, ""))
    if scenario.briefing:
        print()
        print(wrap(scenario.briefing, ""))
    print("\nThe parties:")
    for party in scenario.parties:
        print(wrap(f"{party.name} ({party.role.value}): {party.position}", "  "))
    for proposal in catalog.presets(scenario):
        print("\n" + "-" * 72)
        print(render_assessment(scenario, assess(scenario, proposal)))
    return 0

"""Opening the terminal app from the command line (`redlines`, `redlines play`).

Textual is imported here, inside the function, so every other command stays fast and headless.
"""

from __future__ import annotations

import argparse
import sys


def run_app(args: argparse.Namespace) -> int:
    """Open the app; in a pipe, where no app can be drawn, print the default scenario's briefing."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from sim.cli.briefing import run_default

        return run_default(args)
    from sim.ui.collector import pause_collector

    pause_collector()  # from before Textual is imported, not only from the app's start: ~15 ms of collections
    from sim.present.levels import DEFAULT_DIFFICULTY
    from sim.ui.app import Launch, make_app

    launch = Launch(
        scenario=getattr(args, "scenario", None),
        screen=getattr(args, "screen", None) or "start",
        difficulty=getattr(args, "difficulty", None) or DEFAULT_DIFFICULTY,
        seed=getattr(args, "seed", None),
    )
    app = make_app(launch)
    app.run()
    return app.return_code or 0

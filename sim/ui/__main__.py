"""`python -m sim.ui`: the app with no terminal checks, which is what `redlines serve` runs per browser session."""

from __future__ import annotations

import argparse

from sim.ui.app import DIFFICULTIES, START_SCREENS, Launch, make_app


def parse(argv: list[str] | None = None) -> Launch:
    parser = argparse.ArgumentParser(prog="python -m sim.ui", description="Open the Red Lines app.")
    parser.add_argument("--scenario", metavar="ID|PATH")
    parser.add_argument("--screen", choices=START_SCREENS, default="start")
    parser.add_argument("--difficulty", choices=DIFFICULTIES, default="normal")
    parser.add_argument("--seed", type=int)
    args = parser.parse_args(argv)
    return Launch(scenario=args.scenario, screen=args.screen, difficulty=args.difficulty, seed=args.seed)


def main(argv: list[str] | None = None) -> int:
    app = make_app(parse(argv))
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())

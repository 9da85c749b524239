"""`python -m sim.ui`: the app with no terminal checks, which is what `redlines serve` runs per browser session."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from sim import catalog

from sim.ui.app import DIFFICULTIES, START_SCREENS, Launch, make_app


def parse(argv: list[str] | None = None) -> Launch:
    parser = argparse.ArgumentParser(prog="python -m sim.ui", description="Open the Red Lines app.")
    parser.add_argument("--scenario", metavar="ID|PATH")
    parser.add_argument("--screen", choices=START_SCREENS, default="start")
    parser.add_argument("--difficulty", choices=DIFFICULTIES, default="normal")
    parser.add_argument("--seed", type=int)
    parser.add_argument(
        "--private-home",
        action="store_true",
        help="keep this session's saves apart from every other (what `redlines serve` does for each visitor)",
    )
    args = parser.parse_args(argv)
    if args.private_home:
        use_private_home()
    return Launch(scenario=args.scenario, screen=args.screen, difficulty=args.difficulty, seed=args.seed)


def use_private_home() -> Path:
    """Point REDLINES_HOME at a folder of this process's own, so visitors of one server never
    overwrite each other's autosaves; the teacher's own scenarios stay visible through a link."""
    shared = catalog.data_dir()
    home = shared / "visitors" / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    home.mkdir(parents=True, exist_ok=True)
    scenarios = catalog.user_dir()
    if scenarios.is_dir() and not (home / "scenarios").exists():
        (home / "scenarios").symlink_to(scenarios, target_is_directory=True)
    os.environ["REDLINES_HOME"] = str(home)
    return home


def main(argv: list[str] | None = None) -> int:
    app = make_app(parse(argv))
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())

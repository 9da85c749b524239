"""`python -m sim.ui`: the app with no terminal checks, which is what `redlines serve` runs per browser session."""

from __future__ import annotations

import argparse
import os
import re
import time
from pathlib import Path

from sim import catalog

from sim.present.levels import DEFAULT_DIFFICULTY, DIFFICULTIES
from sim.ui.app import START_SCREENS, Launch, make_app


def parse(argv: list[str] | None = None) -> Launch:
    parser = argparse.ArgumentParser(prog="python -m sim.ui", description="Open the Red Lines app.")
    parser.add_argument("--scenario", metavar="ID|PATH")
    parser.add_argument("--screen", choices=START_SCREENS, default="start")
    parser.add_argument("--difficulty", choices=DIFFICULTIES, default=DEFAULT_DIFFICULTY)
    parser.add_argument("--seed", type=int)
    parser.add_argument(
        "--private-home",
        action="store_true",
        help="keep this session's saves apart from every other (what `redlines serve` does for each visitor)",
    )
    parser.add_argument("--visitor", metavar="TOKEN", default="",
                        help="with --private-home: the visitor's own folder, kept between visits (32 hex digits)")
    args = parser.parse_args(argv)
    if args.visitor and not re.fullmatch(r"[0-9a-f]{32}", args.visitor):
        parser.error("--visitor takes 32 hexadecimal digits")
    if args.private_home:
        try:
            use_private_home(args.visitor)
        except OSError as error:
            raise SystemExit(f"cannot make a private Red Lines folder in {catalog.data_dir()}: "
                             f"{error.strerror or error}; set REDLINES_HOME to a folder you can write to.") from None
    return Launch(scenario=args.scenario, screen=args.screen, difficulty=args.difficulty, seed=args.seed)


def use_private_home(visitor: str = "") -> Path:
    """Point REDLINES_HOME at a folder of this session's own, so visitors of one server never
    overwrite each other's autosaves; the teacher's own scenarios stay visible through a link.
    A visitor token names the folder, so the same browser comes back to the same games."""
    shared = catalog.data_dir()
    home = shared / "visitors" / (visitor or f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
    home.mkdir(parents=True, exist_ok=True)
    scenarios = catalog.user_dir()
    if scenarios.is_dir() and not ((home / "scenarios").exists() or (home / "scenarios").is_symlink()):
        (home / "scenarios").symlink_to(scenarios, target_is_directory=True)
    os.environ["REDLINES_HOME"] = str(home)
    return home


def main(argv: list[str] | None = None) -> int:
    app = make_app(parse(argv))
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())

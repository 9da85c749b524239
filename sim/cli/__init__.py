"""The `redlines` command: a thin shell over the core.

Each subcommand is a module ``sim/cli/<name>_command.py`` with ``register(subparsers)``, found
automatically; heavy imports happen inside the handlers, so `redlines --help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from sim.loading.problems import ScenarioError


def command_modules() -> list[str]:
    package = importlib.import_module("sim.cli")
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.endswith("_command"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redlines",
        description="Red Lines: mediate a peace negotiation, or test what-if proposals against stated red lines.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_modules():
        importlib.import_module(f"sim.cli.{name}").register(sub)
    return parser


def report_problems(error: ScenarioError) -> int:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    count = len(error.problems)
    print(f"{count} problem{'s' if count != 1 else ''} found.", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    from sim.cli import clean_output

    clean_output.install()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from sim.cli.launch import run_app

        handler = run_app
    else:
        handler = args.run
    try:
        return handler(args) or 0
    except ScenarioError as error:
        return report_problems(error)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `redlines evaluate ... | head`
        sys.stderr.close()
        return 0

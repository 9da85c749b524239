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
    parser = _Parser(
        prog="redlines",
        description="Red Lines: mediate a peace negotiation, or test what-if proposals against stated red lines.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in command_modules():
        importlib.import_module(f"sim.cli.{name}").register(sub)
    return parser


def report_problems(error: ScenarioError, as_json: bool = False) -> int:
    from sim.cli.errors import problems_found

    return problems_found(error.problems, as_json=as_json)


class _Parser(argparse.ArgumentParser):
    """Usage errors as JSON too when --json is on the command line (argparse prints text and exits 2)."""

    def error(self, message: str):  # type: ignore[override]
        if "--json" in (self._argv if self._argv is not None else sys.argv[1:]):
            from sim.cli.errors import report

            report("usage", f"{self.prog}: {message}", as_json=True)
            raise SystemExit(2)
        super().error(message)

    _argv: list[str] | None = None


def main(argv: list[str] | None = None) -> int:
    from sim.cli import clean_output

    clean_output.install()
    if not (sys.argv[1:] if argv is None else argv):
        # Plain `redlines` (what `make play` runs) opens the game: building every command's parser
        # first cost its first frame some 30 ms, to learn that there are no arguments.
        args = argparse.Namespace(command=None)
    else:
        parser = build_parser()
        _Parser._argv = list(argv) if argv is not None else None
        args = parser.parse_args(argv)
    as_json = bool(getattr(args, "json", False))
    if args.command is None:
        from sim.cli.launch import run_app

        handler = run_app
    else:
        handler = args.run
    try:
        return handler(args) or 0
    except ScenarioError as error:
        return report_problems(error, as_json)
    except KeyboardInterrupt:
        from sim.cli.errors import report

        return report("interrupted", "Interrupted.", as_json=as_json, code=130)
    except BrokenPipeError:  # e.g. `redlines evaluate ... | head`
        sys.stderr.close()
        return 0
    except ValueError as error:
        from sim.analysis.blocks import TooTangled

        if not isinstance(error, TooTangled):
            raise
        from sim.analysis.budget import OutOfTime
        from sim.cli.errors import report

        if isinstance(error, OutOfTime):
            return report("out_of_time", f"cannot answer: {error}; settle some issues with --fix to make the "
                          "space smaller, or allow longer with --time-limit", as_json=as_json)
        return report("too_tangled", f"cannot answer: {error}; simplify the red lines that tie many issues "
                      "(fewer issues per rule), or fix some issues with --fix", as_json=as_json)

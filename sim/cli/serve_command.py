"""`redlines serve`: the app in a browser, one app process per visitor, through textual-serve."""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys

from sim.cli.arguments import add_scenario_option

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
WILDCARDS = {"0.0.0.0", "::", "[::]", ""}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the app to web browsers (a classroom on one machine)",
        description="Serve the Red Lines app over HTTP: each browser tab gets its own game. "
        "Needs the `web` extra: pip install 'redlines[web]'.",
    )
    parser.add_argument("--host", default="localhost", help="the address to listen on (default: localhost only)")
    parser.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use to reach this server, when it differs from http://HOST:PORT",
    )
    add_scenario_option(parser, "default: the start screen offers every scenario")
    parser.set_defaults(run=run)


def is_local(host: str) -> bool:
    """True when only this machine can connect to ``host``."""
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def session_command(scenario: str | None) -> str:
    """The command textual-serve runs for each browser session."""
    command = [sys.executable, "-m", "sim.ui", "--private-home"]
    if scenario:
        command += ["--scenario", scenario]
    return shlex.join(command)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        print(f"--port {args.port}: a port is a number from 1 to 65535; try --port 8000.", file=sys.stderr)
        return 2
    try:
        from textual_serve.server import Server
    except ImportError:
        print(
            "`redlines serve` needs the web extra, which is not installed: pip install 'redlines[web]'",
            file=sys.stderr,
        )
        return 2
    if args.scenario:
        from sim import catalog

        catalog.find_scenario(args.scenario)  # a bad id fails here, once, with the usual clear error
    if not is_local(args.host):
        print(
            f"WARNING: serving on {args.host}: anyone who can reach port {args.port} on this machine can play, "
            "and each visitor starts a process here. Use --host localhost to keep it to this machine.",
            file=sys.stderr,
        )
    public_url = args.public_url
    if public_url is None and args.host in WILDCARDS:
        # The page tells the browser where to open its websocket; 0.0.0.0 is no address a browser can use.
        import socket

        public_url = f"http://{socket.getfqdn()}:{args.port}"
    server = Server(session_command(args.scenario), host=args.host, port=args.port, title="Red Lines", public_url=public_url)
    server.serve()
    return 0

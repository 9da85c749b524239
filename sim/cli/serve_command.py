"""`redlines serve`: the app in a browser, one app process per visitor, through textual-serve."""

from __future__ import annotations

import argparse
import errno
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
    parser.add_argument("--max-sessions", type=int, default=30, metavar="N",
                        help="games played at once (one app process each; default 30, what this 2-core machine holds)")
    parser.add_argument("--keep-days", type=float, default=14, metavar="DAYS",
                        help="remove a visitor's saves after this many days without a visit (default 14)")
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


def session_command(scenario: str | None, visitor: str = "") -> str:
    """The command textual-serve runs for each browser session: the visitor's own folder, by token."""
    command = [sys.executable, "-m", "sim.ui", "--private-home"] + (["--visitor", visitor] if visitor else [])
    if scenario:
        command += ["--scenario", scenario]
    return shlex.join(command)


def run(args: argparse.Namespace) -> int:
    from sim import catalog  # deferred: `redlines --help` loads no scenario machinery

    if args.max_sessions < 1 or args.keep_days <= 0:
        print("--max-sessions and --keep-days must be above 0; try --max-sessions 30 --keep-days 14.", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print(f"--port {args.port}: a port is a number from 1 to 65535; try --port 8000.", file=sys.stderr)
        return 2
    try:
        import textual_serve.server  # noqa: F401 - only to say clearly when the extra is missing
    except ImportError:
        print(
            "`redlines serve` needs the web extra, which is not installed: pip install 'redlines[web]'",
            file=sys.stderr,
        )
        return 2
    if args.scenario:
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
    busy = port_problem(args.host, args.port)
    if busy:
        print(busy, file=sys.stderr)
        return 2
    from sim.cli.web_server import ClassroomServer, clean_visitors

    visitors = catalog.data_dir() / "visitors"
    clean_visitors(visitors, args.keep_days)
    server = ClassroomServer(lambda visitor: session_command(args.scenario, visitor), visitors=visitors,
                             max_sessions=args.max_sessions, keep_days=args.keep_days, explicit_url=args.public_url is not None, host=args.host,
                             port=args.port, title="Red Lines", public_url=public_url)
    try:
        server.serve()
    except OSError as error:  # taken between the check and now
        print(listen_problem(args.host, args.port, error), file=sys.stderr)
        return 2
    return 0


def listen_problem(host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return (f"--port {port}: the port is in use (another `redlines serve`?); stop that one, "
                f"or pick another port, e.g. --port {port + 1}.")
    return f"cannot listen on {host}:{port}: {error.strerror or error}; check --host (it must be an address of this machine)."


def port_problem(host: str, port: int) -> str:
    """Why the server could not listen on host:port, found before anything is printed; "" when it can."""
    import socket

    try:
        infos = socket.getaddrinfo(None if host in WILDCARDS else host, port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        return f"--host {host}: not an address of this machine ({error.strerror}); try --host localhost."
    for family, kind, proto, _, address in infos:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            try:
                probe.bind(address)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:  # other failures (no IPv6 here) are the server's to judge
                    return listen_problem(host, port, error)
    return ""

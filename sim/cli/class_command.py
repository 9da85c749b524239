"""`redlines class`: a class at shared tables, students in the seats, a teacher's console."""

from __future__ import annotations

import argparse
import sys

from sim.classroom.access import WILDCARDS
from sim.cli.arguments import add_scenario_option
from sim.present.levels import DEFAULT_DIFFICULTY, DIFFICULTIES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "class",
        help="run a class: students take the mediator's and the parties' seats at shared tables",
        description="Serve a class over HTTP: students pick a table and a seat (the mediator or a party; the engine "
        "plays every seat nobody takes), the teacher follows every table on a console. Every move is kept in a "
        "database, so a reload or a restart loses nothing. Needs the `class` extra: pip install 'redlines[class]'.",
    )
    add_scenario_option(parser, "default: the default scenario")
    parser.add_argument("--host", default="localhost", help="the address to listen on (default: localhost only)")
    parser.add_argument("--port", type=int, default=8010, help="the port to listen on (default: 8010)")
    parser.add_argument("--store", metavar="URL",
                        help="where the class is kept: sqlite:///PATH or postgresql://USER@HOST/DB "
                        "(default: classes.sqlite in your Red Lines folder)")
    parser.add_argument("--tables", type=int, default=8, help="the number of tables (1 to 30; default 8)")
    parser.add_argument("--difficulty", default=DEFAULT_DIFFICULTY, choices=DIFFICULTIES,
                        help="what the mediator sees of the parties (default: normal)")
    parser.add_argument("--seed", type=int, default=0, help="the seed every table's game starts from (default 0)")
    parser.add_argument("--pace", type=float, default=6.0,
                        help="seconds between the engine's moves where it stands in for a mediator nobody took "
                        "(at tables with parties played in person; 0: never; default 6)")
    parser.add_argument("--new", action="store_true",
                        help="start a new class even if the store holds an unfinished one of this scenario")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        print(f"--port {args.port}: a port is a number from 1 to 65535; try --port 8010.", file=sys.stderr)
        return 2
    try:
        from aiohttp import web

        from sim.classroom.access import is_local
        from sim.classroom.room import ClassError, Classroom
        from sim.classroom.server import make_app
        from sim.classroom.store import Store, StoreError, default_url
    except ImportError:
        print("`redlines class` needs the class extra, which is not installed: pip install 'redlines[class]'",
              file=sys.stderr)
        return 2
    from sim import catalog

    scenario = catalog.find_scenario(args.scenario or catalog.DEFAULT_SCENARIO)
    try:
        store = Store(args.store or default_url(catalog.data_dir()))
        room = Classroom.open(store, scenario, tables=args.tables, difficulty=args.difficulty, seed=args.seed,
                              new=args.new)
    except (StoreError, ClassError) as error:
        print(error, file=sys.stderr)
        return 2
    local = is_local(args.host)
    shown = "localhost" if local else (_machine_name() if args.host in WILDCARDS else args.host)
    address = f"http://{shown}:{args.port}/"
    resumed = " (carried on from the store: every table as it was)" if room.resumed else ""
    print(f"Class on {scenario.title}: {len(room.tables)} tables{resumed}.")
    print(f"  Students open: {address}")
    if local:
        print(f"  Teacher's console: {address}console   (this machine only: no code needed)")
    else:
        print(f"  Class code (students type it to join): {room.record.code}")
        print(f"  Teacher's console: {address}console?key={room.record.teacher_key}   (keep this link to yourself)")
    print("  Stop with Ctrl+C; starting again with the same store carries the class on.", flush=True)
    web.run_app(make_app(room, local=local, address=address, pace=max(0.0, args.pace)), host=args.host, port=args.port, print=None,
                handle_signals=True)
    store.close()
    return 0


def _machine_name() -> str:
    import socket

    return socket.getfqdn()

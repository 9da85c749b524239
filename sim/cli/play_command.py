"""`redlines play`: the mediation game. With --script, plays a scripted game headless and prints
the story, the final state and the score; without, opens the game for a person."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sim.cli.arguments import add_json_option, add_scenario_option
from sim.present.levels import DIFFICULTIES


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "play",
        help="play the mediation game; --script plays a scripted game headless",
        description="Plays the mediation game. With --script FILE, runs the actions listed in FILE (one per "
        "line, see scenarios/FORMAT.md, 'Scripted games'; a save file works too) and prints the story, the "
        "final state and the score. Scripted games do not touch your autosave; use --save to keep one. "
        "Exit status: 0, or 1 when the script's `expect` lines are not met, or 2 on bad input.",
    )
    parser.add_argument("--script", metavar="FILE", help="a script of actions, or a save file to replay")
    add_scenario_option(parser, "default: the script's `scenario` line, else the default scenario")
    parser.add_argument("--seed", type=int, metavar="N", help="the random seed (default: the script's, else 0)")
    parser.add_argument("--difficulty", choices=DIFFICULTIES, help="what the player sees (default: normal)")
    parser.add_argument("--save", metavar="FILE", help="write the final game to this save file")
    add_json_option(parser)
    parser.set_defaults(run=run)


def _load_script(path: str):
    from sim.game.saves import read_save
    from sim.game.script import read_script, script_from_save

    if Path(path).suffix == ".json":
        return script_from_save(read_save(Path(path)), path)
    return read_script(path)


def run(args: argparse.Namespace) -> int:
    if args.script is None:
        from sim.cli.launch import run_app

        return run_app(args)
    from sim import catalog
    from sim.loading.problems import Problem
    from sim.game import Difficulty, score, start_game
    from sim.game.snapshot import state_dict
    from sim.present.game_report import score_dict
    from sim.game.saves import write_save
    from sim.game.script import run_script, unmet

    script = _load_script(args.script)
    scenario = args.scenario or script.scenario or catalog.DEFAULT_SCENARIO
    seed = args.seed if args.seed is not None else (script.seed or 0)
    difficulty = Difficulty(args.difficulty) if args.difficulty else (script.difficulty or Difficulty.NORMAL)
    try:
        state = start_game(scenario, difficulty, seed)
    except catalog.ScenarioError as error:
        if args.scenario or not script.scenario or any(p.file != script.scenario for p in error.problems):
            raise
        # The script (or save) named a scenario that is not installed: say so where it is named.
        where = ("scenario", "id") if Path(args.script).suffix == ".json" else ()
        raise catalog.ScenarioError([Problem(args.script, where, f"the scenario `{script.scenario}`: {p.message}",
                                             p.fix, script.scenario_line) for p in error.problems]) from None
    state, _ = run_script(script, state)
    missed = unmet(script, state)
    if args.save:
        write_save(state, Path(args.save))
    if args.json:
        expectations = {e: e not in missed for e in script.expect}
        print(json.dumps({"state": state_dict(state), "score": score_dict(score(state)), "expect": expectations},
                         indent=2, ensure_ascii=False))
    else:
        from sim.present.game_report import render_game

        print(render_game(state, score(state)))
        for expectation in script.expect:
            print(f"expected {expectation}: {'NOT MET' if expectation in missed else 'met'}")
    if missed:
        print(f"{args.script}: the game did not end as expected ({', '.join(missed)})", file=sys.stderr)
        return 1
    return 0

"""Issue 15's speed goals, measured in one run and reported as ratios (measured / goal: 1 or less meets it).

Hard shapes of the analysis (bench_analysis has the rest): the full 4x12 analysis without red lines
(goal 50 ms), its sensitivity table (100 ms), the full 14x6 analysis (0.1 s). Robustness: one
verdict over 1,000 calibrations (20 ms); `analyze --robust` on the default scenario with 200
calibrations (10 s); trades on the default scenario, pairs and triples of moves (2 s). And issue
8's goal for one verdict (every party's, on the default scenario's fast path): 5 us.

The analysis figures are of a process that has loaded the compiled loops (``sim.analysis.kernels``):
one that analyses large spaces again and again, as the app, a class server or a script does.
Beside them: what loading the loops costs a fresh process, and the 14x6 analysis in a one-off
process, which stays in numpy because loading would cost it more than it saves.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench.bench_analysis import MIX, WIDE
from bench.timing import median_seconds, report
from sim import catalog
from sim.analysis import analyze, kernels, sensitivity
from sim.analysis.robust_analysis import analysis_robustness
from sim.analysis.robustness import verdict_robustness
from sim.analysis.trades import find_trades
from sim.engine import compiled
from sim.engine.fast import evaluate_all
from sim.loading.files import load_proposal
from sim.synthetic import synthetic_scenario


def _once(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# A fresh process each: the compiled loops loaded (from numba's cache, warmed by the first run),
# and one 14x6 analysis that never loads them. Each prints its seconds.
_LOAD = """
import time
from sim.analysis import kernels
start = time.perf_counter()
kernels.load().pair_total(__import__("numpy").zeros((9, 1), "uint64"), 2, __import__("numpy").ones((4, 1), "int32"), 0)
print(time.perf_counter() - start)
"""
_ONE_OFF = """
import time
from bench.bench_analysis import WIDE
from sim.analysis import analyze
from sim.synthetic import synthetic_scenario
scenario = synthetic_scenario(options=WIDE, seed=1)
start = time.perf_counter()
analyze(scenario, blocking=False)
print(time.perf_counter() - start)
"""


def _fresh_process(code: str) -> float:
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # numba's cache warm
    found = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(found.stdout.split()[-1])


def main() -> None:
    measured: list[tuple[str, float, float, str]] = []  # (name, value, goal, unit)
    report("analysis.compiled_loops.load", _fresh_process(_LOAD), "s, once per process that loads them")
    report("analysis.full_14x6.one_off_process", _fresh_process(_ONE_OFF), "s (numpy: a one-off never loads the loops)")
    kernels.load()
    bare = synthetic_scenario(options=MIX, seed=1, red_lines=0)
    measured.append(("full_4x12.no_red_lines", median_seconds(lambda: analyze(bare, blocking=False), repeats=5) * 1e3,
                     50, "ms"))
    measured.append(("sensitivity_4x12.no_red_lines", median_seconds(lambda: sensitivity(bare), repeats=3) * 1e3,
                     100, "ms"))
    wide = synthetic_scenario(options=WIDE, seed=1)
    # A median like the 4x12's, now that a run takes a tenth of a second (it was one run at 0.3 s).
    measured.append(("full_14x6", median_seconds(lambda: analyze(wide, blocking=False), repeats=3), 0.1, "s"))
    scenario = catalog.find_scenario(catalog.DEFAULT_SCENARIO)
    proposal = load_proposal(scenario.path.rsplit("/", 1)[0] + "/proposals/us_28_point.toml", scenario)
    measured.append(("robust.verdict_1000", median_seconds(
        lambda: verdict_robustness(scenario, proposal, samples=1000)) * 1e3, 20, "ms"))
    measured.append(("robust.analyze_default_200", _once(lambda: analysis_robustness(scenario, samples=200)), 10, "s"))
    table = compiled(scenario)
    index = table.index(proposal)
    measured.append(("engine.verdict_default", median_seconds(lambda: evaluate_all(table, index), number=1000) * 1e6,
                     5, "us"))
    found = []
    measured.append(("trades.default", _once(lambda: found.append(find_trades(scenario))), 2, "s"))
    # A shared machine slows every figure alike; the load says how far to trust the absolute ones.
    report("goal.load_average", os.getloadavg()[0], "runnable processes (1 minute average)")
    for name, value, goal, unit in measured:
        report(f"goal.{name}", value, unit)
    for name, value, goal, unit in measured:
        report(f"goal.{name}.ratio", value / goal, f"of the goal ({goal:g} {unit}; 1 or less meets it)")
    trades = found[0]
    report("trades.default.checked", trades.checked, "sets of moves tried")
    report("trades.default.exact_checks", trades.exact_checks, "of them analysed exactly (the rest refuted by the bound)")

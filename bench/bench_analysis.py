"""Issue 3's goals for the analysis, on synthetic scenarios (sim.synthetic), and the NegMAS comparison.

Shapes: 4 parties x 12 issues with 3-6 options ([3,3,3,3,3,3,4,4,5,5,6,6]: 10.5 million proposals
when every issue is settled, 181 million with "open" as a choice, as the analysis counts them), and
4 parties x 14 issues x 6 options (6.8e11 proposals with "open"). Goals: full analysis <= 50 ms and
<= 300 MB; closest acceptable <= 1 ms per query; sensitivity <= 100 ms; at 14 x 6, Nash and
closest exact in <= 100 ms each; >= 300x faster than NegMAS on the same space.

Times are medians of repeated runs (process CPU time would hide nothing here: all of it is one
thread). Seed 1 is the reference; the worst median over seeds 1-5 shows the spread. They are of a
process that analyses large spaces again and again, so it runs the compiled loops from the start
(``sim.analysis.kernels.load``); ``bench_goals`` also reports what loading them costs, and a
one-off process that never loads them.
"""

from __future__ import annotations

import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.timing import median_seconds, peak_megabytes, report
from sim.analysis import analyze, closest_acceptable, kernels, nash_point, sensitivity
from sim.engine import compiled
from sim.synthetic import synthetic_scenario, with_kinds_and_dates

MIX = (3, 3, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6)
WIDE = (6,) * 14
SEEDS = (1, 2, 3, 4, 5)
# NegMAS holds every outcome as a Python tuple: about 0.4 KB each, so the 181-million space is out
# of its reach (measured: 24 GB and no answer after minutes). It is compared on the largest shape
# it finishes in about a minute: the first 10 issues of the mix, 3.7 million proposals.
NEGMAS_SHAPE = (3, 3, 3, 3, 3, 3, 4, 4, 5, 5)
NEGMAS_MEMORY = 6 * 1024**3  # bytes of address space the NegMAS process may use
NEGMAS_TIMEOUT = 600  # seconds


def _drafts(scenario, count: int = 20, seed: int = 7):
    table = compiled(scenario)
    rng = random.Random(seed)
    return [table.proposal([rng.randrange(n) for n in table.sizes]) for _ in range(count)]


def _per_query(scenario) -> tuple[float, float]:
    """(mean, max) milliseconds of closest_acceptable over 20 random drafts (after one warm-up)."""
    drafts = _drafts(scenario)
    closest_acceptable(scenario, drafts[0])
    times = []
    for draft in drafts:
        start = time.perf_counter()
        closest_acceptable(scenario, draft)
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.mean(times), max(times)


def _mix() -> None:
    scenario = synthetic_scenario(options=MIX, seed=1)
    report("analysis.space_4x12", math.prod(compiled(scenario).sizes), "proposals")
    analysis = analyze(scenario, blocking=False)
    report("analysis.zopa_4x12", analysis.zopa_size, "proposals (exact)" if analysis.exact else "proposals (estimate)")
    report("analysis.frontier_4x12", analysis.frontier_size, "points")
    report("analysis.full_4x12", median_seconds(lambda: analyze(scenario, blocking=False)) * 1e3, "ms")
    report("analysis.full_4x12.peak", peak_megabytes(lambda: analyze(scenario, blocking=False)), "MB")
    mean, worst = _per_query(scenario)
    report("analysis.closest_4x12", mean, "ms/query")
    report("analysis.closest_4x12.max", worst, "ms")
    report("analysis.sensitivity_4x12", median_seconds(lambda: sensitivity(scenario)) * 1e3, "ms")
    report("analysis.sensitivity_4x12.rows", len(sensitivity(scenario)), "relaxations")
    spread = {"full": [], "closest": [], "sensitivity": []}
    for seed in SEEDS:
        other = synthetic_scenario(options=MIX, seed=seed)
        spread["full"].append(median_seconds(lambda: analyze(other, blocking=False), repeats=5) * 1e3)
        spread["closest"].append(_per_query(other)[0])
        spread["sensitivity"].append(median_seconds(lambda: sensitivity(other), repeats=5) * 1e3)
    report("analysis.full_4x12.worst_of_5_seeds", max(spread["full"]), "ms")
    # With kinds and dates in play: the analysis of the full kind on the scenario's date.
    kinded = with_kinds_and_dates(scenario)
    report("analysis.full_4x12.kinds_and_dates", median_seconds(lambda: analyze(kinded, blocking=False)) * 1e3, "ms")
    # The same shape with no red lines at all: nothing shrinks the space before counting, and the
    # frontier is larger. Harder than the shape; shown so that the figure above is not
    # mistaken for the worst case.
    bare = synthetic_scenario(options=MIX, seed=1, red_lines=0)
    report("analysis.full_4x12.no_red_lines", median_seconds(lambda: analyze(bare, blocking=False), repeats=5) * 1e3,
           "ms")
    report("analysis.sensitivity_4x12.no_red_lines", median_seconds(lambda: sensitivity(bare), repeats=3) * 1e3, "ms")
    report("analysis.closest_4x12.worst_of_5_seeds", max(spread["closest"]), "ms/query")
    report("analysis.sensitivity_4x12.worst_of_5_seeds", max(spread["sensitivity"]), "ms")


def _wide() -> None:
    scenario = synthetic_scenario(options=WIDE, seed=1)
    report("analysis.space_14x6", math.prod(compiled(scenario).sizes), "proposals")
    report("analysis.nash_14x6", median_seconds(lambda: nash_point(scenario), repeats=5) * 1e3, "ms")
    mean, worst = _per_query(scenario)
    report("analysis.closest_14x6", mean, "ms/query")
    report("analysis.closest_14x6.max", worst, "ms")
    start = time.perf_counter()
    analysis = analyze(scenario, blocking=False)
    report("analysis.full_14x6", time.perf_counter() - start, "s")
    report("analysis.full_14x6.exact", int(analysis.exact), "(1: exact, 0: ZOPA or frontier estimated)")
    worst = max(median_seconds(lambda s=synthetic_scenario(options=WIDE, seed=seed): nash_point(s), repeats=3)
                for seed in SEEDS)
    report("analysis.nash_14x6.worst_of_5_seeds", worst * 1e3, "ms")


def _negmas() -> None:
    try:
        import negmas  # noqa: F401 - only to know whether the comparison can run
    except ImportError:
        print("# analysis.negmas: skipped: NegMAS is not installed (`pip install -e '.[bench]'`, or `make bench`)")
        return
    scenario = synthetic_scenario(options=NEGMAS_SHAPE, seed=1, red_lines=0)
    ours = median_seconds(lambda: analyze(scenario, blocking=False), repeats=5)
    ours_peak = peak_megabytes(lambda: analyze(scenario, blocking=False))
    root = Path(__file__).resolve().parent.parent
    command = [sys.executable, "-m", "bench.negmas_pipeline", "1", *map(str, NEGMAS_SHAPE)]

    def limit_memory() -> None:  # in the child, before NegMAS starts
        resource.setrlimit(resource.RLIMIT_AS, (NEGMAS_MEMORY, NEGMAS_MEMORY))

    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=NEGMAS_TIMEOUT, cwd=root,
                              env={**os.environ, "PYTHONPATH": str(root)}, preexec_fn=limit_memory)
    except subprocess.TimeoutExpired:
        print(f"# analysis.negmas: did not finish within {NEGMAS_TIMEOUT} s")
        return
    if done.returncode != 0 or not done.stdout.strip():
        print(f"# analysis.negmas: failed (exit {done.returncode}): {done.stderr.strip().splitlines()[-1:]}")
        return
    theirs = json.loads(done.stdout.strip().splitlines()[-1])
    report("analysis.negmas.space", theirs["outcomes"], "proposals (no red lines: NegMAS has none)")
    report("analysis.negmas.pipeline", theirs["seconds"], "s (enumerate + pareto_frontier + nash_points)")
    report("analysis.negmas.peak", theirs["peak_mb"], "MB (process peak)")
    report("analysis.negmas.ours", ours * 1e3, "ms (analyze: ZOPA + frontier + Nash + egalitarian)")
    report("analysis.negmas.ours.peak", ours_peak, "MB (Python heap peak)")
    report("analysis.negmas.ratio", theirs["seconds"] / ours, "x faster")
    nash = analyze(scenario, blocking=False).nash
    mine = [nash.utilities[p.id] for p in scenario.principals] if nash else None
    agree = mine is not None and theirs["nash"] is not None and all(
        abs(a - b) < 1e-6 for a, b in zip(mine, theirs["nash"]))
    report("analysis.negmas.same_nash_point", int(agree), "(1: the same utilities)")


def main() -> None:
    kernels.load()
    _mix()
    _wide()
    _negmas()

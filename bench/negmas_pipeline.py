"""NegMAS's enumerate + pareto_frontier + nash_points on a synthetic scenario, run in its own process.

`python -m bench.negmas_pipeline SEED OPTIONS...` prints one JSON line: the outcomes enumerated, the
frontier size, the Nash point's utilities, the seconds taken and the peak memory. NegMAS is AGPL:
only this benchmark script imports it (the `bench` extra), never the `sim` package. It runs in a
separate process, under a memory limit, so that a space too large for it cannot take the machine
down with it.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import warnings


def main(seed: int, options: tuple[int, ...]) -> dict:
    from negmas import LinearAdditiveUtilityFunction, make_issue
    from negmas.outcomes import enumerate_issues
    from negmas.preferences.ops import nash_points, pareto_frontier
    from negmas.preferences.value_fun import TableFun

    from sim.engine import compiled
    from sim.engine.compiled import SCALE
    from sim.synthetic import synthetic_scenario

    warnings.filterwarnings("ignore")  # NegMAS warns about its own speed; the timing says it better
    scenario = synthetic_scenario(seed=seed, options=options, red_lines=0)
    table = compiled(scenario)
    # The same space: one value per choice, "open" included, and the engine's own utility tables.
    issues = [make_issue(values=list(range(n)), name=issue.id) for n, issue in zip(table.sizes, scenario.issues)]
    ufuns = [
        LinearAdditiveUtilityFunction(
            values=[TableFun({choice: value / SCALE for choice, value in enumerate(row)}) for row in party.tables],
            issues=issues,
            reserved_value=party.walk_away / SCALE,
        )
        for party in (table.parties[p] for p in table.principals)
    ]
    start = time.perf_counter()
    outcomes = enumerate_issues(issues)
    frontier, _ = pareto_frontier(ufuns, outcomes=outcomes)
    nash = nash_points(ufuns, frontier, issues=issues)
    seconds = time.perf_counter() - start
    return {
        "outcomes": len(outcomes),
        "frontier": len(frontier),
        "nash": [float(u) for u in nash[0][0]] if nash else None,
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), tuple(int(a) for a in sys.argv[2:]))), flush=True)

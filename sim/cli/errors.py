"""How the command reports failure: one line per problem on stderr, or one JSON object with --json.

Exit codes: 0 done; 1 the answer is no (`suggest` finds nothing acceptable, `play --script` misses
its `expect`); 2 bad input or a question that cannot be answered within its bounds; 130
interrupted. With ``--json`` the failure is printed on stdout as

    {"error": {"exit": 2, "kind": "problems", "message": "2 problems found.",
               "problems": [{"file": "...", "line": 12, "path": "parties[0].name",
                             "message": "...", "fix": "..."}]}}

(``kind``: "problems", "too_tangled", "out_of_time", "interrupted", "usage"; ``line`` is null when unknown.)
"""

from __future__ import annotations

import json
import sys
from typing import Iterable

from sim.loading.problems import Problem, format_path
from sim.loading.text_checks import printable


def problem_dict(problem: Problem) -> dict:
    return {"file": printable(problem.file, lines=False), "line": problem.line,
            "path": printable(format_path(problem.path), lines=False),
            "message": printable(problem.message, lines=False), "fix": printable(problem.fix, lines=False)}


def report(kind: str, message: str, problems: Iterable[Problem] = (), *, as_json: bool, code: int = 2) -> int:
    problems = list(problems)
    if as_json:
        print(json.dumps({"error": {"exit": code, "kind": kind, "message": message,
                                    "problems": [problem_dict(p) for p in problems]}}, indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(message, file=sys.stderr)
    return code


def problems_found(problems: Iterable[Problem], *, as_json: bool) -> int:
    problems = list(problems)
    count = len(problems)
    return report("problems", f"{count} problem{'s' if count != 1 else ''} found.", problems, as_json=as_json)

"""Runs every benchmark module, or those named: `python -m bench engine analysis`."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(names: list[str]) -> None:
    found = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name.startswith("bench_"))
    chosen = [m for m in found if not names or m.removeprefix("bench_") in names]
    for module in chosen:
        print(f"# {module}", flush=True)
        importlib.import_module(f"bench.{module}").main()


if __name__ == "__main__":
    main(sys.argv[1:])

"""attrs' generated methods kept between launches (sim.attrs_code): a second launch compiles none
of our classes' methods, and what it takes from the file is what compiling would
have given in that launch (its own hash seeds included)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

PROBE = textwrap.dedent("""
    import __future__, builtins, json, sys
    import sim.attrs_code as kept
    from attr import _make

    def same(kept_code, fresh):
        # Equal, constants and all; in __hash__ the columns of the seed, whose digits vary in
        # number from launch to launch, may differ (its position table, blanked here).
        if kept_code.co_name == "__hash__":
            kept_code, fresh = kept_code.replace(co_linetable=b""), fresh.replace(co_linetable=b"")
        if kept_code.replace(co_consts=()) != fresh.replace(co_consts=()) or len(kept_code.co_consts) != len(fresh.co_consts):
            return False
        return all(same(a, b) if hasattr(a, "co_code") else (a == b and type(a) is type(b))
                   for a, b in zip(kept_code.co_consts, fresh.co_consts))

    checked = []
    def checking(source, filename, mode, *args, **kwargs):
        code = kept.cached_compile(source, filename, mode, *args, **kwargs)
        if filename.startswith("<attrs generated methods sim."):
            # as attrs compiles it: under attr._make's own `from __future__ import annotations`
            fresh = builtins.compile(source, filename, mode, flags=__future__.annotations.compiler_flag, dont_inherit=True)
            checked.append(same(code, fresh))
        return code
    _make.compile = checking

    import sim.ui.app, sim.game, sim.ui.screens.table  # what the table's first frame defines
    print(json.dumps({"checked": len(checked), "same": all(checked), "anew": kept._compiled_anew[0],
                      "reseeded": kept._reseeded[0],
                      "file": str(kept.cache_file())}))
""")


def launch(bytecode: Path, write: bool = True, seed: int = 1) -> dict:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(bytecode), PYTHONHASHSEED=str(seed))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120, check=True)
    return json.loads(result.stdout.splitlines()[-1])


def test_a_second_launch_takes_every_method_from_the_file_and_it_is_what_compiling_gives(tmp_path) -> None:
    first = launch(tmp_path)
    assert first["checked"] > 50 and first["same"] and first["anew"] == first["checked"]
    assert Path(first["file"]).is_file() and Path(first["file"]).is_relative_to(tmp_path)
    again = launch(tmp_path)
    assert again["anew"] == 0 and again["checked"] == first["checked"] and again["same"]
    other = launch(tmp_path, seed=2)  # other hash seeds: the kept code takes this launch's
    assert other["same"] and other["anew"] == 0 and other["reseeded"] == other["checked"]


def test_no_file_is_written_where_python_writes_no_bytecode(tmp_path) -> None:
    result = launch(tmp_path, write=False)
    assert result["anew"] == result["checked"] > 50
    assert not Path(result["file"]).exists()


def test_a_damaged_or_foreign_file_is_no_cache(tmp_path) -> None:
    path = Path(launch(tmp_path)["file"])
    path.write_bytes(b"not marshal at all")
    damaged = launch(tmp_path, write=False)
    assert damaged["same"] and damaged["anew"] == damaged["checked"]
    launch(tmp_path)  # written again, whole
    path.chmod(0o666)  # anyone could have written it: ignored
    foreign = launch(tmp_path, write=False)
    assert foreign["same"] and foreign["anew"] == foreign["checked"]

"""attrs' methods kept between launches (sim.compiled_methods): each launch gets the code attrs would
compile itself, whatever its string hashes, and a kept file that is damaged, foreign or writable by
others is never used. Each launch is a real interpreter, since what is kept crosses processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Classes of every shape the package uses, made once through the kept methods and once by attrs alone
# (under the same module and names, so their scripts are the same), then compared.
LAUNCH = r"""
import json, sys
from sim import compiled_methods  # before attrs, as any import of the package is
import attrs
attrs_own = len(compiled_methods._store.used)  # attrs' own classes, made as it loaded
import attr._make as attrs_make
from sim.record import frozen

def shapes():
    def positive(instance, attribute, value):
        if value < 0:
            raise ValueError(attribute.name)

    @frozen
    class Plain:
        a: int
        b: str = "x"
        c: tuple = attrs.field(factory=tuple, converter=tuple)
        d: int = attrs.field(default=1, validator=positive)

    @frozen(cache_hash=True)
    class Cached:
        a: int
        b: int = attrs.field(default=0, eq=False)

    @frozen(order=True, kw_only=True)
    class Ordered:
        a: int
        b: int = 2

    @frozen(eq=False)
    class Identity:
        a: int

    return Plain, Cached, Ordered, Identity

def methods(cls):
    return {name: getattr(cls, name).__code__ for name in ("__init__", "__eq__", "__hash__", "__lt__")
            if getattr(getattr(cls, name, None), "__code__", None) is not None}

def same_code(mine, theirs):
    # Everything but columns (where the class's hash number ends may differ by one), then the lines.
    if mine.keys() != theirs.keys():
        return False
    return all(mine[n].replace(co_linetable=theirs[n].co_linetable) == theirs[n]
               and list(mine[n].co_lines()) == list(theirs[n].co_lines()) for n in mine)

kept = shapes()
compiled_methods_new = len(compiled_methods._store.new)
attrs_make._compile_and_eval = compiled_methods._original
own = shapes()
report = {"new": compiled_methods_new, "attrs_own": attrs_own, "same_code": [], "same_behaviour": []}
for mine, theirs in zip(kept, own):
    report["same_code"].append(same_code(methods(mine), methods(theirs)))
samples = [((1, "y", [1], 2), {}), ((3,), {"b": 4}), ((), {"a": 1}), ((5,), {})]
for mine, theirs, (args, kwargs) in zip(kept, own, samples):
    a, b = mine(*args, **kwargs), theirs(*args, **kwargs)
    same = attrs.asdict(a) == attrs.asdict(b) and (a == mine(*args, **kwargs)) == (b == theirs(*args, **kwargs))
    if "__hash__" in methods(mine):  # the class's own hash, salted by its name: the same in both
        same = same and hash(a) == hash(b)
    report["same_behaviour"].append(same)
try:
    kept[0](1, d=-1)
    report["validated"] = False
except ValueError:
    report["validated"] = True
attrs_make._compile_and_eval = compiled_methods.compile_and_eval  # so this launch keeps what it compiled
print(json.dumps(report))
"""


def launch(prefix: Path, seed: int, **env: str) -> dict:
    variables = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    variables.update(PYTHONPYCACHEPREFIX=str(prefix), PYTHONHASHSEED=str(seed), **env)
    done = subprocess.run([sys.executable, "-c", LAUNCH], env=variables, capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def kept_file(prefix: Path) -> Path:
    found = list(prefix.rglob("attrs-methods.*"))
    assert len(found) == 1, found
    return found[0]


def test_a_second_launch_compiles_nothing_and_gets_attrs_own_code(tmp_path):
    first = launch(tmp_path, seed=1)
    assert first["new"] > 0  # the package's own classes and these, compiled and kept at exit
    assert first["attrs_own"] >= 10  # attrs' validators and the like went through it too
    second = launch(tmp_path, seed=2)  # another salt for every string hash, so every class hash differs
    assert second["new"] == 0
    for report in (first, second):
        assert report["same_code"] == [True] * 4
        assert report["same_behaviour"] == [True] * 4
        assert report["validated"]


@pytest.mark.parametrize("damage", ["garbage", "other_version", "writable_by_others"])
def test_a_kept_file_not_to_be_trusted_is_compiled_anew(tmp_path, damage):
    launch(tmp_path, seed=1)
    path = kept_file(tmp_path)
    if damage == "garbage":
        path.write_bytes(b"\xe3not marshal data at all")
    elif damage == "other_version":
        import marshal

        version, kept = marshal.loads(path.read_bytes())
        path.write_bytes(marshal.dumps(("another attrs", kept)))
    else:
        path.chmod(0o666)
    report = launch(tmp_path, seed=3)
    assert report["new"] > 0
    assert report["same_code"] == [True] * 4
    assert report["same_behaviour"] == [True] * 4
    assert launch(tmp_path, seed=4)["new"] == 0  # the launch that ignored it wrote a sound one


def test_nothing_is_kept_when_bytecode_is_not_written(tmp_path):
    report = launch(tmp_path, seed=1, PYTHONDONTWRITEBYTECODE="1")
    assert report["new"] > 0
    assert not list(tmp_path.rglob("attrs-methods.*"))

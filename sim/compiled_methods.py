"""attrs' generated methods, compiled once and kept beside the package's bytecode.

attrs writes each class's ``__init__``, ``__eq__`` and ``__hash__`` as source and compiles it when
the class is made. Python keeps the compiled code of our own modules in ``.pyc`` files, but not
this: every launch compiled the methods of some ninety classes again before the table's first
frame, about 40 ms. Here each compiled script is kept, keyed by its text and file name, in one file
beside the package's bytecode (``sim.beside_bytecode``: where, when, and why it is trusted).

A script differs from launch to launch in one place only: ``__hash__`` mixes in the hash of a
string naming the class, and string hashes are salted per process. That number is replaced by a
fixed stand-in in the key and the kept code, and put back into the code's constants when it is
used. So the methods are the code attrs would have compiled (a test compares them), but for the
column where that one number ends, which only a traceback's caret could show, and a constant never
raises.
"""

from __future__ import annotations

import __future__
import hashlib
import marshal
import os
import sys
import types
from pathlib import Path
from typing import Any, Mapping

from sim import beside_bytecode

# Where a script's class hash goes in a kept script: as wide as the widest hash ("-" and 19 digits),
# and no number a class would have.
STAND_IN = int("7" * 20)

_attrs: types.ModuleType | None = None  # attrs' code generator (attr._make), once adopted
_original: Any = None  # its own _compile_and_eval
_flags = 0  # its module's future flags, which its compile() inherits: ours must match


def kept_path() -> Path:
    return beside_bytecode.kept_path(__file__, "attrs-methods")


def _attrs_version() -> str:
    """Which attrs wrote the scripts: its code generator's file (``attr.__version__`` reads the
    package's metadata, some 15 ms)."""
    info = os.stat(_attrs.__file__)
    return f"{info.st_size} {info.st_mtime_ns}"


def _class_hash(filename: str) -> int | None:
    """The number attrs mixes into the hash of the class a script of ``filename`` belongs to."""
    prefix = "<attrs generated "
    if not (filename.startswith(prefix) and filename.endswith(">")):
        return None
    _, _, name = filename[len(prefix):-1].partition(" ")
    return hash(f"<attrs generated hash {name}>") if name else None


def _with_constant(code: types.CodeType, old: int, new: int) -> types.CodeType:
    """``code`` with every constant ``old`` (in it and the functions it defines) made ``new``."""
    consts = tuple(
        new if type(c) is int and c == old else _with_constant(c, old, new) if isinstance(c, types.CodeType) else c
        for c in code.co_consts
    )
    return code.replace(co_consts=consts) if consts != code.co_consts else code


def _encode(kept: dict[bytes, types.CodeType]) -> bytes:
    return marshal.dumps((_attrs_version(), kept))


def _decode(data: bytes) -> dict[bytes, types.CodeType]:
    version, kept = marshal.loads(data)
    if version != _attrs_version() or not all(isinstance(code, types.CodeType) for code in kept.values()):
        raise ValueError("methods of another attrs, or not methods")
    return kept


# The package makes a few hundred classes; more entries means old versions piled up.
_store = beside_bytecode.KeptStore(kept_path, encode=_encode, decode=_decode, limit=2000)


def compile_and_eval(script: str, globs: dict[str, Any] | None, locs: Mapping[str, object] | None = None,
                     filename: str = "") -> None:
    """What attrs' own ``_compile_and_eval`` does, with the compiled code kept between launches."""
    salt = _class_hash(filename)
    if salt is None:
        return _original(script, globs, locs, filename)
    shown = f" {salt},"
    if str(STAND_IN) in script or script.count(shown) > 1:
        return _original(script, globs, locs, filename)  # no single place to stand in for it
    general = script.replace(shown, f" {STAND_IN},")
    key = hashlib.blake2b(f"{filename}\0{general}".encode(), digest_size=16).digest()
    code = _store.get(key)
    if code is None:
        code = compile(general, filename, "exec", flags=_flags, dont_inherit=True)
        _store.put(key, code)
    eval(_with_constant(code, STAND_IN, salt) if shown in script else code, globs, locs)


def _adopt(module: types.ModuleType) -> None:
    """Give ``module`` (attr._make) our ``compile_and_eval``."""
    global _attrs, _original, _flags
    if module._compile_and_eval is compile_and_eval:
        return
    feature = getattr(module, "annotations", None)
    _attrs, _original = module, module._compile_and_eval
    _flags = feature.compiler_flag if isinstance(feature, __future__._Feature) else 0
    module._compile_and_eval = compile_and_eval


class _AdoptOnLoad:
    """A finder that finds nothing of its own: it hands attrs' code generator to ``_adopt`` the
    moment it is loaded, before attrs makes its own classes (its validators and the like: 14
    classes compiled at every launch otherwise), then leaves the import system as it was."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> Any:
        if name != "attr._make":
            return None
        sys.meta_path.remove(_AdoptOnLoad)
        for finder in sys.meta_path:  # whichever would have found it
            spec = finder.find_spec(name, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        if loader is not None and hasattr(loader, "exec_module"):
            run = loader.exec_module

            def exec_module(module: types.ModuleType) -> None:
                run(module)
                _adopt(module)

            loader.exec_module = exec_module
        return spec


def install() -> None:
    """From now on attrs' classes get their methods through ``compile_and_eval`` (from attrs' own
    on, when attrs is not loaded yet); what is new is kept at exit."""
    module = sys.modules.get("attr._make")
    if module is not None:
        _adopt(module)
    elif _AdoptOnLoad not in sys.meta_path:
        sys.meta_path.insert(0, _AdoptOnLoad)

"""The methods attrs writes for our classes, compiled once and kept, as Python keeps compiled modules.

attrs writes each class's ``__init__``, ``__eq__``, ``__hash__`` and ``__repr__`` as source and
compiles it when the class is defined: for the hundred model and game classes the table loads,
compiling is about 60 ms of its first frame, the same work at every launch. Here the compiled code
is kept in the package's bytecode folder (``__pycache__``, or ``sys.pycache_prefix``) beside the
modules' own, and under their rules: nothing is written when Python writes no bytecode, a file
others could have written is ignored, and any trouble with the file only means compiling anew.

The key is the source attrs generated, exactly, with one change: the number that seeds a class's
hash (attrs derives it from Python's string hash, randomised at every launch) is replaced by a
placeholder, and a kept code object gets this launch's number back before it is used, so a class
built from the cache is the class attrs would have built. (Only one thing can differ: when this
launch's number is written with more or fewer digits, the columns ``__hash__`` records for that
one constant, which no traceback ever points at.) Only classes of ``sim`` are kept.
"""

from __future__ import annotations

import __future__
import atexit
import builtins
import hashlib
import marshal
import os
import re
import stat
import sys
from pathlib import Path
from types import CodeType

PREFIX = "<attrs generated methods "
PLACEHOLDER = "__ATTRS_TYPE_HASH__"
MAX_ENTRIES = 2000  # far above what every module of sim defines; past it the file starts again
FORMAT = 2  # bump when what is kept changes shape

_kept: dict[bytes, tuple[bytes, int]] | None = None  # key -> (marshalled code, the hash seed it has)
_used: dict[bytes, tuple[bytes, int]] = {}  # what this process compiled or took from the file
_compiled_anew = [0]
_reseeded = [0]  # kept code given this launch's hash seed
_flags = [0]  # the future features attrs' own module compiles under (its compile inherits them)


def cache_file() -> Path | None:
    """Where the kept code lives: the ``sim`` package's own bytecode folder, found as Python finds
    a module's (importlib.util would do it, at the cost of importing it before the first frame)."""
    tag = sys.implementation.cache_tag
    if tag is None:  # this interpreter keeps no bytecode
        return None
    folder = os.path.dirname(os.path.abspath(__file__))
    if sys.pycache_prefix:
        folder = os.path.join(sys.pycache_prefix, os.path.splitdrive(folder)[1].lstrip(os.sep))
    else:
        folder = os.path.join(folder, "__pycache__")
    return Path(folder) / f"attrs-methods.{tag}.marshal"


def _load() -> dict[bytes, tuple[bytes, int]]:
    path = cache_file()
    if path is None:
        return {}
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return {}
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o022 or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            return {}
        with os.fdopen(os.dup(handle), "rb") as file:
            kept = marshal.load(file)
    except Exception:  # noqa: BLE001 (a damaged file of any kind is only no cache)
        return {}
    finally:
        os.close(handle)
    if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == FORMAT and isinstance(kept[1], dict)):
        return {}
    return kept[1]


def _type_hash(filename: str) -> int | None:
    """The hash seed attrs put into this class's source: from its name, as attrs computes it."""
    if not (filename.startswith(PREFIX) and filename.endswith(">")):
        return None
    name = re.sub(r"-\d+$", "", filename[len(PREFIX):-1])  # attrs numbers a name defined twice
    if not name.startswith("sim."):
        return None
    return hash(f"<attrs generated hash {name}>")


def _with_constant(code: CodeType, old: int, new: int) -> CodeType:
    """``code`` with the constant ``old`` made ``new``, in nested code and folded tuples too (a class
    without fields hashes ``(seed,)``, which the compiler folds into one constant)."""

    def swapped(value):
        if type(value) is int:
            return new if value == old else value
        if type(value) is tuple:
            return tuple(swapped(item) for item in value)
        if isinstance(value, CodeType):
            return _with_constant(value, old, new)
        return value

    return code.replace(co_consts=tuple(swapped(value) for value in code.co_consts))


def _reseeded_code(code: CodeType, old: int, new: int) -> CodeType:
    """The module code attrs evaluates, its ``__hash__`` given this launch's seed."""
    consts = tuple(
        _with_constant(value, old, new) if isinstance(value, CodeType) and value.co_name == "__hash__" else value
        for value in code.co_consts
    )
    return code.replace(co_consts=consts)


def cached_compile(source, filename, mode, *args, **kwargs):
    """``compile`` for attrs' generated methods: the kept code when attrs wrote this source before."""
    seed = _type_hash(filename) if isinstance(source, str) and isinstance(filename, str) and not (args or kwargs) else None
    if seed is None:
        if args or kwargs:
            return builtins.compile(source, filename, mode, *args, **kwargs)
        return builtins.compile(source, filename, mode, flags=_flags[0], dont_inherit=True)
    global _kept
    if _kept is None:
        _kept = _load()
    number = str(seed)
    written = f" {number},"  # how attrs writes the seed, the first item of the tuple it hashes
    if source.count(number) != source.count(written):  # the number elsewhere too: compile as attrs does
        return builtins.compile(source, filename, mode, flags=_flags[0], dont_inherit=True)
    normalised = source.replace(written, f" {PLACEHOLDER},")
    key = hashlib.blake2b(f"{mode}\0{filename}\0{normalised}".encode(), digest_size=20).digest()
    entry = _kept.get(key)
    if entry is not None:
        try:
            code = marshal.loads(entry[0])
        except Exception:  # noqa: BLE001 (an unreadable entry is compiled anew)
            entry = None
        else:
            _used[key] = entry
            if entry[1] == seed:
                return code
            _reseeded[0] += 1
            return _reseeded_code(code, entry[1], seed)
    code = builtins.compile(source, filename, mode, flags=_flags[0], dont_inherit=True)
    _used[key] = (marshal.dumps(code), seed)
    _compiled_anew[0] += 1
    return code


def save() -> None:
    """Keep what this process compiled (with what was kept before, up to MAX_ENTRIES)."""
    if not _compiled_anew[0] or sys.dont_write_bytecode:
        return
    path = cache_file()
    if path is None:
        return
    kept = {**_load(), **_used}
    if len(kept) > MAX_ENTRIES:
        kept = dict(_used)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(handle, "wb") as file:
            marshal.dump((FORMAT, kept), file)
        os.replace(temporary, path)
    except (OSError, ValueError):
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
    _compiled_anew[0] = 0


def install() -> None:
    """Route attrs' compiling through the cache (once; a later attrs that compiles elsewhere simply
    compiles as before)."""
    try:
        from attr import _make
    except ImportError:
        return
    if getattr(_make, "compile", None) is cached_compile or not hasattr(_make, "_compile_and_eval"):
        return
    _flags[0] = sum(value.compiler_flag for value in vars(_make).values() if isinstance(value, __future__._Feature))
    _make.compile = cached_compile  # a module global: attrs' own call finds it before the builtin
    atexit.register(save)

"""Loaded scenarios kept on disk, so the app's first screen needs neither TOML nor the converter.

Reading, structuring and checking a scenario with its game file and presets costs more than the
rest of the table's first frame (cattrs and the checks are imported for it, too). The result of a
load is the same as long as its files and the code that reads them are, so it is kept as a pickle
named after the folder, together with a key: a digest of the code's files (their sizes and times)
and of every file of the scenario's folder (their contents, so an edit is never missed however
fast it follows). A different key, or any trouble with the file, and the load simply runs again.

A pickle is code as much as a ``.pyc`` is: the cache lives in the user's own Red Lines folder,
written by this program only (owner-only permissions), and a file that anyone else could have
written is ignored. Only successful loads are kept, so a broken scenario reports its problems
every time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

from sim.loading.reading import Unreadable, read_limited
from sim.trusted_file import read_trusted, write_atomically

T = TypeVar("T")
FORMAT = 1  # bump when what is kept changes shape in a way the code digest would not notice
MAX_FILES = 200  # a scenario folder holds a dozen; a huge folder is simply not cached
MAX_FILE_BYTES = 4_000_000
_code_digest: list[bytes] = []  # computed once per process


def _code() -> bytes:
    """A digest of every source file of the package: a new version of the loaders is a new key."""
    if not _code_digest:
        root = Path(__file__).resolve().parent.parent
        digest = hashlib.blake2b(f"{FORMAT} {pickle.HIGHEST_PROTOCOL}".encode(), digest_size=16)
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")  # bytecode only: listing it cost a third
            for name in sorted(files):
                if name.endswith(".py"):
                    info = os.stat(os.path.join(folder, name))
                    digest.update(f"{folder}/{name} {info.st_size} {info.st_mtime_ns}\n".encode())
        _code_digest.append(digest.digest())
    return _code_digest[0]


def folder_key(folder: Path, what: str) -> bytes | None:
    """The key of a load of ``what`` from ``folder``: the code and every file's content. None when
    the folder cannot be fingerprinted cheaply (too many files, an unreadable one)."""
    digest = hashlib.blake2b(_code() + what.encode(), digest_size=20)
    count = 0
    for current, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            count += 1
            if count > MAX_FILES:
                return None
            path = os.path.join(current, name)
            try:
                content = read_limited(path, MAX_FILE_BYTES)
            except Unreadable:
                return None  # a pipe, a link to nowhere: the loader reports it (or ignores it) itself
            digest.update(f"{os.path.relpath(path, folder)}\0{len(content)}\0".encode())
            digest.update(content)
    return digest.digest()


def _entry_path(cache_dir: Path, folder: Path, what: str) -> Path:
    name = hashlib.blake2b(f"{os.path.abspath(folder)}\0{what}".encode(), digest_size=12).hexdigest()
    return cache_dir / f"{name}.pickle"


def _read(path: Path, key: bytes):
    """The kept value for ``key``, or None (no entry, another key, a file not safely ours)."""
    data = read_trusted(path, owner_only=True)
    if data is None:
        return None
    try:
        kept_key, value = pickle.loads(data)
    except Exception:  # noqa: BLE001 (a damaged or outdated entry of any kind is only a miss)
        return None
    return value if kept_key == key else None


def _write(path: Path, key: bytes, value: object) -> None:
    """Keep ``value`` under ``key``, atomically; a cache that cannot be written is no error."""
    try:
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    write_atomically(path, data, mode=0o600, folder_mode=0o700)


def remembered(cache_dir: Path, folder: Path, what: str, build: Callable[[], T]) -> T:
    """``build()``, or what it returned last time ``folder``'s files and the code were the same.
    ``what`` names the load (and everything else it depends on), so one folder can keep several."""
    key = folder_key(folder, what)
    if key is None:
        return build()
    path = _entry_path(cache_dir, folder, what)
    value = _read(path, key)
    if value is not None:
        return value
    value = build()  # a ScenarioError goes to the caller, and nothing is kept
    _write(path, key, value)
    return value

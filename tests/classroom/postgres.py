"""A real PostgreSQL for the store tests: Debian's `postgresql` package, a throwaway cluster in a temp
folder on a free port, run by an ordinary user (PostgreSQL refuses to run as root)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

HOW_TO = "apt-get install -y postgresql"


def _binaries() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _runner() -> list[str]:
    """As root, run the server as an ordinary user: `postgres` from the package, else `nobody`."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return ["runuser", "-u", name, "--"]
        except KeyError:
            continue
    pytest.skip("running as root and no ordinary user to run PostgreSQL as")


def unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(f"REQUIRE_POSTGRES=1 but {reason}")
    pytest.skip(f"{reason}: the PostgreSQL store tests need it ({HOW_TO})")


def start_cluster(folder: Path):
    """Starts a cluster; yields its SQLAlchemy address; stops it."""
    bin_dir = _binaries()
    if bin_dir is None:
        unavailable("PostgreSQL is not installed (no initdb)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("the psycopg driver is not installed (pip install -e '.[dev]')")
    runner = _runner()
    folder.mkdir(parents=True, exist_ok=True)
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    if runner:
        user = runner[2]
        uid, gid = pwd.getpwnam(user).pw_uid, pwd.getpwnam(user).pw_gid
        for path in (folder, sockets):
            os.chown(path, uid, gid)
        os.chmod(folder.parent, 0o755)
    port = _free_port()
    log = folder / "server.log"
    subprocess.run([*runner, str(bin_dir / "initdb"), "-D", str(data), "-U", "redlines", "--auth=trust",
                    "--no-sync", "-E", "UTF8"], check=True, capture_output=True)
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    started = subprocess.run([*runner, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log),
                              "-w", "-t", "30", "start"], capture_output=True, text=True)
    if started.returncode != 0:
        unavailable(f"PostgreSQL did not start: {started.stderr.strip() or log.read_text()[-500:]}")
    try:
        yield f"postgresql://redlines@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*runner, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)

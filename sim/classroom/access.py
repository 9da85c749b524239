"""Who may do what: this machine only by default; elsewhere a class code to join and the teacher's
key for the console; every page-changing request and websocket from this server's own pages."""

from __future__ import annotations

import hmac
import ipaddress
from urllib.parse import urlsplit

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
WILDCARDS = {"0.0.0.0", "::", "[::]", ""}  # host values that listen on every address


def is_local(host: str) -> bool:
    """True when only this machine can connect to ``host``."""
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def same(given: str | None, expected: str) -> bool:
    """A constant-time comparison of a code or key."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def origin_ok(origin: str | None, host: str | None, required: bool) -> bool:
    """A request's Origin names this server (the Host it was sent to).

    Browsers send Origin with every websocket and every cross-site form post, so a page elsewhere
    cannot drive a seat. ``required`` is for websockets: a browser always sends Origin there.
    """
    if not origin or origin == "null":
        return not required and origin is None
    parts = urlsplit(origin)
    return bool(host) and parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()

"""The app's stylesheet, parsed once and kept beside the package's bytecode.

Textual parses every stylesheet source (ours, and each widget's default CSS) when the app starts:
some 28 ms of the table's first frame, more than half of it our own ``app.tcss``, whose theme
variables are substituted token by token. What a parse returns depends only on the CSS text, where
it was read from, the theme's variables and Textual's parser, so each source's rules are kept,
pickled, under a digest of all of those, in one file beside the bytecode (``sim.beside_bytecode``
says where, when it is written, and why it is trusted as a ``.pyc`` is). Sources with errors are
never kept, so a broken stylesheet reports its errors every time.

The store is one per process and holds pickles, not rules: each stylesheet unpickles its own
copy, so two apps in one process (the tests run hundreds) never share a rule object.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import textual.css
from textual.css.model import RuleSet
from textual.css.stylesheet import CSSLocation, Stylesheet

from sim import beside_bytecode

_parser: list[bytes] = []  # the parser's fingerprint, once per process


def kept_path() -> Path:
    return beside_bytecode.kept_path(__file__, "stylesheet")


def _parser_fingerprint() -> bytes:
    """Textual's CSS code (its files' sizes and times): another Textual is another parser."""
    if not _parser:
        digest = hashlib.blake2b(f"{pickle.HIGHEST_PROTOCOL}".encode(), digest_size=16)
        folder = os.path.dirname(textual.css.__file__)
        for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
            if entry.name.endswith(".py"):
                info = entry.stat()
                digest.update(f"{entry.name} {info.st_size} {info.st_mtime_ns}\n".encode())
        _parser.append(digest.digest())
    return _parser[0]


def _decode(data: bytes) -> dict[bytes, bytes]:
    kept = pickle.loads(data)
    if not all(isinstance(key, bytes) and isinstance(value, bytes) for key, value in kept.items()):
        raise ValueError("not a store of pickled rules")
    return kept


def new_store(save_at_exit: bool = True) -> beside_bytecode.KeptStore:
    """Digest -> pickled rules; some twenty sources a theme, so more than 400 means old versions."""
    return beside_bytecode.KeptStore(lambda: kept_path(), encode=lambda kept: pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL),
                                     decode=_decode, limit=400, save_at_exit=save_at_exit)


_store = new_store()


class KeptStylesheet(Stylesheet):
    """A Textual stylesheet whose sources are parsed at most once per version of them."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._variables_digest: bytes | None = None

    @classmethod
    def replacing(cls, stylesheet: Stylesheet) -> KeptStylesheet:
        """A kept stylesheet in place of Textual's new one, before any source is added to it."""
        return cls(variables=stylesheet._variables)

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._variables_digest = None

    def reparse(self) -> None:
        """Textual's own, parsing into a kept stylesheet where Textual's makes a plain one: a theme
        set after the app starts (high contrast, a player's choice) is kept too."""
        fresh = type(self)(variables=self._variables)
        fresh.source = dict(self.source)
        fresh._require_parse = True
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)  # as Textual's: never parse bad CSS twice
            raise
        self._rules, self._rules_map, self.source, self._require_parse = fresh.rules, None, fresh.source, False

    def _digest(self, css: str, read_from: CSSLocation, is_default_rules: bool, tie_breaker: int, scope: str) -> bytes:
        if self._variables_digest is None:
            self._variables_digest = hashlib.blake2b(repr(sorted(self._variables.items())).encode(), digest_size=16).digest()
        digest = hashlib.blake2b(_parser_fingerprint() + self._variables_digest, digest_size=20)
        digest.update(repr((read_from, is_default_rules, tie_breaker, scope)).encode())
        digest.update(css.encode("utf-8", "surrogatepass"))
        return digest.digest()

    def _parse_rules(self, css: str, read_from: CSSLocation, is_default_rules: bool = False, tie_breaker: int = 0,
                     scope: str = "") -> list[RuleSet]:
        cache_key = (css, read_from, is_default_rules, tie_breaker, scope)
        if cache_key in self._parse_cache:
            return self._parse_cache[cache_key]
        key = self._digest(css, read_from, is_default_rules, tie_breaker, scope)
        pickled = _store.get(key)
        rules = None
        if pickled is not None:
            try:
                rules = pickle.loads(pickled)
            except Exception:  # noqa: BLE001 (a kept entry that no longer loads is parsed again)
                rules = None
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            if not any(rule.errors for rule in rules):
                try:
                    _store.put(key, pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
                except Exception:  # noqa: BLE001 (a rule Textual made unpicklable is simply parsed every time)
                    pass
        else:
            self._parse_cache[cache_key] = rules
        return rules

"""Finds the line of a key path in TOML text, so that errors can say where to look.

tomllib keeps no positions, so this scans the text once for table headers, keys and the elements
of multi-line arrays. It is a locator, not a parser: when a path cannot be placed exactly, it
answers with the line of the nearest enclosing key it knows, which is still the right place to look.
"""

from __future__ import annotations

from sim.loading.problems import KeyPath


def _split_key(text: str) -> list[str]:
    """``a."b.c".d`` → ``["a", "b.c", "d"]``."""
    parts, current, quote = [], "", ""
    for char in text:
        if quote:
            if char == quote:
                quote = ""
            else:
                current += char
        elif char in "\"'":
            quote = char
        elif char == ".":
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return parts


class _ValueScanner:
    """Follows a value across lines: strings, brackets, and the elements of an array."""

    def __init__(self, base: KeyPath, locator: "Locator") -> None:
        self.base = base
        self.locator = locator
        self.depth = 0
        self.quote = ""  # the delimiter of the string being read, if any
        self.element = 0
        self.expecting = False  # at depth 1 of an array, before the next element
        self.is_array = False
        self.started = False

    @property
    def done(self) -> bool:
        return self.started and self.depth == 0 and not self.quote

    def feed(self, text: str, line: int) -> None:
        i = 0
        while i < len(text):
            char = text[i]
            if self.quote:
                if self.quote in ('"""', "'''") and text.startswith(self.quote, i):
                    self.quote, i = "", i + 3
                    continue
                if self.quote == '"' and char == "\\":
                    i += 2
                    continue
                if char == self.quote:
                    self.quote = ""
                i += 1
                continue
            if char == "#":
                return
            if not self.started and not char.isspace():
                self.started = True
                self.is_array = char == "["
            if self.depth == 1 and self.is_array and self.expecting and char not in " \t,]":
                self.locator.record(self.base + (self.element,), line)
                self.expecting = False
            if text.startswith(('"""', "'''"), i):
                self.quote, i = text[i : i + 3], i + 3
                continue
            if char in "\"'":
                self.quote = char
            elif char in "[{":
                self.depth += 1
                if self.depth == 1 and self.is_array:
                    self.expecting = True
            elif char in "]}":
                self.depth -= 1
            elif char == "," and self.depth == 1 and self.is_array:
                self.element += 1
                self.expecting = True
            i += 1


class Locator:
    def __init__(self, text: str) -> None:
        self._lines: dict[KeyPath, int] = {}
        self._array_index: dict[KeyPath, int] = {}
        self._scan(text)

    def record(self, path: KeyPath, line: int) -> None:
        self._lines.setdefault(path, line)

    def line(self, path: KeyPath) -> int | None:
        """The line of ``path``, or of its nearest known ancestor; None when nothing matches."""
        for end in range(len(path), 0, -1):
            found = self._lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return None

    def _resolve(self, segments: list[str]) -> KeyPath:
        """Adds the current element index after every array of tables along a dotted header."""
        path: KeyPath = ()
        for segment in segments:
            path += (segment,)
            if path in self._array_index:
                path += (self._array_index[path],)
        return path

    def _scan(self, text: str) -> None:
        table: KeyPath = ()
        scanner: _ValueScanner | None = None
        for number, raw in enumerate(text.splitlines(), start=1):
            if scanner is not None:
                scanner.feed(raw, number)
                if scanner.done:
                    scanner = None
                continue
            stripped = raw.strip()
            if stripped.startswith("[["):
                inner = stripped[2 : stripped.find("]]")] if "]]" in stripped else stripped[2:]
                segments = _split_key(inner)
                parent = self._resolve(segments[:-1]) + (segments[-1],)
                index = self._array_index.get(parent, -1) + 1
                self._array_index[parent] = index
                table = parent + (index,)
                self.record(parent, number)
                self.record(table, number)
            elif stripped.startswith("["):
                inner = stripped[1 : stripped.find("]")] if "]" in stripped else stripped[1:]
                table = self._resolve(_split_key(inner))
                self.record(table, number)
            elif "=" in stripped and not stripped.startswith("#"):
                key, _, value = raw.partition("=")
                path = table + tuple(_split_key(key.strip()))
                self.record(path, number)
                candidate = _ValueScanner(path, self)
                candidate.feed(value, number)
                if not candidate.done:
                    scanner = candidate

"""Everything the command prints passes through here: no control character reaches the terminal.

Text from scenario files is clean already (the loader refuses control characters), but a command
also echoes what the user typed (an unknown id, a path) and messages quoting a broken file. So the
command's stdout and stderr are wrapped once, in ``main``, rather than trusting every print.
The app draws through ``sys.__stdout__``/``__stderr__`` (Textual's own choice), which stay as they are.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from sim.loading.text_checks import printable


class CleanStream:
    """A text stream that removes control characters (keeping line breaks and tabs) on write."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.raw = stream  # for our own terminal codes (the progress line), which are not a file's text

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding, buffer...
        return getattr(self._stream, name)


def install() -> None:
    """Wraps sys.stdout and sys.stderr (once)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, CleanStream):
            setattr(sys, name, CleanStream(stream))

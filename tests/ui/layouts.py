"""Counting the layouts of a screen, so a test can tell an edit that laid the screen out from one
that only repainted."""

from __future__ import annotations


def counted_layouts(screen, monkeypatch) -> list[int]:
    """A list that gains an entry each time ``screen`` is laid out (clear it between edits)."""
    layouts: list[int] = []
    lay_out = screen._refresh_layout

    def counted_layout(*args, **kwargs):
        layouts.append(1)
        return lay_out(*args, **kwargs)

    monkeypatch.setattr(screen, "_refresh_layout", counted_layout)
    return layouts

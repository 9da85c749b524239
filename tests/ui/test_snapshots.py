"""What the app looks like at fixed terminal sizes; 80×24 first, since it must work there.

Update after a deliberate change, and look at the result: `pytest tests/ui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from sim.ui.app import make_app


def sandbox_with(preset_keys: list[str]) -> list[str]:
    """Keys that load a preset into the sandbox (p, then down to it, then enter)."""
    return ["p", *preset_keys, "enter"]


def test_start_screen_80x24(snap_compare) -> None:
    """The start screen: the scenario list, its summary, difficulty, seed and buttons."""
    assert snap_compare(make_app(scenario="tutorial", seed=1), terminal_size=(80, 24))


def test_sandbox_80x24(snap_compare) -> None:
    """The sandbox at the smallest size it must work at, with the mediator's first draft loaded."""
    app = make_app(screen="sandbox", scenario="tutorial")
    assert snap_compare(app, press=sandbox_with(["down", "down"]), terminal_size=(80, 24))


def test_sandbox_wide_120x36(snap_compare) -> None:
    """More room: one line per issue, every card whole, Belmark's opening position loaded."""
    app = make_app(screen="sandbox", scenario="tutorial")
    assert snap_compare(app, press=sandbox_with(["down"]), terminal_size=(120, 36))


def test_reasons_80x24(snap_compare) -> None:
    """Why Arvenia rejects Belmark's opening position, with the sources."""
    app = make_app(screen="sandbox", scenario="tutorial")
    assert snap_compare(app, press=[*sandbox_with(["down"]), "tab", "enter"], terminal_size=(80, 24))


def test_high_contrast_sandbox_80x24(snap_compare) -> None:
    """The high-contrast theme on the same draft as test_sandbox_80x24."""
    app = make_app(screen="sandbox", scenario="tutorial", high_contrast=True)
    assert snap_compare(app, press=sandbox_with(["down", "down"]), terminal_size=(80, 24))


def test_too_small_60x20(snap_compare) -> None:
    """A terminal too small for the layout gets a notice instead of a squashed screen."""
    assert snap_compare(make_app(screen="sandbox", scenario="tutorial"), terminal_size=(60, 20))


def test_table_80x24(snap_compare) -> None:
    """The negotiating table of the default scenario on its first morning, at the smallest size."""
    assert snap_compare(make_app(screen="table", scenario="ukraine-2025", seed=1), terminal_size=(80, 24))


def test_table_travel_100x30(snap_compare) -> None:
    """The default scenario's table at 100×30 with the travel dialog open: where a joint meeting can be held."""
    assert snap_compare(make_app(screen="table", scenario="ukraine-2025", seed=1), press=["g"], terminal_size=(100, 30))


def test_table_wide_140x44(snap_compare) -> None:
    """The tutorial's table with room to spare, after the draft was tabled to the Union."""
    assert snap_compare(make_app(screen="table", scenario="tutorial", seed=1, difficulty="easy"), press=["t"],
                        terminal_size=(140, 44))

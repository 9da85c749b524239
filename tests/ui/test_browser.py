"""One real browser: `redlines serve` on a free local port, headless Chromium (Debian's package) driven by
Playwright, a few key presses that change the game, checked through what the app writes on disk.

The terminal is drawn on a canvas, so the page's text cannot be asserted; a screenshot is saved for a
person to look at. Without Chromium the test skips, unless REQUIRE_BROWSER=1 (CI installs it).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import pytest

from tests.servers import free_port, running, wait_for

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = Path(os.environ.get("REDLINES_ARTIFACTS", tempfile.gettempdir())) / "redlines-browser.png"


def require_browser() -> None:
    """Skip with the reason when no browser can run here; fail instead when CI says one must."""
    reason = None
    if not CHROMIUM.exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install -e '.[dev]')"
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)


@pytest.fixture
def server(redlines_home: Path, tmp_path: Path):
    port = free_port()
    with running(redlines_home, tmp_path / "serve.log", port, "serve", "--port", str(port), "--scenario", "tutorial"):
        yield f"http://127.0.0.1:{port}/"


def autosaves(home: Path) -> list[Path]:
    """`redlines serve` gives each visitor a folder of its own under the server's."""
    return sorted(home.glob("visitors/*/saves/autosave-tutorial.json"))


def logged(home: Path) -> list[str]:
    found = autosaves(home)
    if not found:
        return []
    try:
        return json.loads(found[0].read_text())["log"]
    except (OSError, ValueError):
        return []  # caught between the write and the rename: look again


def test_keys_pressed_in_a_browser_change_the_game(server: str, redlines_home: Path) -> None:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.goto(server)
            page.wait_for_selector("canvas", timeout=20_000)
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            # The app process starts behind the websocket, unseen: retry until the keys land. "n" starts a
            # game from the start screen and "t" goes from the briefing to the table, which saves at once;
            # neither does anything where the other belongs, so repeating them is harmless.
            for _ in range(10):
                page.mouse.click(600, 400)  # the terminal takes keys once it has focus
                page.keyboard.press("n")
                time.sleep(1)
                page.keyboard.press("t")
                try:
                    wait_for(lambda: autosaves(redlines_home), 3, "the autosave of a new game")
                    break
                except AssertionError:
                    continue
            page.screenshot(path=str(SCREENSHOT))  # overwritten below; shows what went wrong if the next line fails
            wait_for(lambda: autosaves(redlines_home), 5, "the table to save the new game")
            page.keyboard.press("ArrowRight")  # Status of Mirel: the next option
            # The term reaches the log before the next key: on a loaded machine the browser's
            # two keys could otherwise be handled in either order.
            wait_for(lambda: len(logged(redlines_home)) >= 1, 20, "the changed term to reach the autosave")
            page.keyboard.press("w")  # wait a day
            wait_for(lambda: len(logged(redlines_home)) >= 2, 20, "the two moves to reach the autosave")
            lines = logged(redlines_home)
            assert lines[0].startswith("set mirel ") and lines[1] == "wait", lines
            time.sleep(1)  # the file is written before the new frame reaches the browser
            page.screenshot(path=str(SCREENSHOT))
            print(f"browser screenshot: {SCREENSHOT}")
        finally:
            browser.close()

"""A whole class table in real browsers: `redlines class` on a free local port, Debian's Chromium driven
by Playwright, four students in four browser contexts (the mediator, Arvenia, Belmark, the Regional
Union) playing the tutorial to a signed agreement, and the teacher's console in a fifth.

Without Chromium the test skips, unless REQUIRE_BROWSER=1 (CI installs it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.servers import free_port, running
from tests.ui.test_browser import CHROMIUM, CHROMIUM_ARGS, require_browser

TIMEOUT = 20_000  # ms: a move answers in well under a second; this is for a slow shared machine


@pytest.fixture
def class_server(redlines_home: Path, tmp_path: Path):
    pytest.importorskip("aiohttp")
    port = free_port()
    with running(redlines_home, tmp_path / "class.log", port, "class", "--scenario", "tutorial", "--port", str(port),
                 "--tables", "2", "--seed", "1", seconds=30):
        yield f"http://localhost:{port}"


def sit(browser, address: str, role: str):
    page = browser.new_context().new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(address + "/")
    page.click(f'button[data-seat="1-{role}"]')
    page.wait_for_selector("#live .status")
    return page


def move(page, line: str) -> None:
    """Clicks a move and waits until the page shows the table after it (and no error)."""
    before = page.get_attribute("#live .status", "data-version")
    page.click(f'#live button[data-move="{line}"]')
    page.wait_for_function("(v) => document.querySelector('#live .status').dataset.version !== v", arg=before)
    assert page.inner_text("#error") == "", page.inner_text("#error")


def set_term(page, issue: str, option: str) -> None:
    page.select_option(f'select[data-issue="{issue}"]', option)  # the page sends it at once
    page.locator(f'select[data-issue="{issue}"]').blur()
    page.wait_for_function("([i, o]) => document.querySelector(`select[data-issue=\"${i}\"]`).value === o",
                           arg=[issue, option])


def answer(page, choice: str) -> None:
    page.wait_for_selector("text=A draft is tabled to you")
    page.click(f'form.answer button[value="{choice}"]')
    page.wait_for_selector("text=Nothing is waiting for your answer")


def test_four_students_at_one_table_reach_an_agreement_and_the_teacher_sees_it(class_server: str) -> None:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            mediator = sit(browser, class_server, "mediator")
            arvenia = sit(browser, class_server, "arvenia")
            belmark = sit(browser, class_server, "belmark")
            union = sit(browser, class_server, "union")
            teacher = browser.new_context().new_page()
            teacher.set_default_timeout(TIMEOUT)
            teacher.goto(class_server + "/console")

            # Each party's page shows its own confidential brief, and nobody else's.
            assert "Your confidential brief" in arvenia.inner_text("#live")
            assert "You are Belmark" in belmark.inner_text("#live") and "You are Arvenia" not in belmark.content()

            for issue, option in [("monitors", "observers"), ("prisoners", "all_for_all"), ("crossing", "reopen")]:
                set_term(mediator, issue, option)
            move(mediator, "travel oda")
            move(mediator, "table arvenia")
            answer(arvenia, "accept")
            move(mediator, "travel belgrad")
            move(mediator, "table belmark")
            answer(belmark, "accept")
            mediator.wait_for_selector(".party-belmark .answer:text('accept')")
            move(mediator, "travel tessa-bridge")
            move(mediator, "convene")

            for page in (mediator, arvenia, belmark, union):
                page.wait_for_selector('#live .status[data-status="deal"]')
            assert "sign the agreement" in union.inner_text(".feed")
            teacher.wait_for_selector('#table-1[data-status="deal"]')
            assert "mediator: convene" in teacher.inner_text("#table-1")

            # A reload loses nothing: the same seat, the same signed game.
            belmark.reload()
            belmark.wait_for_selector('#live .status[data-status="deal"]')
            assert "You are Belmark" in belmark.inner_text("#live")

            teacher.click("#end-class")
            teacher.wait_for_selector("text=The class has ended")
            teacher.click("#report-link")
            teacher.wait_for_selector("svg.chart")
            assert "Table 1: deal" in teacher.inner_text("main")
            shot = Path(os.environ.get("REDLINES_ARTIFACTS", "/tmp")) / "redlines-class-report.png"
            teacher.screenshot(path=str(shot), full_page=True)
            print(f"class report screenshot: {shot}")
        finally:
            browser.close()

"""Starting straight at the table: ``Ready`` comes once the table takes input, and the first frame
does without what it does not need (numpy, a second pass over the stylesheets)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from sim.ui.app import RedLinesApp, make_app
from sim.ui.widgets.draft_editor import DraftEditor
from sim.ui.widgets.party_card import PartyCard


def test_ready_is_posted_once_the_table_is_drawn_and_takes_input(run) -> None:
    seen: list[dict] = []

    class Watching(RedLinesApp):
        def on_red_lines_app_ready(self, message: RedLinesApp.Ready) -> None:
            screen = self.screen
            cards = list(screen.query(PartyCard))
            seen.append({
                "name": message.screen_name,
                "screen": type(screen).__name__,
                "focused": type(screen.focused).__name__,
                "cards": len(cards),
                "laid out": all(card.size.height > 0 for card in cards) and screen.query_one(DraftEditor).size.height > 0,
                "parties": len(screen.scenario.parties),
            })

    async def play() -> None:
        app = Watching(make_app(screen="table", scenario="ukraine-2025", seed=1).launch)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert len(seen) == 1  # once, not once per frame
            ready = seen[0]
            assert ready["name"] == "table" and ready["screen"] == "TableScreen"
            assert ready["focused"] == "DraftEditor"  # the arrow keys already edit the draft
            assert ready["cards"] == ready["parties"] and ready["laid out"]

    run(play())


PROBE = textwrap.dedent("""
    import asyncio, sys
    from textual.css.stylesheet import Stylesheet
    from sim.ui.app import RedLinesApp, make_app
    from sim.ui.kept_stylesheet import KeptStylesheet

    passes = []
    def counted(original):
        def reparse(self):
            passes.append(1)
            return original(self)
        return reparse
    for sheet in (Stylesheet, KeptStylesheet):  # Textual's, and the app's own (it parses through the store)
        sheet.reparse = counted(sheet.reparse)

    class Probe(RedLinesApp):
        def on_red_lines_app_ready(self, message):
            from textual.widgets import Button, Footer
            buttons = len(self.screen.query(Button)) + len(self.screen.query(Footer))
            print("numpy" in sys.modules, "sim.analysis.overview" in sys.modules, len(passes), buttons,
                  "importlib.util" in sys.modules)
            self.exit()

    async def main():
        async with Probe(make_app(screen="table", scenario="ukraine-2025", seed=1).launch).run_test(size=(100, 30)) as pilot:
            await pilot.pause()
    asyncio.run(main())
""")


def test_the_tables_first_frame_loads_no_numpy_and_styles_once(redlines_home) -> None:
    """numpy and the whole-space analysis load only when the analysis is asked for; the app starts
    in its own theme, so no stylesheet is parsed a second time before the first frame; and the
    table draws no Button (Textual's largest stylesheet, styled and drawn one by one) nor Footer
    (a widget per key, mounted only once the bindings are known: a second layout and frame)."""
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120)
    numpy, overview, reparses, buttons, importlib_util = result.stdout.split()[-5:]
    assert (numpy, overview, reparses) == ("False", "False", "0")
    assert buttons == "0"  # the action bar and the footer are one widget each (~45 and ~80 ms of CPU)
    assert importlib_util == "False"  # nothing before the first frame needs it (~3 ms)


def test_the_table_is_styled_once_as_it_mounts_and_again_when_styles_change(run, monkeypatch) -> None:
    """Each of the table's widgets is styled as it mounts; the screen's resume as it is pushed does
    not style them all again (some 8 ms of the first frame); a change of theme restyles them all."""
    from textual.css.stylesheet import Stylesheet

    from sim.ui.themes import HIGH_CONTRAST_THEME

    restyled: list[int] = []
    original = Stylesheet.update_nodes

    def update_nodes(self, nodes, animate=False):
        nodes = list(nodes)
        restyled.append(sum(isinstance(node, PartyCard) for node in nodes))
        return original(self, nodes, animate=animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", update_nodes)
    seen: dict[str, int] = {}

    class Watching(RedLinesApp):
        def on_red_lines_app_ready(self, message: RedLinesApp.Ready) -> None:
            seen["cards restyled before the first frame"] = sum(restyled)
            super().on_red_lines_app_ready(message)

    async def play(app) -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            cards = len(app.screen.query(PartyCard))
            restyled.clear()
            app.theme = HIGH_CONTRAST_THEME
            await pilot.pause()
            seen["cards restyled by a new theme"] = sum(restyled) // cards

    run(play(Watching(make_app(screen="table", scenario="tutorial", seed=1).launch)))
    assert seen == {"cards restyled before the first frame": 0, "cards restyled by a new theme": 1}


def test_the_tables_modules_load_no_json() -> None:
    """json is for saves, the first of which is written beside the first frame, in a thread: the
    modules the table loads before it do not import it (~3 ms)."""
    code = "import sys, sim.ui.app, sim.game, sim.ui.screens.table; print('json' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.split()[-1] == "False"


def test_the_app_module_imports_textual_and_the_screens_without_collections() -> None:
    """No collection runs while sim.ui.app imports Textual and its screens (some 80 did, 15 ms),
    and the collector is as it was afterwards, in a process that imports the app without running it
    and in one that had it paused already."""
    code = textwrap.dedent("""
        import gc, sys
        import sim.ui.collector  # what the app's module imports before pausing it
        importing = []  # at each collection: was Textual, or a screen after it, being imported?
        gc.callbacks.append(lambda phase, info: phase == "start" and importing.append(
            "textual" in sys.modules and "sim.ui.themes" not in sys.modules))
        import sim.ui.app
        print(sum(importing), gc.isenabled())
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.split()[-2:] == ["0", "True"]
    paused = "import gc; gc.disable(); import sim.ui.app; print(gc.isenabled())"
    result = subprocess.run([sys.executable, "-c", paused], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.split()[-1] == "False"


def test_the_collector_waits_for_the_first_frame_and_then_collects_again(run) -> None:
    """The cyclic garbage collector is paused while the first screen is built (sim.ui.collector)
    and runs again from the first frame on, and after an app that ended before it."""
    import gc

    seen: dict[str, bool] = {}

    class Watching(RedLinesApp):
        def on_mount(self) -> None:
            seen["building"] = gc.isenabled()
            super().on_mount()

    async def play(app) -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.pause()
            seen["after"] = gc.isenabled()

    assert gc.isenabled()
    run(play(Watching(make_app(screen="table", scenario="tutorial", seed=1).launch)))
    assert seen == {"building": False, "after": True}
    ended = make_app(screen="table", scenario="tutorial", seed=1)  # ends before a frame: resumed on unmount
    ended.on_load()
    assert not gc.isenabled()
    ended.on_unmount()
    assert gc.isenabled()
    gc.disable()  # a collector someone else turned off stays off
    try:
        ended.on_load()
        ended.on_unmount()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_table_never_judges_the_draft_by_the_whole_truth(run, monkeypatch) -> None:
    """A game shows what the player knows (the views): the sandbox's full assessment is never
    built for the table, not even once at the start, where it cost the first frame ~7 ms."""
    import sim.ui.screens.draft_screen as draft_screen

    judged = []
    original = draft_screen.assess
    monkeypatch.setattr(draft_screen, "assess", lambda *args: judged.append(args) or original(*args))

    async def play() -> None:
        app = make_app(screen="table", scenario="ukraine-2025", seed=1)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("right")  # a change of the draft, too
            await pilot.pause()
            assert app.screen.assessment is None and len(app.screen.state.log) == 1

    run(play())
    assert judged == []

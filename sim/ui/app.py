"""The Red Lines app: one factory (``make_app``) shared by the command line, the browser server and the tests.

The app loads scenarios, switches screens and keeps the settings; the screens call the engine and
the game; the widgets only draw and post messages.
"""

from __future__ import annotations

from sim.ui.collector import pause_collector, paused_while_importing, resume_collector

with paused_while_importing():
    import importlib
    import random
    from pathlib import Path
    from typing import TYPE_CHECKING, Callable, Iterable

    from textual import events, work
    from textual.app import App
    from textual.geometry import Size
    from textual.binding import Binding
    from textual.message import Message
    from textual.reactive import Reactive
    from textual.screen import Screen
    from textual.theme import Theme

    from sim import catalog
    from sim.model import Scenario
    from sim.present.levels import DEFAULT_DIFFICULTY, DIFFICULTIES
    from sim.record import frozen
    from sim.ui.commands import RedLinesCommands
    from sim.ui.keymap import load_keymap
    from sim.ui.kept_stylesheet import KeptStylesheet
    from sim.ui.messages import OpenAnalysis, ShowBriefing
    from sim.ui.terminal_watch import PERIOD as TERMINAL_CHECK_PERIOD
    from sim.ui.terminal_watch import still_there, terminal_fd
    from sim.ui.themes import DEFAULT_THEME, HIGH_CONTRAST_THEME, NEUTRAL_DEFAULTS, THEMES

# Modules the first frame does without but the next screens need: imported after it, in a thread.
WARM_UP = (
    "textual.widgets._markdown",
    "sim.game",
    "sim.game.answers",  # the first meeting's answers (sim.game imports them only when asked)
    "sim.ui.screens.briefing",
    "sim.ui.screens.table",
    "sim.ui.screens.sandbox",
    "sim.ui.screens.option_picker",
    "sim.ui.screens.choice",
    "sim.ui.screens.start",
)
if TYPE_CHECKING:  # imported where used: a game opened straight at the table never draws the start screen
    from sim.ui.screens.start import GameChoice, StartScreen

OUR_THEMES = {theme.name: theme for theme in THEMES}
MIN_SIZE = (70, 20)  # below this the layout cannot show a draft beside the cards: say so instead
START_SCREENS = ("start", "briefing", "table", "sandbox")


@frozen
class Launch:
    """How the app opens: which scenario, on which screen, with which game settings."""

    scenario: str | None = None  # an id or a path; None: the default scenario (the tutorial if it is missing)
    screen: str = "start"
    difficulty: str = DEFAULT_DIFFICULTY
    seed: int | None = None  # None: a fresh seed, shown on the start screen so the game can be replayed
    high_contrast: bool = False


class RedLinesApp(App):
    """Red Lines in a terminal (or a browser through ``redlines serve``)."""

    TITLE = "Red Lines"
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses (tests, probes) live elsewhere
    COMMANDS = App.COMMANDS | {RedLinesCommands}
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help", id="app.help", tooltip="How to play, and every key"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", show=False, priority=True),
    ]
    # Our theme from the start, and ours known before App.__init__ reads its colours: setting the
    # theme after it would parse every stylesheet a second time before the first frame.
    theme: Reactive[str] = Reactive(DEFAULT_THEME)

    class Ready(Message):
        """The first screen has been drawn and takes input (the startup benchmark waits for this)."""

        def __init__(self, screen_name: str) -> None:
            self.screen_name = screen_name
            super().__init__()

    def __init__(self, launch: Launch = Launch()) -> None:
        super().__init__()
        self.stylesheet = KeptStylesheet.replacing(self.stylesheet)  # parsed once, not at every launch
        for theme in THEMES:  # from now on Textual's own list has them (see available_themes)
            self.register_theme(theme)
        self._themes_registered = True
        self.launch = launch
        self.seed = launch.seed if launch.seed is not None else random.SystemRandom().randrange(1, 1_000_000)
        self.difficulty = launch.difficulty
        self.scenario: Scenario | None = None
        self.session = None  # the game being played (a sim.game.Session), once there is one
        self.keymap_problems: list[str] = []
        self.user_keymap: dict[str, str] = {}
        self._started = False
        if launch.high_contrast:
            self.theme = HIGH_CONTRAST_THEME

    @property
    def available_themes(self) -> dict[str, Theme]:
        # Textual's __init__ needs ours before it returns (the theme's colours), so until then they
        # are added here; after it they are registered: this is asked for every row drawn.
        if getattr(self, "_themes_registered", False):
            return super().available_themes
        return {**super().available_themes, **OUR_THEMES}

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        """Every notification is plain text: they quote files (a title, an error naming a key) and
        a file's text must never be read as markup, so ``markup`` is ignored."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # --- start-up -----------------------------------------------------------------------------

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Our own variables, for any theme (Textual's or a user's) that does not set them.
        return {**super().get_theme_variable_defaults(), **NEUTRAL_DEFAULTS}

    def on_mount(self) -> None:
        from sim.game.saves import clean_leftovers

        clean_leftovers()  # what a save killed halfway left behind
        self._apply_keymap()
        screen = self._first_screen()
        self.push_screen(screen)
        screen.call_after_refresh(lambda: self.post_message(self.Ready(self.launch.screen)))
        self.call_after_refresh(self._start_watching_size)  # the notice must go on top of the first screen
        self._watch_terminal()

    def on_load(self) -> None:
        pause_collector()  # until the first frame: sim.ui.collector says why

    def _watch_terminal(self) -> None:
        """End the app once its terminal has gone away (sim.ui.terminal_watch says why)."""
        fd = terminal_fd()
        if fd is None:
            return

        def check() -> None:
            if not still_there(fd):
                self.exit()

        self.set_interval(TERMINAL_CHECK_PERIOD, check)

    def on_red_lines_app_ready(self, message: Ready) -> None:
        resume_collector()
        # Only once the first screen is drawn: a thread importing beside it would share the one
        # interpreter lock with the first frame and slow it down.
        self.warm_up()

    def on_unmount(self) -> None:
        resume_collector()  # an app that ends before its first frame (an error, a test) resumes it too

    @work(thread=True, exit_on_error=False)
    def warm_up(self) -> None:
        """Import what the next screens need while the player reads the first one, so the first
        key that opens them does not wait on it (nor, in a classroom, on thirty others doing it)."""
        for module in WARM_UP:
            importlib.import_module(module)

    def _apply_keymap(self) -> None:
        keymap, problems = load_keymap(catalog.data_dir())
        if not keymap:  # the usual case: no need to import every screen to learn their ids
            self.keymap_problems = problems
            for problem in problems:
                self.notify(problem, title="Keys not remapped", severity="warning", timeout=10)
            return
        known = {b.id for _, bindings in self.all_bindings() for b in bindings if isinstance(b, Binding) and b.id}
        for binding_id in sorted(set(keymap) - known):
            from sim.loading.problems import suggest

            problems.append(f"keys.toml: no key has the id `{binding_id}`; {suggest(binding_id, sorted(known))}")
            del keymap[binding_id]
        self.user_keymap = keymap
        self.keymap_problems = problems
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="Keys not remapped", severity="warning", timeout=10)

    def load_scenario(self, id_or_path: str | None) -> Scenario:
        """The scenario asked for; without one, the default, or the tutorial while the default is missing."""
        if id_or_path is not None:
            return self._remembered_scenario(id_or_path)
        try:
            return self._remembered_scenario(catalog.DEFAULT_SCENARIO)
        except catalog.ScenarioError:
            return self._remembered_scenario("tutorial")

    def _remembered_scenario(self, id_or_path: str) -> Scenario:
        # Kept loaded on disk: reading the TOML through the converter costs more than the rest
        # of the first frame (sim.loading.cache says when a kept one is used).
        from sim.loading.cache import remembered

        folder = catalog.scenario_path(id_or_path)
        return remembered(catalog.cache_dir(), folder, f"scenario {id_or_path}", lambda: catalog.find_scenario(id_or_path))

    def _first_screen(self) -> Screen:
        if self.launch.screen == "start":
            return self.start_screen()
        self.scenario = self.load_scenario(self.launch.scenario)
        if self.launch.screen == "sandbox":
            return self.sandbox_screen(self.scenario)
        if self.launch.screen == "briefing":
            return self.briefing_screen(self.scenario)
        return self.table_screen(self.scenario)

    # --- screens ------------------------------------------------------------------------------

    def start_screen(self) -> StartScreen:
        from sim.ui.saved_games import latest_label
        from sim.ui.screens.start import StartScreen

        entries = catalog.entries()
        ids = [entry.id for entry in entries]
        selected = self.launch.scenario if self.launch.scenario in ids else (
            catalog.DEFAULT_SCENARIO if catalog.DEFAULT_SCENARIO in ids else (ids[0] if ids else "")
        )
        return StartScreen(entries, selected, DIFFICULTIES, self.difficulty, self.seed, latest_label())

    def sandbox_screen(self, scenario: Scenario) -> Screen:
        from sim.ui.screens.sandbox import SandboxScreen

        return SandboxScreen(scenario)

    def briefing_screen(self, scenario: Scenario, new_game: bool = True) -> Screen:
        from sim.ui.screens.briefing import BriefingScreen

        timeline = opening = None
        if self.session is not None:
            from sim.present.play import timeline as game_timeline

            timeline = game_timeline(self.session.state)
            setup = self.session.state.game.setup
            if setup.briefing or setup.start != scenario.as_of:  # the page names the game's first day
                opening = (setup.start, setup.briefing)
        return BriefingScreen(scenario, timeline, new_game=new_game, opening=opening)

    def new_session(self, scenario: Scenario):
        """A new game of ``scenario`` with the chosen difficulty and seed."""
        from sim.game import Difficulty, Session, kept_game_files, new_game

        setup, presets = kept_game_files(scenario)
        return Session(new_game(scenario, setup, presets, Difficulty(self.difficulty), self.seed), autosave=False)

    def table_screen(self, scenario: Scenario) -> Screen:
        from sim.ui.screens.table import TableScreen

        if self.session is None or self.session.state.scenario.id != scenario.id:
            self.session = self.new_session(scenario)
        return TableScreen(self.session)

    def on_start_screen_new_game(self, message: StartScreen.NewGame) -> None:
        choice: GameChoice = message.choice
        self.difficulty, self.seed = choice.difficulty, choice.seed
        self.scenario = self.load_scenario(choice.scenario_id)
        self.session = self.new_session(self.scenario)
        self.push_screen(self.briefing_screen(self.scenario))

    def on_start_screen_continue_game(self, message: StartScreen.ContinueGame) -> None:
        from sim.game import SaveError, Session
        from sim.game.save_lock import held_elsewhere
        from sim.ui.saved_games import latest_game
        from sim.ui.screens.table import TableScreen

        saved = latest_game()
        if saved is None:
            self.notify("There is no game to continue.", severity="warning")
            return
        if held_elsewhere(saved.path):  # checked before the replay: never two windows on one game
            self.notify(f"The saved game ({saved.label}) is open in another Red Lines window: play it there, "
                        "or close that window and continue here. Games (g) opens it read-only or as a copy.",
                        title="Open in another window", severity="warning", timeout=10)
            return
        try:
            session = Session.resume(saved.path)
        except (SaveError, catalog.ScenarioError) as error:
            self.notify(str(error.problems[0]), title="Cannot continue", severity="error", timeout=10)
            return
        session.autosave = False  # the table saves behind the player's back
        self.session, self.scenario = session, session.state.scenario
        self.push_screen(TableScreen(session))

    def on_start_screen_open_games(self, message: StartScreen.OpenGames) -> None:
        from sim.present.games_list import game_choice
        from sim.ui.saved_games import all_games
        from sim.ui.screens.choice import ChoiceScreen

        games = all_games()
        if not games:
            self.notify("No saved or finished games yet.", severity="warning")
            return
        titles: dict[str, str] = {}
        for game in games:
            if game.scenario not in titles:
                try:
                    titles[game.scenario] = self._remembered_scenario(game.scenario).title
                except catalog.ScenarioError:  # gone or broken since: its id still says which it was
                    titles[game.scenario] = game.scenario
        choices = [game_choice(game, titles[game.scenario]) for game in games]
        self.push_screen(ChoiceScreen("Saved and finished games", choices), self._open_game)

    def _open_game(self, value: str | None) -> None:
        if value is None:
            return
        what, _, path = value.partition(":")
        self.notify("Replaying the game…", timeout=3)
        self._load_game(what, Path(path))

    @work(thread=True, exclusive=True, group="load-game")
    def _load_game(self, what: str, path: Path) -> None:
        from sim.game import SaveError, Session

        try:
            session = Session.resume(path)
        except (SaveError, catalog.ScenarioError) as error:
            self.call_from_thread(self.notify, str(error.problems[0]), title="Cannot open", severity="error",
                                  timeout=10, markup=False)
            return
        self.call_from_thread(self._show_game, what, session)

    def _show_game(self, what: str, session) -> None:
        from sim.ui.screens.end import EndScreen
        from sim.ui.screens.table import TableScreen

        self.scenario = session.state.scenario
        if what == "debrief":
            self.push_screen(EndScreen(session.state))
            return
        session.autosave = False  # the table saves behind the player's back
        self.session = session
        self.push_screen(TableScreen(session))

    def on_start_screen_open_sandbox(self, message: StartScreen.OpenSandbox) -> None:
        self.scenario = self.load_scenario(message.scenario_id)
        self.push_screen(self.sandbox_screen(self.scenario))

    def on_briefing_screen_begin(self, message: Message) -> None:
        if message.new_game:
            self.switch_screen(self.table_screen(self.scenario))
        else:
            self.pop_screen()

    def on_table_screen_game_over(self, message: Message) -> None:
        from sim.game import SaveError
        from sim.ui.saved_games import keep_finished
        from sim.ui.screens.end import EndScreen

        try:
            keep_finished(message.state)  # so its debrief can be reopened after a new game takes the autosave
        except SaveError as error:
            self.notify(str(error.problems[0]), title="The finished game was not kept", severity="warning",
                        timeout=10, markup=False)
        self.switch_screen(EndScreen(message.state))

    def action_briefing(self) -> None:
        if self.scenario is not None:
            self.push_screen(self.briefing_screen(self.scenario, new_game=False))

    def on_show_briefing(self, message: ShowBriefing) -> None:
        self.action_briefing()

    def on_open_analysis(self, message: OpenAnalysis) -> None:
        """The analysis a screen asked for; the game's rules say whether the player may see it."""
        from sim.game import analysis_allowed
        from sim.ui.screens.analysis import AnalysisScreen

        allowed = analysis_allowed(message.game)
        self.push_screen(AnalysisScreen(message.scenario, message.draft, adopt=message.adopt if allowed else None,
                                        hidden=not allowed))

    # --- actions everywhere -------------------------------------------------------------------

    def all_bindings(self) -> list[tuple[str, list]]:
        """Every screen's bindings, for the help page and for checking remapped ids."""
        from sim.ui.screens.start import StartScreen
        from sim.ui.screens.analysis import AnalysisScreen
        from sim.ui.screens.briefing import BriefingScreen
        from sim.ui.screens.compare import CompareScreen
        from sim.ui.screens.counter import CounterScreen
        from sim.ui.screens.end import EndScreen
        from sim.ui.screens.sandbox import SandboxScreen
        from sim.ui.screens.sources import SourcesScreen
        from sim.ui.screens.table import TableScreen
        from sim.ui.widgets.draft_editor import DraftEditor
        from sim.ui.widgets.news_feed import NewsFeed
        from sim.ui.widgets.party_card import PartyCard

        return [
            ("Everywhere", self.BINDINGS),
            ("Start", StartScreen.BINDINGS),
            ("Briefing", BriefingScreen.BINDINGS),
            ("The negotiating table", TableScreen.BINDINGS),
            ("The draft", DraftEditor.BINDINGS),
            ("A party's card", PartyCard.BINDINGS),
            ("The feed", NewsFeed.BINDINGS),
            ("A counter-proposal", CounterScreen.BINDINGS),
            ("Analysis", AnalysisScreen.BINDINGS),
            ("Debrief", EndScreen.BINDINGS),
            ("Sandbox", SandboxScreen.BINDINGS),
            ("Compare", CompareScreen.BINDINGS),
            ("Sources", SourcesScreen.BINDINGS),
        ]

    def action_help(self) -> None:
        from sim.ui.screens.help import HelpScreen

        if type(self.screen).__name__ != "HelpScreen":
            self.push_screen(HelpScreen(self.all_bindings(), self.user_keymap))

    def action_sources(self) -> None:
        from sim.ui.screens.sources import SourcesScreen

        if self.scenario is not None:
            extra = None
            if self.session is not None and self.session.state.scenario.id == self.scenario.id:
                from sim.present.play import game_citations

                state = self.session.state
                extra = lambda source_id: game_citations(state, source_id)  # noqa: E731
            self.push_screen(SourcesScreen(self.scenario, extra))

    def action_toggle_contrast(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == HIGH_CONTRAST_THEME else HIGH_CONTRAST_THEME

    def palette_commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        contrast = "off" if self.theme == HIGH_CONTRAST_THEME else "on"
        yield (f"Theme: high contrast {contrast}", "Louder colours for projectors and low vision", self.action_toggle_contrast)
        yield ("Help", "How to play, and every key", self.action_help)
        if self.scenario is not None:
            yield ("Sources", "Every source of the scenario and what cites it", self.action_sources)

    # --- too small a terminal -----------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        # Runs before Textual's own handler has recorded the new size: use the event's.
        if self._started:  # before the first screen is up there is nothing to cover yet
            self.check_size(event.size)

    def _start_watching_size(self) -> None:
        self._started = True
        self.check_size()

    def check_size(self, size: Size | None = None) -> None:
        from sim.ui.screens.too_small import TooSmallScreen

        size = size or self.size
        small = size.width < MIN_SIZE[0] or size.height < MIN_SIZE[1]
        if small and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen(MIN_SIZE))
        elif not small and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()


def make_app(launch: Launch | None = None, **options) -> RedLinesApp:
    """The app, configured by a ``Launch`` or its fields as keywords: ``make_app(screen="sandbox")``."""
    return RedLinesApp(launch if launch is not None else Launch(**options))

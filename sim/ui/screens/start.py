"""The first screen: pick a scenario, a difficulty and a seed; continue a saved game; or open the sandbox."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from sim.catalog import Entry
from sim.present.library import facts, game_start
from sim.record import frozen

TAGLINE = "Mediate a peace negotiation. Every proposal is tested against the red lines the parties have stated."


@frozen
class GameChoice:
    """What the player picked on the start screen."""

    scenario_id: str
    difficulty: str
    seed: int


class StartScreen(Screen):
    """Keyboard and mouse alike: arrows pick, enter starts, the buttons do the rest."""

    BINDINGS = [
        Binding("n", "new_game", "New game", id="start.new_game"),
        Binding("c", "continue_game", "Continue", id="start.continue"),
        Binding("x", "sandbox", "Sandbox", id="start.sandbox", tooltip="Edit proposals freely, no clock"),
        Binding("g", "games", "Games", id="start.games", tooltip="Saved and finished games: continue one, or reopen its debrief"),
        Binding("q", "app.quit", "Quit", id="start.quit"),
    ]

    class NewGame(Message):
        def __init__(self, choice: GameChoice) -> None:
            self.choice = choice
            super().__init__()

    class OpenSandbox(Message):
        def __init__(self, scenario_id: str) -> None:
            self.scenario_id = scenario_id
            super().__init__()

    class ContinueGame(Message):
        pass

    class OpenGames(Message):
        """The player asks for the list of saved and finished games."""

    def __init__(
        self,
        entries: list[Entry],
        selected: str,
        difficulties: tuple[str, ...],
        difficulty: str,
        seed: int,
        saved_game: str | None,
    ) -> None:
        super().__init__()
        self.entries = entries
        self.selected = selected
        self.difficulties = difficulties
        self.difficulty = difficulty
        self.seed = seed
        self.saved_game = saved_game  # a description of the autosaved game, when there is one

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble(("RED LINES", "bold $accent"), "  ", (TAGLINE, "$foreground 70%")), id="banner")
        with Horizontal(id="start-body"):
            scenarios = OptionList(*[self._option(entry) for entry in self.entries], id="scenarios")
            scenarios.border_title = "Scenario"
            yield scenarios
            summary = Static(id="summary")
            summary.border_title = "About"
            yield summary
        with Horizontal(id="start-settings"):
            yield Label("Difficulty", classes="setting-label")
            with RadioSet(id="difficulty"):
                for name in self.difficulties:
                    yield RadioButton(name.capitalize(), value=name == self.difficulty, id=f"difficulty-{name}")
            yield Label("Seed", classes="setting-label")
            yield Input(str(self.seed), type="integer", id="seed", compact=True, tooltip="Same seed, same moves: same game")
        with Horizontal(id="start-buttons"):
            yield Button("New game", id="button-new-game", variant="primary", compact=True)
            yield Button("Continue", id="button-continue", disabled=self.saved_game is None, compact=True)
            yield Button("Sandbox", id="button-sandbox", compact=True)
            yield Button("Games", id="button-games", compact=True)
            yield Button("Help", id="button-help", compact=True, action="app.help")  # the app's, like F1
            yield Button("Quit", id="button-quit", compact=True)
            # The saved game's description sits after the buttons, not in one: at 80 columns a long
            # label would push Help and Quit off the screen.
            yield Static(Content(self._saved_text()), id="saved-game")
        yield Footer()

    def _saved_text(self) -> str:
        return "" if self.saved_game is None else f"saved: {self.saved_game}"

    @staticmethod
    def _option(entry: Entry) -> Option:
        if entry.scenario is None:
            count = len(entry.error.problems) if entry.error else 0
            return Option(Content.assemble((entry.id, "strike"), (f"  {count} problems", "$error")), id=entry.id, disabled=True)
        origin = "" if entry.origin == "shipped" else "  (yours)"
        return Option(Content.assemble((entry.scenario.title, "bold"), (origin, "$foreground 60%")), id=entry.id)

    def on_mount(self) -> None:
        scenarios = self.query_one("#scenarios", OptionList)
        ids = [entry.id for entry in self.entries]
        if self.selected in ids:
            scenarios.highlighted = ids.index(self.selected)
        scenarios.focus()
        self._describe(self.selected)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer offers Continue only when the Continue button is live."""
        if action == "continue_game":
            return self.saved_game is not None
        return True

    def on_screen_resume(self) -> None:
        """Back from a game: it may have ended, or be the one to continue now."""
        from sim.ui.saved_games import latest_label

        self.saved_game = latest_label()
        self.query_one("#button-continue", Button).disabled = self.saved_game is None
        self.query_one("#saved-game", Static).update(Content(self._saved_text()))
        self.refresh_bindings()

    def _describe(self, scenario_id: str | None) -> None:
        entry = next((e for e in self.entries if e.id == scenario_id), None)
        summary = self.query_one("#summary", Static)
        if entry is None or entry.scenario is None:
            problems = "\n".join(str(p) for p in entry.error.problems) if entry and entry.error else ""
            summary.update(Content.assemble(("This scenario has problems:\n", "bold $error"), problems))
            return
        scenario = entry.scenario
        parts: list = []
        if scenario.library.tagline:
            parts += [(scenario.library.tagline, "bold"), "\n"]
        # The library's facts come before the summary so a long summary cannot push them out of
        # view at 80x24. Text from the file goes in as plain strings: Content never reads markup.
        rows = [*facts(scenario, game_start(scenario)), ("Issues", str(len(scenario.issues)))]
        for i, (label, value) in enumerate(rows):
            # Period and parties get a line each; the short facts share one.
            parts += ["\n" if i < 3 else "   ", (f"{label}: ", "bold"), value]
        parts += ["\n\n", " ".join(scenario.summary.split())]
        summary.update(Content.assemble(*parts))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.selected = event.option.id
        self._describe(self.selected)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.selected = event.option.id
        self.action_new_game()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.difficulty = event.pressed.id.removeprefix("difficulty-")

    def choice(self) -> GameChoice:
        text = self.query_one("#seed", Input).value.strip()
        seed = int(text) if text.lstrip("-").isdigit() else self.seed
        return GameChoice(self.selected, self.difficulty, seed)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "button-new-game": self.action_new_game,
            "button-continue": self.action_continue_game,
            "button-sandbox": self.action_sandbox,
            "button-games": self.action_games,
            "button-quit": self.app.exit,
        }
        actions[event.button.id]()

    def action_new_game(self) -> None:
        self.post_message(self.NewGame(self.choice()))

    def action_continue_game(self) -> None:
        if self.saved_game is not None:
            self.post_message(self.ContinueGame())

    def action_games(self) -> None:
        self.post_message(self.OpenGames())

    def action_sandbox(self) -> None:
        self.post_message(self.OpenSandbox(self.selected))

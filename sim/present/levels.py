"""The game's difficulty levels by name, for the command line's choices and the start screen.

The game's ``Difficulty`` is the truth; importing the game to read it would cost the first frame
and `--help` a third of a second, so the names are written here once and
``tests/test_game_view.py`` checks they are the game's own, in its order.
"""

DIFFICULTIES = ("easy", "normal", "hard")
DEFAULT_DIFFICULTY = "normal"

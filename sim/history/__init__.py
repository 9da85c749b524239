"""A scenario's recorded history: dated cases of what parties really said, and the backtest that
replays them through the engine."""

from sim.history.backtest import Cell, Scorecard, backtest
from sim.history.cases import Case, History, Recorded
from sim.history.history_file import HISTORY_FILE, history_path, load_history

__all__ = ["Case", "Cell", "HISTORY_FILE", "History", "Recorded", "Scorecard", "backtest", "history_path", "load_history"]

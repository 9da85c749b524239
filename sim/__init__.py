"""Red Lines: a mediation game and what-if tool whose rules engine explains every verdict."""

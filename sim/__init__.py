"""Red Lines: a mediation game and what-if tool whose rules engine explains every verdict."""

from sim import compiled_methods

compiled_methods.install()  # first, so even attrs' own classes keep their compiled methods between launches

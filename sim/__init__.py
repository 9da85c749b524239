"""Red Lines: a mediation game and what-if tool whose rules engine explains every verdict."""

from sim import attrs_code

attrs_code.install()  # before any of our classes is defined (sim.attrs_code says why)

"""A class at one table: students in the parties' seats, a teacher's console, nothing lost on reload.

``redlines class`` serves it (sim.classroom.server); the game itself is sim.game, one core for the
terminal app and the class. Needs the `class` extra (aiohttp, Jinja2, SQLAlchemy).
"""

"""Everything that turns the model into words or data for a person or a program, once each.

Plain text for the terminal (``text``, ``analysis_text``, ``game_report``), JSON-ready dicts
(``assessment_json``, ``analysis_json``), and what the app's screens show (``cards``, ``play``,
``markdown``, ``debrief``, ``plot``). Documents: ``report`` (a played game as a report a teacher
can grade: Markdown, self-contained HTML, JSON) and ``pack`` (a scenario as a classroom kit:
confidential instructions per party, the mediator's brief, instructor notes). Free of Textual and
Rich: the app and the command line are thin shells over it, and an import-linter contract keeps it so.
"""

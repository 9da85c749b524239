"""Everything that turns the model into words or data for a person or a program, once each.

Plain text for the terminal (``text``, ``analysis_text``, ``game_report``), JSON-ready dicts
(``assessment_json``, ``analysis_json``), and what the app's screens show (``cards``, ``play``,
``markdown``, ``debrief``, ``plot``). Free of Textual and Rich: the app and the command line are
thin shells over it, and an import-linter contract keeps it so.
"""

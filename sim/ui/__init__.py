"""The Textual app: the only package allowed to import textual or rich.

``sim.ui.app.make_app`` builds it for the command line, ``redlines serve`` and the tests alike.
"""

"""A played game as a report a teacher can grade: Markdown, one self-contained HTML file, or JSON.

    state = load_game("scenarios/tutorial/games/deal.txt")   # a save file or a script
    report = build_report(state)                              # plain data: the JSON report
    render(report, "html")                                    # or "md", "json"
"""

from sim.present.report.build import FORMAT, VERSION, build_report
from sim.present.report.load import load_game
from sim.present.report.render import FORMATS, render

__all__ = ["FORMAT", "FORMATS", "VERSION", "build_report", "load_game", "render"]

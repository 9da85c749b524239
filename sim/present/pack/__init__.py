"""A scenario as a classroom kit: confidential instructions for each party, the mediator's brief,
and instructor notes (lesson plans for 45 and 90 minutes, what the engine knows that the students
do not, what happened next, discussion questions and a grading rubric).

    documents = build_pack(scenario)            # or build_pack(scenario, "ukraine"), "mediator", "instructor"
    render_pack(documents, "html")              # or "md"
"""

from sim.present.pack.build import build_pack, roles
from sim.present.pack.render import FORMATS, render_pack

__all__ = ["FORMATS", "build_pack", "render_pack", "roles"]

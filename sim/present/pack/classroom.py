"""The parts of the instructor's notes that every scenario shares: two lesson plans and the rubric.

Kept as data, not in the templates, so the Markdown and the HTML say exactly the same.
"""

PLAN_45 = (
    ("0-5", "Hand out the mediator's brief to everyone and one set of confidential instructions to each party "
            "team. The goal: an agreement every principal signs, or the most any of them will sign."),
    ("5-12", "Teams read their instructions and agree on what they want and what they will not reveal. The "
             "mediator team reads the brief and plans whom to meet first."),
    ("12-32", "Negotiation: the mediator meets the teams one at a time (about 3 minutes each), then calls a joint "
              "meeting at minute 25. Whatever is agreed is written down and signed by the principals."),
    ("32-45", "Debrief: each team reads out its red lines; compare the outcome with what the engine knows (below), "
              "or with the report of the same game played in the app."),
)

PLAN_90 = (
    ("before class", "Each team writes a one-page position memo from its instructions: its goals, its red lines "
                     "with their sources, what it would trade, and its opening offer."),
    ("0-10", "Briefing; the teams hand in their memos."),
    ("10-20", "Teams prepare; the mediator team drafts a first text."),
    ("20-45", "Round one: private meetings, then one joint meeting."),
    ("45-50", "Caucus: teams may change their strategy; the mediator revises the draft."),
    ("50-70", "Round two: a joint meeting to sign what can be signed, a full agreement or an interim one."),
    ("70-90", "Debrief: the red lines revealed, the outcome against what the engine knows, what really happened "
              "next, and the questions."),
)

LEVELS = ("excellent", "adequate", "weak")

RUBRIC_BEFORE = (
    ("Interests", "Tells the team's positions from the interests behind them, and ranks them",
     "Lists the team's goals", "Restates the public position"),
    ("Red lines", "Names each red line with its source, and says how firm the source is",
     "Names the red lines", "Misses red lines or invents them"),
    ("Strategy", "Names what to trade, what to hold, an opening offer and a fallback",
     "Has an opening offer", "No plan beyond the opening"),
)

RUBRIC_AFTER = (
    ("Substance", "Settles what it can, leaves the rest open on purpose, crosses no principal's red line",
     "Settles some issues", "Crosses a red line, or settles nothing"),
    ("Quality", "Close to the best available for everyone (see what the engine knows)",
     "Acceptable to all, but leaves value on the table", "Acceptable to one side only"),
    ("Durability", "Every principal clears the least it signs for by a margin; monitoring and sequencing are "
                   "spelled out", "Clears those levels narrowly", "Depends on a party acting against its interests"),
    ("Process", "Everyone stayed at the table; the record shows who conceded what, and why",
     "One party left and came back", "A principal walked out for good"),
)


def team_sizes(principals: int, stakeholders: int) -> str:
    largest = 4 * principals + 2 * stakeholders + 3
    return (f"One team per party: 2 to 4 students for each principal, 1 or 2 for each stakeholder, and a mediator "
            f"team of 2 or 3. A class of more than {largest} runs two tables side by side, which makes the debrief "
            f"richer: two outcomes from the same positions.")

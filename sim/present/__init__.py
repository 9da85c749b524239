"""The presentation layer: the core's results as documents and plain data, free of Textual and Rich.

``report``: a played game as a report a teacher can grade (Markdown, self-contained HTML, JSON).
``pack``: a scenario as a classroom kit (confidential instructions per party, the mediator's
brief, instructor notes).
"""

"""A scenario as a classroom kit: confidential instructions, the mediator's brief, instructor notes."""

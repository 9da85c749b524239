"""The two looks of Red Lines: a calm default and a high-contrast theme for projectors and low vision.

Verdicts are never told by colour alone: every verdict also has a mark and a word (see
``sim.present.cards``), so the high-contrast theme only has to make the colours louder.
"""

from __future__ import annotations

from textual.theme import Theme

DEFAULT_THEME = "redlines"
HIGH_CONTRAST_THEME = "redlines-high-contrast"

REDLINES = Theme(
    name=DEFAULT_THEME,
    primary="#4A90C2",  # diplomatic blue: the mediator's colour
    secondary="#7A8FA6",
    accent="#E0B04A",  # brass: the table, highlights, the focused term
    warning="#E0A030",  # open to talks
    error="#D9534F",  # a red line crossed
    success="#5CB85C",  # accepts
    foreground="#E6E6E6",
    background="#15191E",
    surface="#1D232A",
    panel="#26303A",
    dark=True,
    variables={"neutral-border": "#55606B"},  # cards and panes that carry no verdict
)

HIGH_CONTRAST = Theme(
    name=HIGH_CONTRAST_THEME,
    primary="#FFFFFF",
    secondary="#FFFF00",
    accent="#FFFF00",
    warning="#FFD700",
    error="#FF3030",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#333333",
    dark=True,
    luminosity_spread=0.0,  # no muted in-between shades: everything stays fully readable
    text_alpha=1.0,
    variables={"neutral-border": "#FFFFFF"},
)

THEMES = (REDLINES, HIGH_CONTRAST)
NEUTRAL_DEFAULTS = {"neutral-border": "#808080"}  # for Textual's own themes, picked from the palette

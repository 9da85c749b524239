"""A change of the draft drawn by the handler that made it, not several hops later.

Textual draws a change in its own time: each widget the change marked tells the screen on that
widget's idle, the screen wakes its update timer on its own idle, and the timer's task draws. On
this machine those hops are some 1.5 ms of the 16 a frame has, on every key of an edit. When the
change needs no new layout, the screen can draw the widgets it marked at once, through the same
two compositor calls the timer would make (``update_widgets``, then the screen's refresh); what
Textual later finds to do is then nothing. A change that needs a layout (a card grows, the draft
scrolls) is left to Textual, which lays out and draws in one pass.

It reads Textual's own flags (private, as Textual is pinned to one release in ``pyproject.toml``);
``tests/ui/test_paint_now.py`` checks the terminal it draws against a fresh drawing of the screen.
"""

from __future__ import annotations

from textual.screen import Screen


def paint_now(screen: Screen) -> bool:
    """Draw what ``screen``'s widgets marked for repainting, now; False, doing nothing, when the
    screen is not the one shown, updates are batched, or anything needs a layout or a scroll."""
    if not screen.is_current or screen.app._batch_count or _needs_more(screen) or screen._repaint_required:
        return False  # (a screen's own repaint is of the whole screen: Textual's to make)
    widgets = list(screen.walk_children(with_self=False))
    if any(_needs_more(widget) for widget in widgets):
        return False
    marked = {widget for widget in widgets if widget._repaint_required and widget.display}
    if not marked:
        return False
    for widget in marked:  # what the widget's idle would tell the screen, told now
        widget._repaint_required = False
    # With any the screen was already told of: its refresh clears them all once drawn.
    screen._compositor.update_widgets(marked | screen._dirty_widgets)
    screen._compositor_refresh()
    return True


def _needs_more(node) -> bool:
    """A node waiting for more than a repaint: a layout, a scroll, a new composition."""
    return bool(node._layout_required or node._scroll_required or node._recompose_required)

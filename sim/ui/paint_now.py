"""A change of the draft drawn by the handler that made it, not several hops later.

Textual draws a change in its own time: each widget the change marked tells the screen on that
widget's idle, the screen wakes its update timer on its own idle, and the timer's task draws. On
this machine those hops are some 1.5 ms of the 16 a frame has, on every key of an edit (2 ms when
a card changes height and the screen must be laid out). So the screen draws the widgets the change
marked at once, through the calls its timer would make: ``update_widgets`` and the screen's
refresh, or, when a widget changed size, its layout (after the widgets' containers forget their
arrangements, as each widget's idle would have them do). What Textual later finds to do is then
nothing. A change that needs a scroll or a new composition is left to Textual.

It reads Textual's own flags (private, as Textual is pinned to one release in ``pyproject.toml``);
``tests/ui/test_paint_now.py`` checks the terminal it draws against a fresh drawing of the screen.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget


def paint_now(screen: Screen) -> bool:
    """Draw what ``screen``'s widgets marked, now, laying the screen out first if one of them
    changed size; False, doing nothing, when the screen is not the one shown, updates are batched,
    or anything needs a scroll or a new composition."""
    if not screen.is_current or screen.app._batch_count or _needs_more(screen) or screen._repaint_required:
        return False  # (a screen's own repaint is of the whole screen: Textual's to make)
    widgets = list(screen.walk_children(with_self=False))
    if any(_needs_more(widget) for widget in widgets):
        return False
    marked = {widget for widget in widgets if widget._repaint_required and widget.display}
    resized = [widget for widget in widgets if widget._layout_required]
    if not marked and not resized:
        return False
    for widget in marked:  # what the widget's idle would tell the screen, told now
        widget._repaint_required = False
    screen._dirty_widgets |= marked  # with any the screen was already told of: drawn and cleared at once
    if resized or screen._layout_required:
        for widget in resized:
            _forget_arrangements(widget)
        screen._refresh_layout()  # lays out, then draws (as the screen's timer would)
        screen._layout_required = False
        return True
    screen._compositor.update_widgets(screen._dirty_widgets)
    screen._compositor_refresh()
    return True


def _forget_arrangements(widget) -> None:
    """What a widget's idle does when it needs a layout (``Widget._check_refresh``): its containers
    forget how they arranged their children, up to the first whose size does not follow them."""
    widget._layout_required = False
    for ancestor in widget.ancestors:
        if not isinstance(ancestor, Widget):
            break
        ancestor._clear_arrangement_cache()
        ancestor._layout_updates += 1
        if not ancestor.styles.auto_dimensions:
            break


def _needs_more(node) -> bool:
    """A node waiting for more than a repaint or a layout: a scroll, a new composition."""
    return bool(node._scroll_required or node._recompose_required)

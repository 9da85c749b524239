"""``frozen``: attrs' frozen classes, with one shared ``__repr__`` instead of one compiled per class.

attrs writes each class's methods as source and compiles them when the class is made; the repr is
about a third of that work. The game builds about ninety classes before the table's first frame,
so a compiled repr each cost it some 25 ms, for a method only a traceback or a test failure calls.
The shared one reads the class's fields when it is called and prints what attrs' own would print
(the same names, values, custom field reprs and guard against a value that contains itself).
The other methods attrs compiles are kept between launches (``sim.compiled_methods``, installed by
``sim/__init__.py``).
"""

from __future__ import annotations

import threading
from typing import Any, Callable, TypeVar, overload

import attrs

T = TypeVar("T", bound=type)

_repring = threading.local()  # ids of the objects whose repr is being written, per thread


def _repr(self: Any) -> str:
    shown = getattr(_repring, "ids", None)
    if shown is None:
        shown = _repring.ids = set()
    if id(self) in shown:
        return "..."
    shown.add(id(self))
    try:
        parts = []
        for field in attrs.fields(type(self)):
            if field.repr is False:
                continue
            value = getattr(self, field.name) if field.init else getattr(self, field.name, attrs.NOTHING)
            parts.append(f"{field.name}={(repr if field.repr is True else field.repr)(value)}")
        name = type(self).__qualname__.rsplit(">.", 1)[-1]
        return f"{name}({', '.join(parts)})"
    finally:
        shown.discard(id(self))


@overload
def frozen(maybe_cls: T, **options: Any) -> T: ...
@overload
def frozen(maybe_cls: None = None, **options: Any) -> Callable[[T], T]: ...


def frozen(maybe_cls=None, **options):
    """``attrs.frozen`` with the shared repr; a class that writes its own ``__repr__`` keeps it."""

    def wrap(cls):
        own = "__repr__" in cls.__dict__
        made = attrs.frozen(cls, repr=False, **options)  # its own __repr__, if any, is kept as written
        if not own:
            made.__repr__ = _repr
        return made

    return wrap if maybe_cls is None else wrap(maybe_cls)

"""sim.record.frozen: attrs' frozen classes with one shared repr, read as attrs' own would be."""

from __future__ import annotations

import importlib
import pkgutil

import attrs
from hypothesis import given
from hypothesis import strategies as st

import sim
from sim import record
from sim.record import frozen


def pair(**options):
    """The same class made by attrs (its compiled repr) and by sim.record (the shared one)."""

    def body(namespace):
        namespace["__annotations__"] = {"a": "int", "b": "object", "c": "str", "d": "tuple"}
        namespace["b"] = attrs.field(default=None)
        namespace["c"] = attrs.field(default="", repr=False)
        namespace["d"] = attrs.field(default=(), repr=lambda value: f"<{len(value)} items>")

    theirs = attrs.frozen(type("Sample", (), _namespace(body)), **options)
    ours = frozen(type("Sample", (), _namespace(body)), **options)
    return theirs, ours


def _namespace(body) -> dict:
    namespace: dict = {"__qualname__": "Outer.Sample"}
    body(namespace)
    return namespace


values = st.recursive(
    st.none() | st.integers() | st.text(max_size=8) | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner),
    max_leaves=6,
)


@given(a=st.integers(), b=values, c=st.text(max_size=5), d=st.lists(st.integers(), max_size=4).map(tuple))
def test_the_shared_repr_reads_as_attrs_own(a, b, c, d) -> None:
    for options in ({}, {"eq": False}, {"cache_hash": True}):
        theirs, ours = pair(**options)
        assert repr(ours(a, b, c, d)) == repr(theirs(a, b, c, d))


def test_a_value_that_contains_its_holder_is_shown_as_dots_like_attrs() -> None:
    theirs, ours = pair()
    for cls in (theirs, ours):
        held: list = []
        outer = cls(1, held)
        held.append(outer)
        assert repr(outer) == "Outer.Sample(a=1, b=[...], d=<0 items>)"


def test_a_field_outside_init_is_shown_and_an_own_repr_is_kept() -> None:
    @frozen
    class Later:
        a: int
        b: int = attrs.field(init=False, default=2)

    @attrs.frozen
    class LaterTheirs:
        a: int
        b: int = attrs.field(init=False, default=2)

    assert repr(Later(1)).split("(")[1] == repr(LaterTheirs(1)).split("(")[1]

    @frozen
    class Own:
        a: int

        def __repr__(self) -> str:
            return "own"

    assert repr(Own(1)) == "own"


def test_every_attrs_class_in_the_package_shares_the_repr_or_writes_its_own() -> None:
    """Each attrs class of the package was made by sim.record.frozen (the shared repr) or writes its
    own repr: none pays for a compiled one (attrs.frozen used directly) or shows an address."""
    checked = 0
    for info in pkgutil.walk_packages(sim.__path__, "sim."):
        if info.name.endswith("__main__"):
            continue  # runs the command line
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra (the class server's database drivers, say)
            continue
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == module.__name__:
                own = value.__repr__
                written = getattr(own, "__code__", None) is not None and not own.__code__.co_filename.startswith("<attrs")
                assert own is record._repr or (written and own is not object.__repr__), value
                checked += 1
    assert checked > 80

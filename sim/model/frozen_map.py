"""A read-only, hashable mapping, so that model objects can be frozen, compared and hashed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """Equal to any mapping with the same items; order is kept for display but ignored by ``==``."""

    __slots__ = ("_items", "_hash")

    def __init__(self, items: Mapping[K, V] | None = None, /, **kwargs: V) -> None:
        self._items: dict[K, V] = dict(items or {}, **kwargs)
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    # Direct dict calls: the Mapping mixins go through __getitem__ and an exception, several times slower.
    def get(self, key: K, default: V | None = None) -> V | None:  # type: ignore[override]
        return self._items.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._items.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def replace(self, **changes: V) -> "FrozenMap[K, V]":
        return FrozenMap({**self._items, **changes})

    def without(self, *keys: K) -> "FrozenMap[K, V]":
        return FrozenMap({k: v for k, v in self._items.items() if k not in keys})

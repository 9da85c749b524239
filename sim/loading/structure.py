"""Structuring one element of a file, reporting its problems instead of raising them."""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs
from cattrs import Converter

from sim.loading.converter import CONVERTER, translate
from sim.loading.problems import KeyPath


def structure_element(value: Any, cls: type, at: KeyPath, found: list, converter: Converter = CONVERTER) -> Any:
    """``value`` as a ``cls``, or None; its problems go to ``found``, addressed under ``at``.

    When some keys are broken, the element is structured again without them (a broken required
    enum takes a stand-in value), so that the checks of everything else in it still run and report
    in the same pass: every problem at once. Such a repaired element only ever feeds checks, since
    the file has already failed.
    """
    try:
        return converter.structure(value, cls)
    except Exception as error:  # noqa: BLE001 - translated into problems, never re-raised
        problems = translate(error)
        found.extend((at + path, message, fix) for path, message, fix in problems)
    if not isinstance(value, dict) or not attrs.has(cls):
        return None
    broken = {path[0] for path, _, _ in problems if path} & value.keys()
    if not broken:
        return None
    repaired = {k: v for k, v in value.items() if k not in broken}
    for field in attrs.fields(attrs.resolve_types(cls)):
        if field.name in broken and field.default is attrs.NOTHING:
            if isinstance(field.type, type) and issubclass(field.type, Enum):
                repaired[field.name] = next(iter(field.type)).value
            else:
                return None
    try:
        return converter.structure(repaired, cls)
    except Exception:  # noqa: BLE001 - its problems were reported above
        return None

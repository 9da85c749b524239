"""Writing scenarios back to TOML, in the shape the loader reads (proposals: `sim.loading.drafts`)."""

from __future__ import annotations

from typing import Any

import tomli_w
from cattrs import Converter
from cattrs.gen import make_dict_unstructure_fn, override

from sim.loading.rule_parser import rule_to_data
from sim.model import FrozenMap, Rule, Scenario
from sim.model.scenario import Basis, Confidence, Difficulty, Kind, Role


def _make() -> Converter:
    converter = Converter()
    converter.register_unstructure_hook(Rule, rule_to_data)
    converter.register_unstructure_hook_func(lambda t: isinstance(t, type) and issubclass(t, FrozenMap),
                                             lambda m: {k: converter.unstructure(v) for k, v in m.items()})
    for enum in (Role, Kind, Confidence, Basis, Difficulty):
        converter.register_unstructure_hook(enum, lambda e: e.value)
    converter.register_unstructure_hook(Scenario, make_dict_unstructure_fn(Scenario, converter, path=override(omit=True)))
    return converter


_CONVERTER = _make()


def _file_shape(data: Any) -> Any:
    """The model's data as the file writes it: no empty optional values (TOML has no null), and
    by-kind walk-aways back in the ``walk_away = { default = .., <kind> = .. }`` table."""
    if isinstance(data, list):
        return [_file_shape(item) for item in data]
    if not isinstance(data, dict):
        return data
    out = {k: _file_shape(v) for k, v in data.items() if v is not None}
    by_kind = out.pop("walk_away_by_kind", None)
    if by_kind:
        out["walk_away"] = {**({"default": out["walk_away"]} if "walk_away" in out else {}), **by_kind}
    for key in ("changes", "kinds", "applies_to", "drop_red_lines"):
        if out.get(key) == []:
            del out[key]
    return out


def scenario_to_toml(scenario: Scenario) -> str:
    data = _file_shape(_CONVERTER.unstructure(scenario, Scenario))
    for key in ("kind", "positions_date"):  # set by resolution, never written by an author
        data.pop(key, None)
    # The library's keys are top-level keys in the file (see sim.model.Library).
    library = {k: v for k, v in data.pop("library", {}).items() if v not in ("", None)}
    data.update(library)  # tomli_w writes plain keys before tables, wherever they sit in the dict
    return tomli_w.dumps(data)


"""Writing scenarios back to TOML, in the shape the loader reads (proposals: `sim.loading.drafts`)."""

from __future__ import annotations

from typing import Any

import tomli_w
from cattrs import Converter
from cattrs.gen import make_dict_unstructure_fn, override

from sim.model import AllOf, AnyOf, AtLeast, AtMost, Forbid, FrozenMap, Not, Require, Rule, Scenario
from sim.model.scenario import Confidence, Kind, Role


def rule_to_data(rule: Rule) -> dict[str, Any]:
    if isinstance(rule, (Require, Forbid)):
        return {"issue": rule.issue, "require" if isinstance(rule, Require) else "forbid": list(rule.options)}
    if isinstance(rule, (AtLeast, AtMost)):
        return {"issue": rule.issue, "at_least" if isinstance(rule, AtLeast) else "at_most": rule.option}
    if isinstance(rule, (AllOf, AnyOf)):
        return {"all_of" if isinstance(rule, AllOf) else "any_of": [rule_to_data(r) for r in rule.rules]}
    if isinstance(rule, Not):
        return {"not": rule_to_data(rule.rule)}
    return {"if": rule_to_data(rule.condition), "then": rule_to_data(rule.then)}


def _make() -> Converter:
    converter = Converter()
    converter.register_unstructure_hook(Rule, rule_to_data)
    converter.register_unstructure_hook_func(lambda t: isinstance(t, type) and issubclass(t, FrozenMap),
                                             lambda m: {k: converter.unstructure(v) for k, v in m.items()})
    for enum in (Role, Kind, Confidence):
        converter.register_unstructure_hook(enum, lambda e: e.value)
    converter.register_unstructure_hook(Scenario, make_dict_unstructure_fn(Scenario, converter, path=override(omit=True)))
    return converter


_CONVERTER = _make()


def scenario_to_toml(scenario: Scenario) -> str:
    return tomli_w.dumps(_CONVERTER.unstructure(scenario, Scenario))

"""The immutable data model: scenarios, proposals and the rule vocabulary."""

from sim.model.frozen_map import FrozenMap
from sim.model.proposal import Proposal
from sim.model.rules import AllOf, AnyOf, AtLeast, AtMost, Forbid, IfThen, Not, Require, Rule
from sim.model.teaching import Aftermath, Teaching
from sim.model.scenario import (
    Citation,
    Confidence,
    Issue,
    Kind,
    Option,
    Party,
    Preference,
    RedLine,
    Role,
    Scenario,
    Source,
)

__all__ = [
    "Aftermath", "AllOf", "AnyOf", "AtLeast", "AtMost", "Citation", "Confidence", "Forbid", "FrozenMap",
    "IfThen", "Issue", "Kind", "Not", "Option", "Party", "Preference", "Proposal", "RedLine",
    "Require", "Role", "Rule", "Scenario", "Source", "Teaching",
]

"""The immutable data model: scenarios, proposals and the rule vocabulary."""

from sim.model.frozen_map import FrozenMap
from sim.model.proposal import Proposal
from sim.model.rules import AllOf, AnyOf, AtLeast, AtMost, Forbid, IfThen, Not, Require, Rule
from sim.model.teaching import Aftermath, Teaching
from sim.model.scenario import (
    IMPLICIT_KIND,
    AgreementKind,
    Basis,
    Change,
    Citation,
    Confidence,
    Difficulty,
    Issue,
    Kind,
    Library,
    Option,
    Party,
    Preference,
    RedLine,
    Role,
    Scenario,
    Source,
)

__all__ = [
    "IMPLICIT_KIND", "AgreementKind", "Basis", "Change",
    "Aftermath", "AllOf", "AnyOf", "AtLeast", "AtMost", "Citation", "Confidence", "Difficulty", "Forbid", "FrozenMap",
    "IfThen", "Issue", "Kind", "Library", "Not", "Option", "Party", "Preference", "Proposal", "RedLine",
    "Require", "Role", "Rule", "Scenario", "Source", "Teaching",
]

"""The rules engine: every party's verdict on a proposal, explained clause by clause."""

from sim.engine.assess import Assessment, PartyAssessment, Verdict, Violation, assess
from sim.engine.compiled import SCALE, CompiledScenario, compiled

__all__ = ["Assessment", "CompiledScenario", "PartyAssessment", "SCALE", "Verdict", "Violation", "assess", "compiled"]

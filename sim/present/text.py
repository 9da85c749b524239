"""Plain-text rendering for the terminal: readable in a pipe, no colour codes, no UI library."""

from __future__ import annotations

import textwrap

from sim.engine import Assessment, Verdict
from sim.model import Scenario
from sim.model.plain import party_names, source_name, terms_text

MARKS = {Verdict.ACCEPT: "accept", Verdict.BASIS: "basis (open to talks)", Verdict.REJECT: "REJECT"}


def wrap(text: str, indent: str, width: int = 96) -> str:
    """Fills each paragraph (separated by a blank line) on its own, keeping the blank lines."""
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(
        textwrap.fill(p, width, initial_indent=indent, subsequent_indent=indent) for p in paragraphs if p
    )


def table(rows: list[list[str]], right: set[int] = frozenset()) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def source_line(scenario: Scenario, citation) -> str:
    source = scenario.source(citation.source)
    return f"{source_name(source)}, {source.date.isoformat()} [{citation.confidence.value} confidence]"


def render_assessment(scenario: Scenario, assessment: Assessment) -> str:
    proposal = assessment.proposal
    out = [f"Proposal: {proposal.title or '(untitled)'}    scenario: {scenario.id}"]
    open_count = len(scenario.issues) - len(proposal.terms)
    out.append(f"Terms set: {len(proposal.terms)} of {len(scenario.issues)} issues ({open_count} open)")
    fit = assessment.kind
    if fit is not None and scenario.kinds:
        how = "inferred from what it settles" if fit.inferred else "as it states"
        out.append(f"Kind: {fit.kind.title} ({fit.kind.id}), {how}; positions as of {assessment.as_of}")
        for problem in fit.problems:
            out.append(wrap(f"not {fit.kind.id}: {problem}", "  "))
    elif assessment.as_of is not None:
        out.append(f"Positions as of {assessment.as_of}")
    if assessment.deal:
        out.append("Deal: YES - every principal accepts.")
    elif not assessment.blockers:
        out.append("Deal: no - every principal accepts the terms, but the text is no kind of agreement "
                   "the parties could sign (see above).")
    else:
        names = party_names(scenario, assessment.blockers, last=", ")
        out.append(f"Deal: no - blocked by {names}.")
    out.append("")
    rows = [["Party", "Role", "Verdict", "Utility", "Walk-away", "Red lines crossed"]]
    for r in assessment.parties:
        crossed = f"{len(r.violations)} hard" + (f", {len(r.penalties)} soft" if r.penalties else "")
        rows.append([r.party.name, r.party.role.value, MARKS[r.verdict], f"{r.utility:.1f}", f"{r.walk_away:.1f}", crossed])
    out.append(table(rows, right={3, 4}))
    for r in assessment.parties:
        if not (r.violations or r.penalties):
            continue
        out.append("")
        out.append(f"{r.party.name} ({MARKS[r.verdict]}):")
        for v in (*r.violations, *r.penalties):
            kind = "hard red line" if v.hard else f"soft red line, -{v.penalty:g} utility"
            out.append(wrap(f"x {v.statement} [{v.id}, {kind}]", "  "))
            out.append(wrap(f"because: {terms_text(scenario, v.triggers)}", "      "))
            for citation in v.citations:
                out.append(wrap(f"source: {source_line(scenario, citation)}", "      "))
                out.append(wrap(f"says: {citation.passage}", "        "))
            if v.red_line.note:
                out.append(wrap(f"note: {v.red_line.note}", "      "))
        if not r.violations and r.verdict is Verdict.BASIS:
            out.append(f"  short of its walk-away level by {r.walk_away - r.utility:.1f} points")
    return "\n".join(out)

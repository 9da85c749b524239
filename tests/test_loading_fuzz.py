"""Whatever bytes a file holds, the loader raises ScenarioError or returns a model: nothing else."""

from __future__ import annotations

from pathlib import Path

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from sim.loading import ScenarioError, parse_proposal, parse_scenario
from sim.loading.toml_file import parse_text
from sim.loading.files import scenario_from_toml

TUTORIAL = Path(__file__).resolve().parent.parent / "scenarios" / "tutorial"
TEXT = (TUTORIAL / "scenario.toml").read_text(encoding="utf-8")
LINES = TEXT.splitlines(keepends=True)

toml_scalars = st.one_of(
    st.text(max_size=12), st.integers(-10**6, 10**6), st.floats(allow_nan=False), st.booleans(), st.dates(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=10), inner, max_size=4)),
    max_leaves=12,
)


def _load_only_scenario_errors(raw: bytes) -> None:
    try:
        scenario_from_toml(parse_text(raw, "fuzz.toml"))
    except ScenarioError as error:
        assert error.problems, "a ScenarioError always carries at least one problem"
        for problem in error.problems:
            assert problem.file == "fuzz.toml" and problem.message


@given(st.binary(max_size=400))
def test_random_bytes(raw: bytes) -> None:
    _load_only_scenario_errors(raw)


@given(st.dictionaries(st.sampled_from(["id", "title", "summary", "as_of", "issues", "parties", "sources", "x"]),
                       toml_values, max_size=8))
def test_random_documents(document: dict) -> None:
    _load_only_scenario_errors(tomli_w.dumps(document).encode())


@st.composite
def mutated_tutorial(draw) -> bytes:
    """The tutorial with a few lines deleted, duplicated, swapped or with a character changed."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "poke"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:k] + draw(st.sampled_from(list('"[]{}=,.#x0 \\'))) + lines[i][k + 1 :]
    return "".join(lines).encode()


@given(mutated_tutorial())
def test_mutated_tutorial(raw: bytes) -> None:
    _load_only_scenario_errors(raw)


@given(mutated_tutorial(), st.integers(0, 10_000))
def test_mutated_bytes(raw: bytes, position: int) -> None:
    position %= max(1, len(raw))
    _load_only_scenario_errors(raw[:position] + b"\xff\xfe" + raw[position:])


@given(st.dictionaries(st.sampled_from(["scenario", "title", "terms", "description", "extra"]), toml_values, max_size=5))
def test_random_proposals(document: dict) -> None:
    scenario = parse_scenario(TEXT)
    try:
        parse_proposal(tomli_w.dumps(document), scenario)
    except ScenarioError as error:
        assert error.problems

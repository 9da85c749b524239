"""Every kind of bad input gets a clear problem: where, what, and how to fix it. Tested word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.loading import ScenarioError, load_scenario, parse_proposal, parse_scenario
from sim.loading.toml_file import MAX_BYTES

TUTORIAL = Path(__file__).resolve().parent.parent / "scenarios" / "tutorial"
TEXT = (TUTORIAL / "scenario.toml").read_text(encoding="utf-8")


def edited(*replacements: tuple[str, str]) -> str:
    text = TEXT
    for old, new in replacements:
        assert old in text, f"test setup: {old!r} is not in the tutorial"
        text = text.replace(old, new, 1)
    return text


def problems_of(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, name="s.toml")
    return [str(p) for p in caught.value.problems]


def line_of(fragment: str, text: str) -> int:
    return text.splitlines().index(next(line for line in text.splitlines() if fragment in line)) + 1


def test_the_tutorial_itself_loads() -> None:
    assert parse_scenario(TEXT).id == "tutorial"


def test_unknown_key_is_named_with_its_line_and_a_correction() -> None:
    text = edited(("weight = 30\n", "wieght = 30\n"))
    assert problems_of(text) == [
        f"s.toml:{line_of('wieght = 30', text)}: parties[0].preferences.water.wieght: unknown key `wieght`; "
        "did you mean `weight`?"
    ]


def test_wrong_type_says_what_was_expected_and_found() -> None:
    text = edited(("walk_away = { default = 45, ceasefire = 25 }", 'walk_away = "45"'))
    at0 = line_of('walk_away = "45"', text)
    assert problems_of(text) == [
        f"s.toml:{at0}: parties[0].walk_away: expected a number, found text '45'; "
        "write a number without quotes, like 40"
    ]


def test_missing_required_key_points_at_the_table() -> None:
    text = edited(('id = "arvenia"\nname = "Arvenia"\n', 'id = "arvenia"\n'))
    at0 = line_of("[[parties]]", text)  # the table that lacks the key
    assert problems_of(text) == [
        f"s.toml:{at0}: parties[0]: missing required key `name`; "
        "add `name = ...`; see scenarios/FORMAT.md"
    ]


def test_rule_naming_an_unknown_issue_suggests_the_right_one() -> None:
    text = edited(('rule = { issue = "monitors", forbid', 'rule = { issue = "monitor", forbid'))
    line = line_of('issue = "monitor", forbid', text)
    assert problems_of(text) == [
        f"s.toml:{line}: parties[0].red_lines[1].rule.issue: unknown issue `monitor`; did you mean `monitors`?"
    ]


def test_rule_naming_an_option_that_does_not_exist() -> None:
    text = edited(('at_least = "w50"', 'at_least = "w55"'))
    assert problems_of(text) == [
        f"s.toml:{line_of('w55', text)}: parties[0].red_lines[0].rule.at_least: issue `water` has no option "
        "`w55`; did you mean `w50`?"
    ]


def test_nested_rule_problem_has_the_full_path() -> None:
    text = edited(('then = { issue = "monitors", at_least = "observers" }', 'then = { issue = "monitors", at_least = "observer" }'))
    at0 = line_of('at_least = "observer"', text)
    assert problems_of(text) == [
        f"s.toml:{at0}: parties[1].red_lines[1].rule.then.at_least: issue "
        "`monitors` has no option `observer`; did you mean `observers`?"
    ]


def test_malformed_rules_are_explained() -> None:
    text = edited(
        ('rule = { issue = "water", at_least = "w50" }', 'rule = { issue = "water", at_least = "w50", forbid = ["w30"] }'),
        ('rule = { issue = "monitors", forbid = ["peacekeepers"] }', 'rule = { forbid = ["peacekeepers"] }'),
        ('rule = { not = { issue = "mirel", require = "belmark_keeps" } }', 'rule = { nto = { issue = "mirel" } }'),
    )
    found = problems_of(text)
    assert [p.split(": ", 2)[1:] for p in found] == [
        ["parties[0].red_lines[0].rule", "a rule has one kind, found `forbid` and `at_least`; combine separate rules with all_of"],
        ["parties[0].red_lines[1].rule", '`forbid` needs the issue it is about; add `issue = "..."` beside `forbid`'],
        ["parties[0].red_lines[2].rule.nto", "unknown rule key `nto`; did you mean `not`?"],
    ]


def test_if_without_then() -> None:
    text = edited((', then = { issue = "monitors", at_least = "observers" }', ""))
    assert [p.split(": ", 2)[2] for p in problems_of(text)] == [
        "`if` without `then`; add `then = { ... }`: what must hold when `if` does"
    ]


UNION_CONFIDENCE = 'at least evenly for Belmark."\nconfidence = "low"'


def test_red_line_without_citation() -> None:
    text = edited(("""[[parties.red_lines.citations]]
source = "union-communique"
passage = "The Union said it would pay only for a settlement that splits the lake at least evenly for Belmark."
confidence = "low"
""", ""))
    assert [p.split(": ", 2)[1:] for p in problems_of(text)] == [
        ["parties[2].red_lines[0].citations",
         "red line `fair_water_split` cites no source; add a [[parties.red_lines.citations]] table with source, "
         "passage and confidence"]
    ]


def test_a_broken_only_citation_is_reported_once() -> None:
    text = edited((UNION_CONFIDENCE, UNION_CONFIDENCE.replace('"low"', '"lo"')))
    assert [p.split(": ", 2)[1:] for p in problems_of(text)] == [
        ["parties[2].red_lines[0].citations[0].confidence",
         'expected "high" or "medium" or "low", found text \'lo\'; did you mean `low`?']
    ]


def test_citation_of_an_unknown_source() -> None:
    text = edited(('source = "union-communique"\npassage', 'source = "union-comunique"\npassage'))
    assert [p.split(": ", 2)[1:] for p in problems_of(text)] == [
        ["parties[2].red_lines[0].citations[0].source", "unknown source `union-comunique`; did you mean `union-communique`?"]
    ]


def test_out_of_range_weight_value_and_walk_away() -> None:
    text = edited(("weight = 30", "weight = 300"), ("w70 = 100 }", "w70 = 101 }"), ("walk_away = 50\ncapital", "walk_away = -5\ncapital"))
    assert [p.split(": ", 2)[1:] for p in problems_of(text)] == [
        ["parties[0].preferences.water.weight", "300 is out of range; use a number from 0 to 100"],
        ["parties[0].preferences.water.values.w70", "101 is out of range; use a number from 0 to 100"],
        ["parties[1].walk_away", "-5 is out of range; use a number from 0 to 100"],
    ]


def test_preference_missing_an_option_value_or_naming_an_unknown_one() -> None:
    text = edited(("values = { w30 = 0, w50 = 60, w70 = 100 }", "values = { w30 = 0, w5 = 60, w70 = 100 }"))
    assert [p.split(": ", 2)[1:] for p in problems_of(text)] == [
        ["parties[0].preferences.water.values.w5", "issue `water` has no option `w5`; did you mean `w50`?"],
        ["parties[0].preferences.water.values", "no value for `w50`; give every option a value from 0 to 100"],
    ]


def test_unknown_issue_in_preferences() -> None:
    text = edited(("[parties.preferences.water]\nweight = 30", "[parties.preferences.watr]\nweight = 30"))
    assert [p.split(": ", 2)[1:] for p in problems_of(text)] == [
        ["parties[0].preferences.watr", "unknown issue `watr`; did you mean `water`?"]
    ]


def test_duplicate_ids() -> None:
    text = edited(('id = "bel-statement"', 'id = "arv-address"'), ('{ id = "w50", label', '{ id = "w30", label'))
    found = [p.split(": ", 2)[1:] for p in problems_of(text)]
    assert ["sources[1].id", "duplicate source id `arv-address`; give each a different id"] in found
    assert ["issues[1].options[1].id", "duplicate option (in issue `water`) id `w30`; give each a different id"] in found


def test_invalid_id_characters() -> None:
    text = edited(('id = "crossing"', 'id = "Border Crossing"'))
    found = [p.split(": ", 2)[1:] for p in problems_of(text)]
    assert found[0] == [
        "issues[4].id",
        "`Border Crossing` is not a valid id; ids use lowercase letters, digits, `_` and `-`, like `nato_membership`",
    ]


def test_party_contradicting_itself_names_the_clashing_red_lines() -> None:
    extra = '''
[[parties.red_lines]]
id = "never_half"
statement = "Contradicts half_the_lake on purpose."
rule = { issue = "water", at_most = "w30" }

[[parties.red_lines.citations]]
source = "arv-address"
passage = "A test."
'''
    text = edited(('[[parties]]\nid = "belmark"', extra + '\n[[parties]]\nid = "belmark"'))
    assert [p.split(": ", 2)[1:] for p in problems_of(text)] == [
        ["parties[0].red_lines", "the red lines of `arvenia` contradict each other: `half_the_lake`, `never_half` "
         "cannot all hold at once; relax or remove one of them"]
    ]


def test_every_problem_in_a_file_is_reported_at_once_in_file_order() -> None:
    text = edited(
        ("walk_away = { default = 45, ceasefire = 25 }", 'walk_away = "high"'),
        ('rule = { issue = "monitors", forbid', 'rule = { issue = "monitor", forbid'),
        ('source = "union-communique"\npassage', 'source = "nobody"\npassage'),
        (UNION_CONFIDENCE, UNION_CONFIDENCE.replace('"low"', '"lo"')),
    )
    found = problems_of(text)
    assert len(found) == 4
    lines = [int(p.split(":")[1]) for p in found]
    assert lines == sorted(lines)


def test_toml_syntax_error_has_line_and_column() -> None:
    text = TEXT.replace('title = "Status of Mirel"', 'title = "Status of Mirel', 1)
    found = problems_of(text)
    at0 = line_of('title = "Status of Mirel', text)
    assert len(found) == 1
    assert found[0].startswith(f"s.toml:{at0}: TOML syntax error at column")
    assert found[0].endswith("check the quotes, brackets and `=` signs there; see scenarios/FORMAT.md")


def test_non_utf8_bytes(tmp_path: Path) -> None:
    bad = tmp_path / "scenario.toml"
    bad.write_bytes(TEXT.encode("utf-8").replace(b"Arvenia's opening", b"Arvenia\xe9s opening", 1) + b'\n# caf\xe9\n')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path)
    (problem,) = caught.value.problems
    assert str(problem) == (
        f"{bad}:{TEXT.count(chr(10)) + 2}: byte {len(TEXT.encode()) + 6} is not UTF-8 text (0xe9); "
        "save the file as UTF-8 in your editor"
    )


def test_file_too_large(tmp_path: Path) -> None:
    big = tmp_path / "scenario.toml"
    big.write_bytes(b"# padding\n" * (MAX_BYTES // 10 + 1))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(big)
    assert "more than the 2,097,152 allowed" in str(caught.value)


def test_nested_too_deep() -> None:
    found = problems_of("x = " + "[" * 200 + "]" * 200)
    assert found == ["s.toml:1: tables, arrays or dotted keys are nested more than 48 deep; flatten the nesting"]


def test_rule_nested_too_deep() -> None:
    deep = '{ issue = "water", forbid = "w30" }'
    for _ in range(14):
        deep = "{ not = " + deep + " }"
    text = edited(('rule = { issue = "water", at_least = "w50" }', f"rule = {deep}"))
    assert any("rules are nested more than 12 deep; simplify the rule" in p for p in problems_of(text))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path / "nowhere")
    assert str(caught.value) == f"{tmp_path / 'nowhere'}: no such file; check the path and its spelling"
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path)  # a folder without scenario.toml
    assert str(caught.value) == f"{tmp_path / 'scenario.toml'}: no such file; check the path and its spelling"


def test_proposal_for_another_scenario() -> None:
    scenario = parse_scenario(TEXT)
    with pytest.raises(ScenarioError) as caught:
        parse_proposal('scenario = "ukraine-2025"\n[terms]\nmirel = "joint_admin"\n', scenario, name="p.toml")
    assert [str(p) for p in caught.value.problems] == [
        "p.toml:1: scenario: this proposal is for scenario `ukraine-2025`, not `tutorial`; "
        'load it with its own scenario, or set scenario = "tutorial"'
    ]


def test_proposal_with_unknown_issue_option_and_key() -> None:
    scenario = parse_scenario(TEXT)
    text = 'scenario = "tutorial"\ntitel = "x"\n[terms]\nmirrel = "joint_admin"\nwater = "w5"\nprisoners = 3\n'
    with pytest.raises(ScenarioError) as caught:
        parse_proposal(text, scenario, name="p.toml")
    assert [str(p) for p in caught.value.problems] == [
        "p.toml:2: titel: unknown key `titel`; did you mean `title`?",
        "p.toml:6: terms.prisoners: expected text, found a number 3; put the text in quotes, like \"...\"",
    ]
    text = 'scenario = "tutorial"\n[terms]\nmirrel = "joint_admin"\nwater = "w5"\n'
    with pytest.raises(ScenarioError) as caught:
        parse_proposal(text, scenario, name="p.toml")
    assert [str(p) for p in caught.value.problems] == [
        "p.toml:3: terms.mirrel: unknown issue `mirrel`; did you mean `mirel`?",
        "p.toml:4: terms.water: issue `water` has no option `w5`; did you mean `w50`? To leave the issue open, "
        "remove this line",
    ]


def test_a_list_of_tables_written_as_something_else() -> None:
    text = edited(
        ("[[parties.red_lines.citations]]\nsource = \"arv-address\"\npassage = \"The president told",
         "[parties.red_lines.citations]\nsource = \"arv-address\"\npassage = \"The president told"),
    ) + '\n[[parties]]\nid = "extra"\nname = "Extra"\nrole = "stakeholder"\nwalk_away = 1\nred_lines = "none"\n' \
        'preferences = { water = { weight = 1, values = { w30 = 1, w50 = 1, w70 = 1 } } }\n'
    found = [p.split(": ", 2)[1:] for p in problems_of(text)]
    assert ["parties[0].red_lines[0].citations",
            "expected a list of tables, found a table; write [[parties.red_lines.citations]] tables"] in found
    assert ["parties[3].red_lines",
            "expected a list of tables, found text 'none'; write [[parties.red_lines]] tables"] in found
    assert problems_of('id = "x"\ntitle = "x"\nsummary = "x"\nas_of = 2025-01-01\nissues = 3\nparties = []\n') == [
        "s.toml:5: issues: expected a list of tables, found a number 3; write [[issues]] tables"
    ]

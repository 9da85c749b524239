"""What a player reads when asking why, or where a claim comes from."""

from sim import catalog
from sim.engine import assess
from sim.model import Proposal
from sim.present import markdown


def test_reasons_give_each_crossed_red_line_with_its_terms_and_source() -> None:
    scenario = catalog.find_scenario("tutorial")
    draft = Proposal("tutorial", {"water": "w30", "monitors": "observers"})
    result = assess(scenario, draft).party("arvenia")
    text = markdown.reasons_markdown(scenario, result, draft.terms)
    assert "Arvenia will not sign for less than half of the lake's water." in text
    assert "Crossed by: Arvenia's share of the lake's water: 30 percent" in text
    assert "President Oda's address to the Arvenian parliament" in text
    assert "(high confidence)" in text
    assert "## Red lines the draft respects" in text  # the ones not crossed are listed too
    # Mirel is left open: the line about it is not at stake, never "respected".
    respected, idle = text.split("## Red lines the draft respects")[1].split("## Not at stake")
    assert "No armed foreign troops" in respected and "Mirel cannot simply stay Belmarkian" in idle


def test_a_source_page_lists_everything_that_cites_it() -> None:
    scenario = catalog.find_scenario("tutorial")
    cited = markdown.citing(scenario, "arv-address")
    assert {line.id for _, line, _ in cited} >= {"half_the_lake", "no_foreign_troops"}
    text = markdown.source_markdown(scenario, "arv-address", ["**Event**: something happened"])
    assert f"## Cited by {len(cited) + 1} items" in text
    assert "**Event**: something happened" in text


def test_markdown_special_characters_in_scenario_text_are_escaped() -> None:
    assert markdown.escape("a *b* c_d") == "a \\*b\\* c\\_d"


def test_escaped_text_renders_as_typed_in_markdown() -> None:
    """Whatever a file says, the Markdown parser the app uses gives back exactly that text."""
    import html
    import re

    from markdown_it import MarkdownIt

    parser = MarkdownIt("gfm-like")
    for text in ("[/] [bold red]R[/] [@click=app.quit]Q[/]", "- a list?", "12. a number", "# a heading",
                 "a | table | row", "<b>html</b> &amp; `code` ~~gone~~ ![img](x) [link](y) \\back", "*M*_d_ **b**"):
        rendered = parser.render(markdown.escape(text))
        assert html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip() == text, text

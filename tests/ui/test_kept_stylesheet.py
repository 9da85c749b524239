"""The stylesheet kept between launches (sim.ui.kept_stylesheet) gives the rules Textual's own parse
gives, for the app's every source and theme, and the table drawn from them is the same picture;
what has errors, or comes from a file not to be trusted, is parsed again."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.css.stylesheet import StylesheetParseError
from textual.css.stylesheet import Stylesheet

from sim.ui import kept_stylesheet
from sim.ui.app import make_app
from sim.ui.kept_stylesheet import KeptStylesheet
from sim.ui.themes import HIGH_CONTRAST_THEME


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store of this process, kept in a file of the test's own."""
    path = tmp_path / "stylesheet.kept"
    monkeypatch.setattr(kept_stylesheet, "kept_path", lambda: path)
    monkeypatch.setattr(kept_stylesheet, "_store", kept_stylesheet.new_store(save_at_exit=False))  # saved by the tests
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    return path


def next_launch(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process has: nothing in memory, the file on disk to read."""
    monkeypatch.setattr(kept_stylesheet._store, "kept", None)
    monkeypatch.setattr(kept_stylesheet._store, "new", {})


def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts Textual's own parses of a source from now on."""
    seen: list[str] = []
    original = Stylesheet._parse_rules

    def counted(self, css, read_from, *args, **kwargs):
        seen.append(str(read_from))
        return original(self, css, read_from, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "_parse_rules", counted)
    return seen


async def table_sources(theme: str | None = None):
    """The table app's stylesheet sources, as it had them at its first frame, and its picture."""
    app = make_app(screen="table", seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        if theme:
            app.theme = theme
        await pilot.pause()
        sheet = app.stylesheet
        return dict(sheet.source), dict(sheet._variables), app.export_screenshot()


def described(rules) -> list[tuple]:
    """All a rule set carries, in comparable form (a layout object is compared by its kind; not
    ``rule.css``, which Textual cannot write for some of its own rules)."""
    return [
        (rule.selectors, rule.is_default_rules, rule.tie_breaker, sorted(rule.selector_names), sorted(rule.pseudo_classes),
         [selectors.specificity for selectors in rule.selector_set],
         {name: type(value).__name__ if name == "layout" else value for name, value in rule.styles.get_rules().items()})
        for rule in rules
    ]


@pytest.mark.parametrize("theme", [None, HIGH_CONTRAST_THEME])
def test_kept_rules_are_textuals_own_for_every_source_and_theme(run, store, monkeypatch, theme) -> None:
    sources, variables, _ = run(table_sources(theme))
    assert any("app.tcss" in str(where) for where in sources)  # ours, and Textual's widgets' defaults
    kept_stylesheet._store.save()
    next_launch(monkeypatch)
    seen = parses(monkeypatch)
    kept = KeptStylesheet(variables=variables)
    for where, (css, is_default, tie_breaker, scope) in sources.items():
        own = Stylesheet(variables=variables)._parse_rules(css, where, is_default, tie_breaker, scope)
        assert described(kept._parse_rules(css, where, is_default, tie_breaker, scope)) == described(own), where
    assert len(seen) == len(sources)  # only the comparison's own parses: every kept one came from the file


def test_the_table_drawn_from_kept_rules_is_the_same_picture(run, store, monkeypatch) -> None:
    _, _, fresh = run(table_sources())
    kept_stylesheet._store.save()
    next_launch(monkeypatch)
    seen = parses(monkeypatch)
    _, _, kept = run(table_sources())
    assert seen == []
    assert kept == fresh


def test_another_theme_is_another_entry(run, store, monkeypatch) -> None:
    """The rules depend on the theme's variables: a high-contrast launch never gets the default's."""
    sources, variables, _ = run(table_sources())
    ours = next(where for where in sources if "app.tcss" in str(where))
    css, is_default, tie_breaker, scope = sources[ours]
    kept_stylesheet._store.save()
    next_launch(monkeypatch)
    other = dict(variables, primary="#123456")
    seen = parses(monkeypatch)
    rules = KeptStylesheet(variables=other)._parse_rules(css, ours, is_default, tie_breaker, scope)
    assert seen == [str(ours)]
    assert described(rules) == described(Stylesheet(variables=other)._parse_rules(css, ours, is_default, tie_breaker, scope))
    assert described(rules) != described(Stylesheet(variables=variables)._parse_rules(css, ours, is_default, tie_breaker, scope))


def test_a_source_with_errors_is_never_kept(store, monkeypatch) -> None:
    for _ in range(2):
        sheet = KeptStylesheet()
        sheet.add_source("Screen { colour: red; }", read_from=("broken.tcss", ""))
        with pytest.raises(StylesheetParseError):
            sheet.parse()
        kept_stylesheet._store.save()
        next_launch(monkeypatch)
    assert not store.exists() or kept_stylesheet._store._read() == {}


@pytest.mark.parametrize("damage", ["garbage", "not_bytes", "writable_by_others"])
def test_a_kept_file_not_to_be_trusted_is_parsed_again(store, monkeypatch, damage) -> None:
    css, where = "Screen { height: 1fr; }", ("screen.tcss", "")
    KeptStylesheet()._parse_rules(css, where)
    kept_stylesheet._store.save()
    if damage == "garbage":
        store.write_bytes(b"\x80\x05not a pickle")
    elif damage == "not_bytes":
        import pickle

        store.write_bytes(pickle.dumps({key: ["rules"] for key in kept_stylesheet._store.new}))
    else:
        store.chmod(0o666)
    next_launch(monkeypatch)
    seen = parses(monkeypatch)
    rules = KeptStylesheet()._parse_rules(css, where)
    assert seen == [str(where)]
    assert described(rules) == described(Stylesheet()._parse_rules(css, where))

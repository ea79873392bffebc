"""WeasyPrint's HTML parser (tinyhtml5) keeps the expressions it scans text with, and parses as before."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

inputstream = pytest.importorskip("tinyhtml5.inputstream")

from contractgen.writers.pdf import engine  # noqa: E402

HTML = (
    "<!DOCTYPE html><html><head><title>T &amp; C</title></head><body class='draft'>"
    "<p id=a>One &lt; two &amp; <em>three</em>\u00a0four</p><!-- a note --><table><tr><td>x</td></tr></table>"
    '<p title="it\'s">five</p></body></html>'
)


def tree(monkeypatch, cache) -> str:
    """Return the parsed HTML serialized, parsed with `cache` as tinyhtml5's expression cache."""
    monkeypatch.setattr(inputstream, "characters_until_regex", cache)
    monkeypatch.setattr(engine, "parser_regexes_kept", lambda: None)
    return ElementTree.tostring(engine.parse(HTML, "", None).etree_element, encoding="unicode")


def test_the_expressions_are_kept_by_characters_and_the_tree_is_the_same(monkeypatch):
    kept = engine._RegexesByCharacters()
    assert tree(monkeypatch, kept) == tree(monkeypatch, {})
    assert (("&", "<", "\u0000"), False) in kept  # stored under the characters the tokenizer asks for
    assert not any(hasattr(characters, "pattern") for characters, _ in kept)


def test_parsing_installs_the_cache(monkeypatch):
    monkeypatch.setattr(inputstream, "characters_until_regex", {})
    engine.parse(HTML, "", None)
    assert isinstance(inputstream.characters_until_regex, engine._RegexesByCharacters)
    assert inputstream.characters_until_regex  # filled by the parse

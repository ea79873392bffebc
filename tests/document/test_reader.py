"""The Markdown reader, driven by fixture files: tests/fixtures/reader/NAME.md → NAME.json.

Each .json holds the model blocks the reader makes of the .md (fields left at their default
are omitted, so new optional model fields do not churn the fixtures), or {"error": [...]} for
Markdown the reader refuses. Regenerate after a deliberate change with
``UPDATE_FIXTURES=1 .venv/bin/pytest tests/document/test_reader.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import json
import os

import pytest

from contractgen.document.model import CrossRef, ListBlock, Paragraph, Text, inline_text
from contractgen.document.reader import read_inline, read_markdown
from contractgen.errors import DocumentError
from tests import helpers

FIXTURES = helpers.FIXTURES / "reader"
CASES = sorted(p.stem for p in FIXTURES.glob("*.md"))


def to_data(value):
    """Plain data for a model object: its kind plus every field that differs from the default."""
    if dataclasses.is_dataclass(value):
        out = {"kind": value.kind}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.default is not dataclasses.MISSING and item == f.default:
                continue
            if f.default_factory is not dataclasses.MISSING and item == f.default_factory():
                continue
            out[f.name] = to_data(item)
        return out
    if isinstance(value, list):
        return [to_data(v) for v in value]
    return value


def read_case(name: str):
    source = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    try:
        return to_data(read_markdown(source, f"{name}.md", source, 1))
    except DocumentError as exc:
        return {"error": exc.lines()}


def test_there_are_fixtures():
    assert len(CASES) >= 10
    stale = {p.stem for p in FIXTURES.glob("*.json")} - set(CASES)
    assert not stale, f"fixtures without a .md: {sorted(stale)}"


@pytest.mark.parametrize("name", CASES)
def test_reader_fixture(name):
    actual = read_case(name)
    expected_path = FIXTURES / f"{name}.json"
    if os.environ.get("UPDATE_FIXTURES"):
        expected_path.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert expected_path.exists(), f"{expected_path.name} is missing: run with UPDATE_FIXTURES=1"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected


# ---------------------------------------------------------------- the key facts, spelt out
# (so a wrongly regenerated fixture cannot hide a regression)


def blocks_of(name: str):
    source = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    return read_markdown(source, f"{name}.md", source)


def test_paragraph_inlines_and_breaks():
    first, second, third = blocks_of("paragraphs")
    assert inline_text(first.content) == "First paragraph, with a soft line break that becomes a space."
    kinds = [node.kind for node in second.content]
    assert kinds == ["text", "strong", "text", "emph", "text", "emph", "text"]
    assert [n.kind for n in third.content] == ["text", "br", "text", "br", "text"]
    assert (first.line, second.line, third.line) == (1, 4, 6)


def test_nested_lists_and_item_anchors():
    intro, ordered, bullets = blocks_of("lists")
    assert isinstance(ordered, ListBlock) and ordered.ordered and ordered.depth == 1
    assert [item.anchor for item in ordered.items] == ["plan", "", ""]
    inner = ordered.items[1].blocks[1]
    assert isinstance(inner, ListBlock) and inner.ordered and inner.depth == 2
    assert inner.items[0].anchor == "monitoring"
    assert inline_text(inner.items[0].blocks[0].content) == "monitoring;"  # the marker is gone
    assert not bullets.ordered and len(bullets.items) == 2


def test_table_alignment_and_cells():
    (table,) = blocks_of("table")
    assert table.align == ["left", "center", "right"]
    assert [inline_text(c) for c in table.header] == ["Service", "Target", "Credit"]
    assert table.rows[1][0][0].kind == "strong"
    assert isinstance(table.rows[1][2][0], CrossRef) and table.rows[1][2][0].target == "credits"


def test_headings_are_level_three_or_deeper():
    assert [(b.kind, getattr(b, "level", None)) for b in blocks_of("subheading")] == [
        ("heading", 3),
        ("heading", 3),
        ("paragraph", None),
        ("heading", 4),
    ]


def test_cross_references_and_their_lines():
    para, items = blocks_of("crossrefs")
    refs = [n for n in para.content if isinstance(n, CrossRef)]
    assert [(r.target, r.text, r.line) for r in refs] == [
        ("service-credits", "", 1),
        ("schedule-services", "", 1),
        ("plan", "", 2),
    ]
    assert para.anchor == "xref-para"
    assert items.items[0].anchor == "item-anchor"


def test_anchor_only_at_the_end_and_not_when_escaped():
    first, escaped, middle, bullets = blocks_of("anchors")
    assert first.anchor == "first" and inline_text(first.content) == "A paragraph with an anchor."
    assert escaped.anchor == "" and inline_text(escaped.content).endswith("{#not-an-anchor}")
    assert middle.anchor == "" and "{#mid}" in inline_text(middle.content)
    assert bullets.items[0].anchor == "bullet"


def test_raw_html_and_autolinks_stay_literal_text():
    blocks = blocks_of("raw-html")
    assert all(isinstance(b, Paragraph) and all(isinstance(n, Text) for n in b.content) for b in blocks)
    assert inline_text(blocks[0].content) == "Some <b>raw</b> HTML and <script>alert(1)</script> stay literal text."
    assert inline_text(blocks[1].content) == "<div>a block of HTML</div>"


def test_links_with_unsafe_schemes_stay_literal_text():
    (para,) = blocks_of("unsafe-scheme")
    assert all(isinstance(n, Text) for n in para.content)
    assert "[a](file:///etc/passwd)" in inline_text(para.content)
    assert "![c](file:///etc/passwd)" in inline_text(para.content)


def test_quotes_rules_and_code_are_plain_paragraphs():
    blocks = blocks_of("unsupported-markup")
    assert all(isinstance(b, Paragraph) for b in blocks)
    assert [inline_text(b.content) for b in blocks] == [
        "> A quote is not a quote.",
        "---",
        "indented code is text",
        "Inline `code` keeps its backticks.",
    ]


@pytest.mark.parametrize(
    "name, line, message",
    [
        (
            "external-link",
            1,
            "only cross-references like [](#clause-id) are allowed, not a link to 'https://example.com/terms'",
        ),
        ("image", 3, "only cross-references like [](#clause-id) are allowed, not a link to 'logo.png'"),
        ("xref-with-text", 3, "a cross-reference's text is computed: write [](#liability), not [clause 4](#liability)"),
        ("empty-href", None, "only cross-references like [](#clause-id) are allowed, not a link to '#'"),
    ],
)
def test_refused_markdown_names_file_and_line(name, line, message):
    with pytest.raises(DocumentError) as caught:
        blocks_of(name)
    (problem,) = caught.value.problems
    assert (problem.file, problem.message) == (f"{name}.md", message)
    if line is not None:
        assert problem.line == line


def test_lines_are_relative_to_the_clause_file():
    source = "One.\n\nSee [x](#y).\n"
    with pytest.raises(DocumentError) as caught:
        read_markdown(source, "c/v1.md", source, first_line=6)
    assert caught.value.problems[0].line == 8


def test_read_inline_for_definitions():
    assert read_inline("the charges in [](#schedule-pricing).") == [
        Text("the charges in "),
        CrossRef("schedule-pricing", line=1),
        Text("."),
    ]
    assert read_inline("") == []
    with pytest.raises(DocumentError, match="a definition must be a single sentence"):
        read_inline("one.\n\ntwo.", "d.md")

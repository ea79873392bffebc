"""Word-native DOCX, so that a clause inserted in Word renumbers the rest: Word numbers the clauses itself, cross-references are REF fields to
bookmarks, and the file opens without asking to update fields. Checked on every sample deal."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from contractgen.deal import load_deal
from contractgen.document.model import CrossRef, ListBlock, Paragraph, iter_inline_runs
from contractgen import writers
from contractgen.pipeline import Workspace, build_document
from tests.helpers import ROOT
from tests.writers.docx_lists import Numbering, complex_fields

DEALS = sorted((ROOT / "samples").glob("*.yaml"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBERED_STYLES = {"Heading1", "ScheduleHeading", "NumberedParagraph"}
TYPED_NUMBER = re.compile(r"^\s*(\d+(\.\d+)*|\([a-z]{1,5}\)|Schedule \d+)(\s|$)")


@pytest.fixture(scope="module", params=DEALS, ids=lambda p: p.stem)
def sample(request):
    source = load_deal(request.param)
    deal = source.deal
    workspace = Workspace()
    document = build_document(source, workspace).document
    data = writers.render(document, workspace.template_dir(deal.template), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
        parts = {name: zf.read(name) for name in zf.namelist()}
    return document, data, root, parts


def model_numbers(document) -> list[str]:
    """Every number the model prints before a heading, paragraph or list item, in reading order."""
    out: list[str] = []

    def blocks(items):
        for block in items:
            if isinstance(block, Paragraph) and block.number:
                out.append(block.number)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    if block.ordered:
                        out.append(item.number)
                    blocks(item.blocks)

    for part in document.parts:
        if part.number:
            out.append(part.number)
        for clause in part.clauses:
            out.append(clause.number)
            blocks(clause.blocks)
    return out


def style_of(p) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(W + "val") if style is not None else ""


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def typed_text(p) -> str:
    """The text typed into a paragraph: field results (a REF's "Schedule 1") left out."""
    out, in_result = [], False
    for el in p.iter(W + "t", W + "fldChar"):
        if el.tag == W + "fldChar":
            in_result = el.get(W + "fldCharType") == "separate"
        elif not in_result:
            out.append(el.text or "")
    return "".join(out)


def test_word_shows_the_models_numbers_and_none_is_typed(sample):
    document, data, root, _ = sample
    body = root.find(W + "body")
    labels = Numbering(data).labels(root)
    paragraphs = list(body.iter(W + "p"))
    shown = [label.strip() for label in labels if label and label.strip() != "\u2022"]
    assert shown == model_numbers(document)
    for p in paragraphs:
        if style_of(p) in NUMBERED_STYLES:
            assert p.find(f"{W}pPr/{W}numPr") is not None, text_of(p)
        if not style_of(p).startswith("TOC") and p.getparent() is body:
            assert not TYPED_NUMBER.match(typed_text(p)), f"typed number: {text_of(p)[:60]!r}"


def test_every_cross_reference_is_a_ref_field_to_a_bookmark(sample):
    document, _, root, _ = sample
    bookmarks = {b.get(W + "name") for b in root.iter(W + "bookmarkStart")}
    refs = [(code.split()[1], result) for code, result in complex_fields(root) if code.startswith("REF ")]
    expected = []
    for _, clause in document.iter_clauses():
        for run in iter_inline_runs(clause.blocks):
            stack = list(reversed(run))
            while stack:
                node = stack.pop()
                if isinstance(node, CrossRef):
                    assert node.segments and "".join(t for t, _ in node.segments) == node.text
                    expected += [text for text, anchor in node.segments if anchor]
                elif hasattr(node, "children"):
                    stack.extend(reversed(node.children))
    assert len(refs) == len(expected) > 20
    assert [result for _, result in refs] == expected
    assert {name for name, _ in refs} <= bookmarks
    for link in root.iter(W + "hyperlink"):
        assert not re.match(r"(clause|paragraph) \d", text_of(link)), "a cross-reference typed as text"


def test_opens_clean_with_contents_page_numbers_and_outline(sample):
    document, _, root, parts = sample
    assert b"updateFields" not in parts["word/settings.xml"]
    assert not any(fc.get(W + "dirty") for fc in root.iter(W + "fldChar"))
    (toc,) = [result for code, result in complex_fields(root) if code.startswith("TOC ")]
    assert all(entry.title in toc for entry in document.contents)
    footers = b"".join(blob for name, blob in parts.items() if name.startswith("word/footer"))
    assert b" PAGE " in footers and b" NUMPAGES " in footers
    styles = etree.fromstring(parts["word/styles.xml"])
    outline = {
        s.get(W + "styleId"): s.find(f"{W}pPr/{W}outlineLvl").get(W + "val")
        for s in styles.iter(W + "style")
        if s.find(f"{W}pPr/{W}outlineLvl") is not None
    }
    assert (outline["Heading1"], outline["Heading2"], outline["ScheduleHeading"]) == ("0", "1", "1")

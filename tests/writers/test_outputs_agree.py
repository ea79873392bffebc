"""DOCX and PDF are printed from one model: they must carry the same headings, numbers and words."""

from __future__ import annotations

import html
import io
import re
from collections import Counter

import pytest

from contractgen.deal import load_deal
from contractgen.document.model import Table, inline_text, iter_blocks
from contractgen.pipeline import Workspace, build_document
from contractgen import writers
from tests.helpers import ROOT
from tests.writers.docx_lists import numbered_texts

DEALS = sorted((ROOT / "samples").glob("*.yaml"))
WORD = re.compile(r"\w+")


def docx_words(data: bytes) -> list[str]:
    """Return the words of the DOCX body in reading order, with the list numbers Word shows
    (clause, paragraph and item numbers come from numbering.xml, not from typed text)."""
    return WORD.findall(" ".join(text.replace("\t", " ").replace("\n", " ") for text in numbered_texts(data)))


def comment_words(data: bytes) -> list[str]:
    """Return the words of the DOCX's comments (a draft's drafting notes sit beside their clauses)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/comments.xml" not in package.namelist():
            return []
        xml = package.read("word/comments.xml").decode("utf-8")
    return WORD.findall(" ".join(html.unescape(t) for t in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))


def notes_page_words(document) -> set[str]:
    """Return the words the PDF's drafting-notes page adds around the notes: its heading, intro and locations."""
    layout = (ROOT / "templates" / "it-outsourcing" / "pdf" / "layout.html.j2").read_text(encoding="utf-8")
    page = re.search(r'<section class="drafting-notes".*?<ol', layout, re.S)
    words = set(WORD.findall(re.sub(r"<[^>]+>", " ", page.group(0)))) if page else set()
    for note in document.notes:
        words.update(WORD.findall(f"{note.id} {note.location or ''} acknowledged"))
    return words


def pdf_words(data: bytes) -> list[str]:
    """Return the words of every PDF page in reading order."""
    import pypdf

    return WORD.findall(" ".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages))


@pytest.fixture(scope="module", params=DEALS, ids=lambda p: p.stem)
def rendered(request):
    workspace = Workspace()
    result = build_document(load_deal(request.param), workspace)
    template_dir = workspace.template_dir(result.source.deal.template)
    return (
        result.document,
        writers.render(result.document, template_dir, "docx"),
        writers.render(result.document, template_dir, "pdf"),
    )


def test_docx_and_pdf_carry_the_same_words(rendered):
    document, docx, pdf = rendered
    in_docx, in_pdf = Counter(docx_words(docx) + comment_words(docx)), Counter(pdf_words(pdf))
    assert not in_docx - in_pdf, f"words only in the DOCX: {dict(in_docx - in_pdf)}"
    # The PDF adds only what paged media repeats: running header and footer, the page numbers of
    # the contents, the watermark and table header rows repeated after a page break.
    # A draft's drafting notes are Word comments in the DOCX and a page of their own in the PDF.
    allowed = set(WORD.findall(f"{document.title} {document.reference} Page of DRAFT")) | notes_page_words(document)
    for _, clause in document.iter_clauses():
        for block in iter_blocks(clause.blocks):
            if isinstance(block, Table):
                allowed.update(WORD.findall(" ".join(inline_text(cell) for cell in block.header)))
    extra = {w: n for w, n in (in_pdf - in_docx).items() if w not in allowed and not w.isdigit()}
    assert not extra, f"words only in the PDF: {extra}"


def test_docx_and_pdf_list_the_same_headings_in_the_same_order(rendered):
    document, docx, pdf = rendered
    docx_text, pdf_text = " ".join(docx_words(docx)), " ".join(pdf_words(pdf))
    docx_at = pdf_at = 0
    for entry in document.contents:
        needle = " ".join(WORD.findall(f"{entry.number} {entry.title}"))
        # Skip the table of contents itself: search after the previous heading's position.
        docx_at = docx_text.find(needle, docx_at)
        pdf_at = pdf_text.find(needle, pdf_at)
        assert docx_at >= 0 and pdf_at >= 0, needle


def test_a_deal_without_a_reference_shows_no_empty_reference_row_or_separator():
    import io

    import docx
    from pypdf import PdfReader

    from contractgen import writers
    from contractgen.deal import load_deal
    from contractgen.pipeline import Workspace, build_document

    workspace = Workspace()
    source = load_deal(ROOT / "samples" / "uk-charity-minimal.yaml")
    assert not source.deal.contract.reference
    document = build_document(source, workspace).document
    template = workspace.template_dir(source.deal.template)
    cover = docx.Document(io.BytesIO(writers.render(document, template, "docx"))).tables[0]
    assert [row.cells[0].text for row in cover.rows] == ["Effective Date"]
    page = PdfReader(io.BytesIO(writers.render(document, template, "pdf"))).pages[1].extract_text()
    assert "IT Support Agreement" in page and "\u00b7" not in page

"""One look for both formats: the DOCX (as LibreOffice lays it out) runs to as many pages as the PDF,
within a page or two, and no table header breaks inside a word; column widths come from measuring
the text with the template's fonts."""

from __future__ import annotations

import io
import re
import zipfile

import pypdf
import pytest

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.document.model import Table, inline_text, iter_blocks
from contractgen.pipeline import Workspace, build_document
from contractgen.writers.docx.measure import Measure, column_widths
from tests.helpers import REFERENCE, TEMPLATE
from tests.writers.libreoffice import SOFFICE, convert_to_pdf


def test_columns_are_never_narrower_than_their_longest_word_and_fill_the_width():
    measure = Measure(TEMPLATE)
    assert measure.available()
    columns = [
        (["Priority"], ["P1", "P2"]),
        (["Definition"], ["Complete loss of a Service for all users " * 3]),
        (["Response"], ["15 minutes"]),
        (["Resolution"], ["4 hours"]),
        (["Target"], ["95%"]),
    ]
    widths = column_widths(columns, 9000, 300, measure, (10, 10))
    assert sum(widths) == 9000
    for (headers, cells), width in zip(columns, widths):
        assert width >= measure.longest_word(headers[0], 10, True) + 300, headers
    assert widths[1] == max(widths)  # the long text gets the room
    assert measure.width("Priority", 10, True) > measure.width("Priority", 10)  # bold is wider


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_the_docx_and_the_pdf_paginate_alike_and_no_header_breaks_inside_a_word(tmp_path):
    workspace = Workspace()
    loaded = load_deal(REFERENCE)
    document = build_document(loaded, workspace).document
    template = workspace.template_dir(loaded.deal.template)
    source = tmp_path / "reference.docx"
    source.write_bytes(writers.render(document, template, "docx"))
    ours = pypdf.PdfReader(io.BytesIO(writers.render(document, template, "pdf")))
    office = pypdf.PdfReader(convert_to_pdf([source], tmp_path / "pdf", tmp_path / "profile")[source])
    # the PDF ends with the draft's notes page, which the DOCX carries as Word comments instead: compare the rest
    texts = [page.extract_text() or "" for page in ours.pages]
    notes = [i for i, t in enumerate(texts) if "This page is not part of the agreement" in " ".join(t.split())]
    contract_pages = notes[0] if notes else len(texts)
    assert abs(len(office.pages) - contract_pages) <= 2, (len(office.pages), contract_pages)
    text = "\n".join(page.extract_text() or "" for page in office.pages)
    blocks = [b for part in document.parts for clause in part.clauses for b in iter_blocks(clause.blocks)]
    words = {
        word
        for block in blocks
        if isinstance(block, Table)
        for cell in block.header
        for word in inline_text(cell).split()
        if len(word) >= 5 and word.isalpha()
    }
    assert words >= {"Priority", "Target"}
    broken = [
        w
        for w in sorted(words)
        for k in range(2, len(w) - 1)
        if re.search(rf"\b{re.escape(w[:k])}\n{re.escape(w[k:])}\b", text)
    ]
    assert broken == []


def test_the_docx_contents_print_the_page_numbers_the_pdf_contents_print():
    """Rendered together, the DOCX's contents show (before any field update) the PDF's page numbers."""
    from lxml import etree

    from tests.writers.docx_lists import complex_fields

    workspace = Workspace()
    loaded = load_deal(REFERENCE)
    document = build_document(loaded, workspace).document
    printed = writers.render_formats(document, workspace.template_dir(loaded.deal.template), ("docx", "pdf"))
    assert list(printed) == ["docx", "pdf"]
    with zipfile.ZipFile(io.BytesIO(printed["docx"])) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    docx_numbers = [int(result) for code, result in complex_fields(root) if code.startswith("PAGEREF ")]
    assert len(docx_numbers) == len(document.contents)
    pdf = pypdf.PdfReader(io.BytesIO(printed["pdf"]))
    text = "\n".join(pdf.pages[i].extract_text() or "" for i in range(1, 5))
    pdf_numbers = [int(n) for n in re.findall(r"(?:\. )+\s*(\d+)$", text, re.M)]
    assert docx_numbers == pdf_numbers
    assert docx_numbers == sorted(docx_numbers) and docx_numbers[-1] <= len(pdf.pages)


def test_the_pdf_stylesheet_takes_the_values_both_formats_share_from_the_docx_style_sheet():
    """styles.yaml is the one source: print.css carries its values block and reads them through var()."""
    from contractgen.writers.docx.styles import load_style_sheet
    from contractgen.writers.style_values import css_block, css_block_in, css_values, css_with_values

    sheet = load_style_sheet(TEMPLATE)
    css = (TEMPLATE / "pdf" / "print.css").read_text(encoding="utf-8")
    assert css_block_in(css) == css_block(sheet), "run scripts/build-reference-docx.py after editing styles.yaml"
    values = css_values(sheet)
    assert values["page-margin"] == "26mm 22mm 24mm 25mm" and values["indent"] == "11mm"
    assert values["body-size"] == f"{sheet['paragraph_styles']['Normal']['size']}pt"
    # Word's "multiple" line spacing multiplies the font's own line height (1.149 em for Times New
    # Roman and Liberation Serif); CSS line-height multiplies the font size
    assert abs(sheet["paragraph_styles"]["Normal"]["line"] * 1.149 - float(values["body-line-height"])) < 0.01
    rules = css.replace(css_block(sheet), "")
    used = set(re.findall(r"var\(--([a-z0-9-]+)\)", rules))
    assert used <= set(values), used - set(values)
    assert {"page-margin", "indent", "body-size", "body-line-height", "colour-accent", "table-cell-padding"} <= used
    assert re.search(r"@page \{[^}]*margin: var\(--page-margin\)", rules)
    assert "11mm" not in rules and "#1f3864" not in rules.lower()  # the number column and colours: only via var()
    changed = {**sheet, "page": {**sheet["page"], "margin_left_mm": 30}}
    assert "--page-margin: 26mm 22mm 24mm 30mm;" in css_with_values(css, changed)

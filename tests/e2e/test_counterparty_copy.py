"""The copy of a draft for the other side: `render --for-counterparty` leaves the client's drafting notes out (no Word
comments, no notes page) and writes <deal>.counterparty.<format>, so it never replaces the internal copy."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from tests.helpers import SAMPLES, run_contractgen

DRAFT = SAMPLES / "deal-example.yaml"  # a draft with open notes: its client's regulatory status, a process agent


def comments(docx) -> str:
    """The Word comments of a DOCX ('' when it has none)."""
    with zipfile.ZipFile(docx) as package:
        return package.read("word/comments.xml").decode() if "word/comments.xml" in package.namelist() else ""


def test_the_counterparty_copy_has_no_drafting_notes_and_the_internal_copy_keeps_them(tmp_path):
    internal = run_contractgen("render", str(DRAFT), "-o", str(tmp_path), "--format", "docx")
    assert internal.returncode == 0, internal.stderr
    copy = run_contractgen("render", str(DRAFT), "-o", str(tmp_path), "--format", "docx", "--for-counterparty")
    assert copy.returncode == 0, copy.stderr
    assert "sector-from-name:bank-gb" in comments(tmp_path / "deal-example.docx")
    assert comments(tmp_path / "deal-example.counterparty.docx") == ""
    assert re.search(r"counterparty copy: [1-9]\d* open drafting note\(s\)[^\n]* left out of it", copy.stderr)
    assert "sector-from-name:bank-gb" in copy.stderr  # the lawyer still sees which


def test_the_counterparty_copy_keeps_the_contract_text(tmp_path):
    from docx import Document

    run_contractgen("render", str(DRAFT), "-o", str(tmp_path), "--format", "docx")
    run_contractgen("render", str(DRAFT), "-o", str(tmp_path), "--format", "docx", "--for-counterparty")
    internal, copy = (
        [p.text for p in Document(str(tmp_path / name)).paragraphs]
        for name in ("deal-example.docx", "deal-example.counterparty.docx")
    )
    assert internal == copy and any("DRAFT" in p or "Draft" in p for p in copy[:20])


@pytest.mark.slow
def test_the_counterparty_pdf_has_no_drafting_notes_page(tmp_path):
    copy = run_contractgen("render", str(DRAFT), "-o", str(tmp_path), "--format", "pdf", "--for-counterparty")
    assert copy.returncode == 0, copy.stderr
    import pypdf

    pages = pypdf.PdfReader(io.BytesIO((tmp_path / "deal-example.counterparty.pdf").read_bytes())).pages
    text = " ".join(page.extract_text() or "" for page in pages)
    assert "Drafting notes" not in text and "Drafting note " not in text
    assert "Governing Law" in text

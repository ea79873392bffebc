"""A DOCX with Japanese party names, opened in LibreOffice as a counterparty would: the names show in a CJK
font and the English text around them breaks only at spaces."""

from __future__ import annotations

import pytest

from contractgen.pipeline import render_deal
from tests.helpers import ROOT
from tests.writers.libreoffice import SOFFICE, convert_to_pdf, pdf_text

pikepdf = pytest.importorskip("pikepdf")

DEAL = ROOT / "tests" / "fixtures" / "deals" / "scripts" / "jp-kabushiki-kaisha.yaml"


@pytest.mark.allowed_skip
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_japanese_names_and_keeps_english_words_whole(tmp_path):
    """LibreOffice embeds a CJK font (fonts-noto-cjk, scripts/install-system-deps.sh) for the names and lays
    the English out as English (a ja_JP locale once made it break words anywhere: 'Supplie|r')."""
    render_deal(DEAL, tmp_path, formats=("docx",))
    pdf = convert_to_pdf([tmp_path / DEAL.with_suffix(".docx").name], tmp_path / "lo", tmp_path / "profile")
    data = next(iter(pdf.values())).read_bytes()
    with pikepdf.open(tmp_path / "lo" / DEAL.with_suffix(".pdf").name) as doc:
        fonts = {
            str(obj.get("/BaseFont"))
            for obj in doc.objects
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"
        }
    assert any("CJK" in name for name in fonts), fonts
    text = pdf_text(data)
    assert "浪速工業株式会社" in text.replace(" ", "")
    assert "a company organised under the laws of Japan" in text, text[:600]
    import re
    import zipfile

    with zipfile.ZipFile(tmp_path / DEAL.with_suffix(".docx").name) as docx:
        written = set(re.findall(r"[A-Za-z]{3,}", docx.read("word/document.xml").decode("utf-8")))
    fragments = [word for word in re.findall(r"[A-Za-z]{3,}", text) if word not in written]
    assert len(fragments) <= 3, fragments  # words broken across lines ('statu tory') are not in the DOCX

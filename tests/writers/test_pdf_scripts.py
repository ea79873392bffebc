"""Every script a deal may carry prints in the PDF with a glyph from the template's fonts, or the render
refuses naming the character, where it stands and what to add (never a blank)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from pathlib import Path

import pytest

from contractgen.errors import MissingGlyphError
from contractgen.pipeline import render_deal
from contractgen.writers.pdf import glyphs
from contractgen.writers.pdf.writer import STYLESHEET, font_files
from tests.helpers import ROOT
from tests.writers.sample_document import sample_document

pikepdf = pytest.importorskip("pikepdf")

SCRIPTS = ROOT / "tests" / "fixtures" / "deals" / "scripts"
PDF_DIR = ROOT / "templates" / "it-outsourcing" / "pdf"


def template_fonts() -> list[Path]:
    """Return the font files the template's print.css declares."""
    css = PDF_DIR / STYLESHEET
    return font_files(css.read_text(encoding="utf-8"), css)


def party_names(deal: Path) -> list[str]:
    """Return the client's and the supplier's names as the deal file writes them."""
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(deal.read_text(encoding="utf-8"))
    return [data["parties"][role]["name"] for role in ("client", "supplier")]


def _hex_text(code: str) -> str:
    """Return the text a ToUnicode hex string stands for (UTF-16BE)."""
    return bytes.fromhex(code).decode("utf-16-be")


def drawn_characters(pdf: Path) -> dict[str, set[str]]:
    """Return {embedded font name: the characters its ToUnicode CMap maps glyphs to} for a PDF."""
    found: dict[str, set[str]] = {}
    with pikepdf.open(pdf) as doc:
        for obj in doc.objects:
            if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font" or "/ToUnicode" not in obj:
                continue
            if "/FontFile2" not in obj.DescendantFonts[0].FontDescriptor and (
                "/FontFile3" not in obj.DescendantFonts[0].FontDescriptor
            ):
                continue  # not embedded: it draws nothing
            name = str(obj.BaseFont).split("+", 1)[-1]
            cmap = obj.ToUnicode.read_bytes().decode("latin-1")
            chars = found.setdefault(name, set())
            for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                for _, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    chars.update(_hex_text(text))
            for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
                for low, high, start in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    first = ord(_hex_text(start)[-1])
                    chars.update(chr(first + i) for i in range(int(high, 16) - int(low, 16) + 1))
    return found


@pytest.mark.parametrize(
    "deal, script_font",
    [
        ("jp-kabushiki-kaisha.yaml", "Contract-CJK"),
        ("cn-youxian-gongsi.yaml", "Contract-CJK"),
        ("kr-jusik-hoesa.yaml", "Contract-CJK"),
        ("ae-arabic-names.yaml", "Contract-Arabic"),
        ("il-hebrew-name.yaml", "Contract-Serif"),  # Liberation Serif has Hebrew
    ],
)
def test_party_names_in_every_script_are_drawn_with_the_template_fonts(tmp_path, deal, script_font):
    """Every drawn character of the party names has a glyph in an embedded template font, and the
    letters of their own script come from the font that has it (not only text a text extractor finds)."""
    render_deal(SCRIPTS / deal, tmp_path, formats=("pdf",))
    drawn = drawn_characters(tmp_path / deal.replace(".yaml", ".pdf"))
    every = set().union(*drawn.values())
    script = set().union(*(chars for name, chars in drawn.items() if name.startswith(script_font)))
    names = "".join(party_names(SCRIPTS / deal))
    wanted = {c for c in names if glyphs.needs_glyph(c)}
    assert wanted <= every, sorted(wanted - every)
    letters = {c for c in names if unicodedata.category(c).startswith("L") and ord(c) > 0x24F}
    assert letters, names
    assert letters <= script, sorted(letters - script)


def test_a_character_no_template_font_has_is_refused_naming_it_and_where(tmp_path):
    """A party name holding a character no template font has stops the render: no file written, the
    character, the place (the supplier's name) and what to add named."""
    text = (SCRIPTS / "jp-kabushiki-kaisha.yaml").read_text(encoding="utf-8")
    deal = tmp_path / "deal.yaml"
    deal.write_text(text.replace("(Mirai Technologies K.K.)", "\U00012000 (Mirai Technologies K.K.)"), "utf-8")
    out = tmp_path / "out"
    with pytest.raises(MissingGlyphError) as caught:
        render_deal(deal, out, formats=("docx", "pdf"))
    message = str(caught.value)
    assert "U+12000" in message and "the supplier's name" in message and "Cuneiform" in message, message
    assert not out.exists() or not list(out.iterdir())


def test_a_private_use_character_is_refused_naming_the_party_field():
    """A character no font can have (private use) in a party's address is named with its place and advice."""
    document = sample_document()
    client = document.parties[0]
    document.parties[0] = dataclasses.replace(client, address=client.address + " \ue000")
    lines = glyphs.missing_glyphs(document, glyphs.coverage(template_fonts()))
    assert len(lines) == 1
    assert "U+E000" in lines[0] and "the client's address" in lines[0] and "private-use" in lines[0]
    with pytest.raises(MissingGlyphError, match="U\\+E000"):
        glyphs.check(document, template_fonts())


def test_the_latin_sample_and_market_signs_need_no_other_font():
    """The template's fonts draw an English contract, the rupee, lira and won signs, Greek and Cyrillic."""
    covered = glyphs.coverage(template_fonts())
    assert glyphs.missing_glyphs(sample_document(), covered) == []
    for char in "₹₺₩€£¥ΑΩαωДЖжя":
        assert ord(char) in covered, char


@pytest.mark.parametrize(
    "locale, expected",
    [
        ("ja_JP", {"val": "en-GB", "eastAsia": "ja-JP"}),
        ("zh_CN", {"val": "en-GB", "eastAsia": "zh-CN"}),
        ("zh_Hant_TW", {"val": "en-GB", "eastAsia": "zh-TW"}),
        ("ko_KR", {"val": "en-GB", "eastAsia": "ko-KR"}),
        ("ar_AE", {"val": "en-GB", "bidi": "ar-AE"}),
        ("de_DE", {"val": "en-GB"}),
        ("en_US", {"val": "en-US"}),
    ],
)
def test_the_docx_text_is_english_and_the_locale_names_its_east_asian_or_bidi_language(locale, expected):
    """The contract's text is English whatever the locale (so Word and LibreOffice break English words only
    at spaces); a CJK or right-to-left locale is the language of that script's text."""
    from contractgen.writers.docx.styles import languages

    assert languages(locale) == expected


@pytest.mark.parametrize("deal, east_asian", [("jp-kabushiki-kaisha.yaml", "ja-JP"), ("kr-jusik-hoesa.yaml", "ko-KR")])
def test_the_docx_carries_the_party_names_with_their_east_asian_language(tmp_path, deal, east_asian):
    """The DOCX holds the names as written, its default run language English with the deal's east Asian
    language, and each style's east Asian font set (w:rFonts w:eastAsia), so Word shows the script."""
    import zipfile

    from lxml import etree

    render_deal(SCRIPTS / deal, tmp_path, formats=("docx",))
    with zipfile.ZipFile(tmp_path / deal.replace(".yaml", ".docx")) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
        styles = etree.fromstring(docx.read("word/styles.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for name in party_names(SCRIPTS / deal):
        assert name.split(" (")[0] in body
    lang = styles.find(f"{w}docDefaults/{w}rPrDefault/{w}rPr/{w}lang")
    assert lang.get(f"{w}val") == "en-GB" and lang.get(f"{w}eastAsia") == east_asian
    fonts = styles.findall(f".//{w}style/{w}rPr/{w}rFonts")
    assert fonts and all(f.get(f"{w}eastAsia") for f in fonts)

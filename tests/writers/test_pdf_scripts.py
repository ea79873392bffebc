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


@pytest.mark.slow
@pytest.mark.parametrize(
    "deal, script_font",
    [("ae-arabic-names.yaml", "Contract-Arabic"), ("il-hebrew-name.yaml", "Contract-Serif")],  # Liberation has Hebrew
)
def test_right_to_left_party_names_are_drawn_with_the_template_fonts(tmp_path, deal, script_font):
    """Every drawn character of the party names has a glyph in an embedded template font, the Arabic or
    Hebrew ones from the font that has the script (not only text a text extractor finds)."""
    render_deal(SCRIPTS / deal, tmp_path, formats=("pdf",))
    drawn = drawn_characters(tmp_path / deal.replace(".yaml", ".pdf"))
    every = set().union(*drawn.values())
    script = {name: chars for name, chars in drawn.items() if name.startswith(script_font)}
    assert script, f"no {script_font} font embedded: {sorted(drawn)}"
    for name in party_names(SCRIPTS / deal):
        wanted = {c for c in name if glyphs.needs_glyph(c)}
        assert wanted <= every, sorted(wanted - every)
        letters = {c for c in name if unicodedata.bidirectional(c) in {"R", "AL"}}
        assert letters <= set().union(*script.values()), sorted(letters - set().union(*script.values()))


@pytest.mark.parametrize("deal", ["jp-kabushiki-kaisha.yaml", "cn-youxian-gongsi.yaml", "kr-jusik-hoesa.yaml"])
def test_a_script_the_fonts_lack_is_refused_naming_it_and_where(tmp_path, deal):
    """A party name in a script no template font has stops the PDF: no file written, the characters,
    the place (the party's name) and the font to add named."""
    with pytest.raises(MissingGlyphError) as caught:
        render_deal(SCRIPTS / deal, tmp_path, formats=("docx", "pdf"))
    message = str(caught.value)
    assert "name" in message and "Noto Serif CJK" in message
    names = "".join(party_names(SCRIPTS / deal))
    assert any(f"U+{ord(c):04X} {c} (" in message for c in names if ord(c) > 0x2FFF), message
    assert not list(tmp_path.iterdir())


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

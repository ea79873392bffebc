"""The reference document: a template's docx/reference.docx supplies the styles, lists,
page setup, header and footer; a house style changes the look, never the content; a reference
document without a style contractgen prints with is refused, naming the style."""

from __future__ import annotations

import io
import shutil
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from contractgen.errors import TemplateError
from contractgen.writers.docx.reference import build_reference, reference_path
from contractgen.writers.docx.styles import load_style_sheet
from contractgen.writers.docx.writer import render_docx
from tests.helpers import TEMPLATE
from tests.writers.docx_lists import numbered_texts
from tests.writers.sample_document import sample_document


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


@pytest.fixture
def house(tmp_path):
    """A template folder whose reference.docx a test edits in python-docx (as a firm would in Word)."""
    folder = tmp_path / "house"
    (folder / "docx").mkdir(parents=True)
    shutil.copy(TEMPLATE / "docx" / "styles.yaml", folder / "docx" / "styles.yaml")
    word = docx.Document(io.BytesIO(build_reference(load_style_sheet(TEMPLATE))))

    def save():
        word.save(str(reference_path(folder)))
        return folder

    return word, save


def test_the_default_reference_document_is_built_reproducibly_from_styles_yaml():
    """scripts/build-reference-docx.py wrote the committed file; re-run it after editing styles.yaml."""
    committed = reference_path(TEMPLATE).read_bytes()
    assert build_reference(load_style_sheet(TEMPLATE)) == committed
    parts = members(committed)
    assert {"word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml"} <= set(parts)


def test_a_house_style_changes_the_look_not_the_content(house):
    word, save = house
    normal = word.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(10)
    word.styles["Heading 1"].paragraph_format.space_before = Pt(24)
    ours, theirs = render_docx(sample_document(), TEMPLATE), render_docx(sample_document(), save())
    assert numbered_texts(theirs) == numbered_texts(ours)
    a, b = members(ours), members(theirs)
    assert a["word/document.xml"] == b["word/document.xml"]
    assert a["word/numbering.xml"] == b["word/numbering.xml"]
    assert b"Arial" in b["word/styles.xml"] and b"Arial" not in a["word/styles.xml"]


def test_styles_are_found_by_name_whatever_their_ids(house):
    """Word names a new style's id after the style ("Clause List 1" -> ClauseList1); that works too."""
    word, save = house
    root = word.styles.element
    for style in root.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) == "List1":
            style.set(qn("w:styleId"), "ClauseList1")
        based = style.find(qn("w:basedOn"))
        if based is not None and based.get(qn("w:val")) == "List1":
            based.set(qn("w:val"), "ClauseList1")
    theirs = render_docx(sample_document(), save())
    assert b'w:pStyle w:val="ClauseList1"' in members(theirs)["word/document.xml"]
    assert b'w:pStyle w:val="List1"' not in members(theirs)["word/document.xml"]
    assert numbered_texts(theirs) == numbered_texts(render_docx(sample_document(), TEMPLATE))


def test_a_reference_document_without_a_needed_style_is_refused_naming_it(house):
    word, save = house
    root = word.styles.element
    root.remove(next(s for s in root.iterchildren(qn("w:style")) if s.get(qn("w:styleId")) == "Definition"))
    with pytest.raises(TemplateError, match="no paragraph style named 'Definition'"):
        render_docx(sample_document(), save())


def test_clause_headings_must_be_linked_to_a_list(house):
    word, save = house
    heading = word.styles["Heading 1"].element
    num = heading.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    num.getparent().remove(num)
    with pytest.raises(TemplateError, match="'Heading 1' .* not linked to a numbered list"):
        render_docx(sample_document(), save())


def test_the_header_and_footer_of_the_reference_document_are_used(house):
    word, save = house
    footer = word.sections[0].footer.paragraphs[0]
    footer.insert_paragraph_before("Smith & Partners LLP")
    header = members(render_docx(sample_document(draft=False), save()))
    footers = b"".join(blob for name, blob in header.items() if name.startswith("word/footer"))
    assert b"Smith &amp; Partners LLP" in footers and b" PAGE " in footers


def test_a_damaged_reference_document_or_a_missing_style_sheet_is_a_template_error(house, tmp_path):
    _, save = house
    folder = save()
    reference_path(folder).write_bytes(b"not a zip")
    with pytest.raises(TemplateError, match="not a Word document"):
        render_docx(sample_document(), folder)
    with pytest.raises(TemplateError, match="no DOCX style sheet"):
        render_docx(sample_document(), tmp_path / "nowhere")

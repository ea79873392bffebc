"""The reference document a DOCX is built on: its styles, numbering, page setup, header and footer.

A template may ship `docx/reference.docx` (as pandoc does), e.g. a law firm's house style made in
Word; the writer empties its body and fills the contract in. Without one, the same base document is
built from `docx/styles.yaml` (`build_reference`, which scripts/build-reference-docx.py also uses to
write the default template's reference.docx). The writer finds its styles by their names in
styles.yaml, so a reference document made in Word needs only define styles of those names.
"""

from __future__ import annotations

import io
import pathlib
from typing import Any

import docx
from contractgen.writers.docx.oxml import CT, RT, add_part, element_of, qn
from lxml import etree

from contractgen import safefs
from contractgen.errors import TemplateError, UnsafePathError
from contractgen.writers.docx.basedoc import MAX_REFERENCE_BYTES, REFERENCE_FIELD, TITLE_FIELD, Base
from contractgen.writers.docx.basedoc import reference_path  # noqa: F401 - the scripts and tests find it here
from contractgen.writers.docx.clean import clean_reference
from contractgen.writers.docx import fields as f
from contractgen.writers.docx.numbering import (
    BULLET_STYLE,
    CLAUSE_STYLE,
    SCHEDULE_CLAUSE_STYLE,
    SCHEDULE_STYLE,
    ListLinks,
    link_styles,
    numbering_xml,
)
from contractgen.writers.docx.package import deterministic_zip
from contractgen.writers.docx.oxml import package_members
from contractgen.writers.docx.properties import prune_package, settings
from contractgen.writers.docx.stylebuild import apply_page_setup, apply_styles
from contractgen.writers.docx.styles import load_style_sheet

TABLE_STYLES = {"ContractTable": "Contract Table", "SignatureTable": "Signature Table"}
# paragraph styles (keys of styles.yaml) the body writer prints with
BODY_STYLES = (
    "Normal",
    "Title",
    "CoverText",
    "CoverParty",
    "CoverDraft",
    "TOCHeading",
    "TOC1",
    "TOC2",
    CLAUSE_STYLE,
    "HeadingUnnumbered",
    SCHEDULE_STYLE,
    "Heading3",
    SCHEDULE_CLAUSE_STYLE,
    "NumberedParagraph",
    "ClauseText",
    "List1",
    "List2",
    "List3",
    BULLET_STYLE,
    "ListContinue1",
    "ListContinue2",
    "ListContinue3",
    "Definition",
    "TableText",
    "TableHeading",
    "SignatureText",
    "SignatureLabel",
)
NUMBERED_STYLES = (CLAUSE_STYLE, SCHEDULE_STYLE, SCHEDULE_CLAUSE_STYLE, BULLET_STYLE)
TWIPS_PER_EMU = 1 / 635
SubElement = etree.SubElement


def from_reference(path: str, sheet_key: tuple) -> tuple[Base, list[str]]:
    """Return the base document made of a template's reference.docx and the warnings of what was dropped."""
    sheet = load_style_sheet(pathlib.Path(sheet_key[0]).parent.parent)
    try:
        data = safefs.read_bytes(path, limit=MAX_REFERENCE_BYTES)
    except (OSError, UnsafePathError) as exc:
        raise TemplateError(f"{path}: cannot be read ({exc})") from None
    data, dropped = clean_reference(data, path)
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a damaged or foreign file
        raise TemplateError(f"{path}: not a Word document ({exc})") from exc
    prune_package(word, keep_numbering=True)
    settings(word)
    return _describe(word, sheet, path), dropped


def from_style_sheet(sheet_key: tuple) -> Base:
    """Return the base document built from a template's styles.yaml."""
    sheet = load_style_sheet(pathlib.Path(sheet_key[0]).parent.parent)
    word = docx.Document(io.BytesIO(build_reference(sheet)))
    return _describe(word, sheet, sheet_key[0])


def build_reference(sheet: dict, lang: str = "en-GB") -> bytes:
    """Return the reference document a style sheet describes: styles, lists, page setup, header
    ("title · reference" as TITLE and DOCPROPERTY fields) and footer ("Page X of Y")."""
    word = docx.Document()
    prune_package(word)
    apply_styles(word, sheet, lang)
    link_styles(word.styles.element, sheet)
    add_part(word.part, "/word/numbering.xml", CT.WML_NUMBERING, numbering_xml(sheet), RT.NUMBERING)
    section = word.sections[0]
    apply_page_setup(section, sheet)
    settings(word)
    body = word.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for attr in [a for a in sect_pr.attrib if a.startswith(qn("w:rsid"))]:
        del sect_pr.attrib[attr]
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    section.different_first_page_header_footer = True  # a quiet cover page
    p = f.paragraph(_clear(section.header), "Header")
    f.simple_field(p, TITLE_FIELD, "Title")
    f.run(p, " \u00b7 ")
    f.simple_field(p, REFERENCE_FIELD, "Reference")
    f.paragraph(_clear(section.first_page_header), "Footer")  # the cover: no rule under the header
    p = f.paragraph(_clear(section.footer), "Footer")
    f.run(p, "Page ")
    f.simple_field(p, "PAGE", "1")
    f.run(p, " of ")
    f.simple_field(p, "NUMPAGES", "1")
    f.paragraph(_clear(section.first_page_footer), "Footer")
    return deterministic_zip(package_members(word.part.package))


def _clear(header_footer):
    """Unlink a header or footer from the previous section and empty it; return its element."""
    header_footer.is_linked_to_previous = False
    el = element_of(header_footer)
    for child in list(el):
        el.remove(child)
    return el


def _describe(word, sheet: dict, origin: str) -> Base:
    """Check a base document has every style the writer needs; map style keys to its ids."""
    by_name: dict[tuple[str, str], str] = {}  # (style type, lower-case name) → style id
    by_id: dict[tuple[str, str], Any] = {}  # (style type, style id) → the style element
    for style in word.styles.element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            by_name.setdefault((style.get(qn("w:type")), name.get(qn("w:val")).lower()), style.get(qn("w:styleId")))
        by_id[(style.get(qn("w:type")), style.get(qn("w:styleId")))] = style
    wanted = [("paragraph", key, sheet["paragraph_styles"][key]["name"]) for key in BODY_STYLES]
    wanted += [("table", key, name) for key, name in TABLE_STYLES.items()]
    ids = {}
    for kind, key, name in wanted:
        style_id = by_name.get((kind, name.lower())) or (key if (kind, key) in by_id else None)
        if style_id is None:
            raise TemplateError(
                f"{origin}: the reference document has no {kind} style named '{name}' "
                f"(contractgen prints with it; see docs/templates.md)"
            )
        ids[key] = style_id
    linked = ListLinks.from_styles(word.styles.element).levels
    for key in NUMBERED_STYLES:
        if ids[key] not in linked:
            name = sheet["paragraph_styles"][key]["name"]
            raise TemplateError(
                f"{origin}: the style '{name}' of the reference document is not linked to a "
                f"numbered list (Word: Define New Multilevel List, Link level to style)"
            )
    lists = ListLinks({key: linked[style_id] for key, style_id in ids.items() if style_id in linked})
    section = word.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    data = deterministic_zip(package_members(word.part.package))
    return Base(data, ids, lists, round(width * TWIPS_PER_EMU))

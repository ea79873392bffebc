"""DOCX writer: print a finished document model as a Word file (python-docx + oxml).

`write_docx` builds the package: a cached styled base document, the body (writers/docx/body.py),
the running header and footer, and the properties (writers/docx/properties.py), zipped
deterministically (writers/docx/package.py).
"""

from __future__ import annotations

import functools
import io
import pathlib

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part as OpcPart
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml.ns import qn
from lxml import etree

from contractgen.document.model import Document
from contractgen.writers.docx import fields as f
from contractgen.writers.docx.body import BodyWriter
from contractgen.writers.docx.numbering import ListLinks, link_styles, numbering_xml
from contractgen.writers.docx.package import deterministic_zip
from contractgen.writers.docx.properties import core_properties, custom_properties, prune_package, settings
from contractgen.writers.docx.styles import apply_page_setup, apply_styles, load_style_sheet, style_sheet_key

SubElement = etree.SubElement


def render_docx(document: Document, template_dir: pathlib.Path) -> bytes:
    """Return the complete .docx bytes for a finished document model."""
    return write_docx(document, template_dir, lambda sheet, lists: BodyWriter(document, sheet, lists))


def write_docx(document: Document, template_dir: pathlib.Path, make_writer, properties: Document | None = None) -> bytes:
    """Return .docx bytes: the body printed by `make_writer(style sheet, list links)` (a BodyWriter), then the
    header, footer and properties; the custom properties come from `properties` (default: document)."""
    sheet = load_style_sheet(template_dir)
    lang = (document.locale or "en_GB").replace("_", "-")
    word = docx.Document(io.BytesIO(_base_docx(style_sheet_key(template_dir), lang)))
    section = word.sections[0]

    body = word.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for attr in [a for a in sect_pr.attrib if a.startswith(qn("w:rsid"))]:
        del sect_pr.attrib[attr]
    for child in list(body):
        body.remove(child)
    writer = make_writer(sheet, ListLinks.from_styles(word.styles.element))
    writer.cover(body)
    writer.contents(body)
    writer.page_break_pending = True
    for part in document.parts:
        writer.part(body, part)
    body.append(sect_pr)
    writer.finish(body)

    _headers_and_footers(section, document, sheet)
    core_properties(word, document)
    custom_properties(word, document if properties is None else properties)
    return deterministic_zip(_package_members(word.part.package))


@functools.lru_cache(maxsize=16)
def _base_docx(key: tuple, lang: str) -> bytes:
    """Return an empty, styled .docx for one style sheet and language (built once, cached)."""
    path = pathlib.Path(key[0])
    sheet = load_style_sheet(path.parent.parent)
    word = docx.Document()
    prune_package(word)
    apply_styles(word, sheet, lang)
    link_styles(word.styles.element, sheet)
    numbering = OpcPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, numbering_xml(sheet), word.part.package)
    word.part.relate_to(numbering, RT.NUMBERING)
    apply_page_setup(word.sections[0], sheet)
    settings(word)
    return deterministic_zip(_package_members(word.part.package))


def _package_members(package) -> dict[str, bytes]:
    """Return {zip member name: bytes} for a python-docx package, as its save() would write."""
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    members = {
        "[Content_Types].xml": _ContentTypesItem.from_parts(parts).blob,
        "_rels/.rels": package.rels.xml,
    }
    for part in parts:
        members[part.partname.membername] = part.blob
        if len(part.rels):
            members[part.partname.rels_uri.membername] = part.rels.xml
    return members




def _headers_and_footers(section, document: Document, sheet: dict) -> None:
    """Running header (title · reference, DRAFT), footer "Page X of Y"; a quiet cover page."""
    colours, font = sheet["colours"], sheet["fonts"]["body"]
    section.different_first_page_header_footer = True

    def draft_colour(rpr):
        SubElement(rpr, qn("w:color")).set(qn("w:val"), colours["draft"])

    hdr = _clear(section.header)
    p = f.paragraph(hdr, "Header")
    f.run(p, f"{document.title} \u00b7 {document.reference}")
    if document.draft:
        r = f.run(p)
        f.add_tab(r)
        f.run(p, "DRAFT", bold=True, rpr_extra=draft_colour)
        p.append(f.watermark_run("DRAFT", font, colours["watermark"], 1))

    first = _clear(section.first_page_header)
    p = f.paragraph(first, "Footer")
    if document.draft:
        p.append(f.watermark_run("DRAFT", font, colours["watermark"], 2))

    ftr = _clear(section.footer)
    p = f.paragraph(ftr, "Footer")
    f.run(p, "Page ")
    f.simple_field(p, "PAGE", "1")
    f.run(p, " of ")
    f.simple_field(p, "NUMPAGES", "1")
    f.paragraph(_clear(section.first_page_footer), "Footer")


def _clear(header_footer):
    """Unlink a header or footer from the previous section and empty it; return its element."""
    header_footer.is_linked_to_previous = False
    el = header_footer._element
    for child in list(el):
        el.remove(child)
    return el

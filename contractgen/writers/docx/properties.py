"""DOCX package parts around the body: pruned template parts, settings, core and custom properties.

Dates are fixed (writers/timestamp.py: SOURCE_DATE_EPOCH or the effective date) so the same inputs give the same bytes.
"""

from __future__ import annotations

import json

import datetime as dt

from lxml import etree

from contractgen.document.model import Document
from contractgen.writers.docx.wml import RT, qn
from contractgen.writers.timestamp import document_datetime

SubElement = etree.SubElement
DROP_PACKAGE_RELS = {RT.THUMBNAIL}
DROP_DOCUMENT_RELS = {
    RT.CUSTOM_XML,
    RT.NUMBERING,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
}
CUSTOM_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>contractgen</Application>"
    b"<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def prune_package(word, keep_numbering: bool = False) -> None:
    """Drop template parts a contract does not need (thumbnail, customXml ...; numbering.xml too
    unless `keep_numbering`: the one python-docx ships is replaced by the template's lists)."""
    from contractgen.writers.docx.oxml import drop_relationships, set_blob

    package = word.part.package
    drop_relationships(package, DROP_PACKAGE_RELS)
    set_blob(package, RT.EXTENDED_PROPERTIES, APP_XML)
    drop_relationships(word.part, [t for t in DROP_DOCUMENT_RELS if not (keep_numbering and t == RT.NUMBERING)])


def settings(word) -> None:
    """Drop revision ids, preview flags and w:updateFields (every field result is filled in, so
    Word opens the document without asking to update fields)."""
    settings = word.settings.element
    for tag in ("w:rsids", "w:savePreviewPicture", "w:proofState", "w:updateFields"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    compat = settings.find(qn("w:compat"))
    if compat is not None and compat.find(qn("w:doNotExpandShiftReturn")) is None:
        # a line break inside a justified paragraph must not stretch the line before it
        compat.insert(0, etree.Element(qn("w:doNotExpandShiftReturn")))


def core_values(document: Document) -> list[tuple[str, str | int | dt.datetime]]:
    """Return the core properties of a contract in the order they are set (python-docx's names);
    dates are fixed so output is reproducible."""
    when = document_datetime(document)
    names = " and ".join(p.name for p in document.parties)
    return [
        ("title", document.title),
        ("subject", f"Agreement between {names}" if names else document.title),
        ("keywords", f"{document.reference}, {document.template}" if document.template else document.reference),
        ("author", "contractgen"),
        ("comments", ""),
        ("category", ""),
        ("last_modified_by", ""),
        ("revision", 1),
        ("created", when),
        ("modified", when),
        ("last_printed", when),
    ]


def custom_properties_xml(document: Document) -> bytes:
    """Return docProps/custom.xml: the contract reference ("Reference", which a header can show with a
    DOCPROPERTY field) and every provenance key, as string properties."""
    root = etree.Element(qn_custom("Properties"), nsmap={None: CUSTOM_PROPS_NS, "vt": VT_NS})
    values = {**document.provenance, "Reference": document.reference}
    for pid, key in enumerate(sorted(values), start=2):
        value = values[key]
        if not isinstance(value, str):
            value = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
        prop = SubElement(root, qn_custom("property"), fmtid=CUSTOM_FMTID, pid=str(pid), name=str(key))
        SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def qn_custom(tag: str) -> str:
    """Return a Clark name in the custom-properties namespace."""
    return f"{{{CUSTOM_PROPS_NS}}}{tag}"

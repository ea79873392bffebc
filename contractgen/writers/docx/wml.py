"""WordprocessingML names without python-docx: namespaces, qualified names, part and relationship types.

The DOCX render path builds its XML with lxml alone (python-docx costs a fresh process about as
much as the rest of the writer); the names and the parser settings are python-docx's own, so XML
made here serialises exactly as python-docx would write it.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

NSMAP = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "dcterms": "http://purl.org/dc/terms/",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
# python-docx's parser: no blank text kept, no entities resolved
PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


class CT:
    """The content types the writer names (python-docx's CONTENT_TYPE values)."""

    OFC_CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
    OPC_CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
    OPC_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"
    WML_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    WML_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    WML_FOOTER = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
    WML_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
    WML_NUMBERING = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
    WML_SETTINGS = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
    WML_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
    XML = "application/xml"


class RT:
    """The relationship types the writer follows or adds (python-docx's RELATIONSHIP_TYPE values)."""

    _OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    COMMENTS = _OFFICE + "comments"
    CUSTOM_PROPERTIES = _OFFICE + "custom-properties"
    CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
    CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    EXTENDED_PROPERTIES = _OFFICE + "extended-properties"
    FOOTER = _OFFICE + "footer"
    HEADER = _OFFICE + "header"
    NUMBERING = _OFFICE + "numbering"
    OFFICE_DOCUMENT = _OFFICE + "officeDocument"
    STYLES = _OFFICE + "styles"
    THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


# the parts python-docx reads as XML and writes back serialised (the others it copies as bytes)
XML_PART_TYPES = frozenset(
    (
        CT.OPC_CORE_PROPERTIES,
        CT.WML_COMMENTS,
        CT.WML_DOCUMENT_MAIN,
        CT.WML_FOOTER,
        CT.WML_HEADER,
        CT.WML_NUMBERING,
        CT.WML_SETTINGS,
        CT.WML_STYLES,
    )
)


@lru_cache(maxsize=512)
def qn(tag: str) -> str:
    """Return the Clark name of a prefixed tag: qn("w:p") is "{http://...wordprocessingml/2006/main}p"."""
    prefix, local = tag.split(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def nsdecls(*prefixes: str) -> str:
    """Return the namespace declarations of `prefixes` for an XML string: 'xmlns:w="..."'."""
    return " ".join(f'xmlns:{prefix}="{NSMAP[prefix]}"' for prefix in prefixes)


def parse_xml(xml: str | bytes) -> etree._Element:
    """Parse an XML part or fragment as python-docx does."""
    return etree.fromstring(xml, PARSER)


def serialize(element: etree._Element) -> bytes:
    """Return an XML part's bytes as python-docx writes them (UTF-8, standalone declaration)."""
    return bytes(etree.tostring(element, encoding="UTF-8", standalone=True))

"""The package around the body with lxml alone: the writer's path, python-docx never imported.

`LxmlWord` opens the base document (writers/docx/opc.py) and does what the writer asked of
python-docx — headers and footers of the first section, Word comments, core and custom
properties — writing the XML python-docx 1.2 writes for them (its comment and run markup, its
order of core properties, the first free relationship id), so the bytes are the same
(tests/writers/test_docx_fast.py). A base document it does not handle the way python-docx would
(a running header inherited from nowhere, which python-docx makes a part for; a comments or
custom-properties part of its own; a property over python-docx's 255 characters) is printed
through python-docx (`can_print`, writers/docx/legacy.py).
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from contractgen.writers.docx.opc import PACKAGE, Package
from contractgen.writers.docx.wml import CT, NSMAP, RT, nsdecls, parse_xml, qn

COMMENTS_PART = "/word/comments.xml"
# python-docx's default comments part (docx/templates/default-comments.xml), namespaces in its order
COMMENTS_XML = (
    "<w:comments "
    + nsdecls("a", "pic", "r", "w", "wp")
    + ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main"'
    ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    ' xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"/>'
)
COMMENT_XML = (
    '<w:comment {ns} w:id="{id}" w:author=""><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr>'
    '<w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r></w:p></w:comment>'
)
# python-docx's core property names → the element each sets
CORE_ELEMENTS = {
    "title": "dc:title",
    "subject": "dc:subject",
    "keywords": "cp:keywords",
    "author": "dc:creator",
    "comments": "dc:description",
    "category": "cp:category",
    "last_modified_by": "cp:lastModifiedBy",
    "revision": "cp:revision",
    "created": "dcterms:created",
    "modified": "dcterms:modified",
    "last_printed": "cp:lastPrinted",
}
KINDS = ("default", "first", "even")  # w:headerReference/@w:type of python-docx's primary, first, even pages
W_ID, W_TYPE, W_RID = qn("w:id"), qn("w:type"), qn("r:id")


class LxmlWord:
    """A base document opened with lxml, with the operations the writer needs."""

    def __init__(self, data: bytes) -> None:
        self.package = Package(data)
        self.main = self.package.related(PACKAGE, RT.OFFICE_DOCUMENT)[0]
        self.root = self.package.element(self.main)
        self.body = self.root.find(qn("w:body"))
        styles = self.package.related(self.main, RT.STYLES)
        self.styles = self.package.element(styles[0]) if styles else None
        self.comments_root: etree._Element | None = None

    def can_print(self, draft: bool, notes: bool, core: list) -> bool:
        """Whether this base document prints as python-docx would print it (else the writer uses python-docx)."""
        if self.body is None or self.styles is None or not self.package.related(PACKAGE, RT.CORE_PROPERTIES):
            return False
        if self.package.related(PACKAGE, RT.CUSTOM_PROPERTIES):
            return False
        if notes and self.package.related(self.main, RT.COMMENTS):
            return False
        if any(isinstance(value, str) and len(value) > 255 for _, value in core):
            return False  # python-docx refuses it: the reference path says so
        if draft:
            section = self._section()
            kinds = ["default", "first"] if section is not None and self._title_page(section) else ["default"]
            if section is None or any(self._reference(section, "header", kind) is None for kind in kinds):
                return False
        return True

    def _section(self):
        found = self.root.xpath("./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr", namespaces={"w": NSMAP["w"]})
        return found[0] if found else None

    @staticmethod
    def _title_page(section) -> bool:
        title_pg = section.find(qn("w:titlePg"))
        if title_pg is None:
            return False
        return title_pg.get(qn("w:val"), "true").lower() not in ("false", "0", "off")

    def _reference(self, section, what: str, kind: str):
        """Return the element of the header or footer part `kind` of `section` refers to, or None (linked)."""
        found = [r for r in section.iterchildren(qn(f"w:{what}Reference")) if r.get(W_TYPE) == kind]
        if not found:
            return None
        rel = self.package.relationship(self.main, found[0].get(W_RID))
        return self.package.element(self.package.target(self.main, rel))

    def unlinked_headers_and_footers(self) -> list:
        """Return the elements of the first section's headers and footers that have their own part."""
        section = self._section()
        order = [("header", "default"), ("footer", "default"), ("header", "first"), ("footer", "first")]
        order += [("header", "even"), ("footer", "even")]
        found = [self._reference(section, what, kind) for what, kind in order] if section is not None else []
        return [el for el in found if el is not None]

    def running_headers(self) -> list:
        """Return the elements of the running header and, on a different first page, the first page's."""
        section = self._section()
        kinds = ["default", "first"] if self._title_page(section) else ["default"]
        return [self._reference(section, "header", kind) for kind in kinds]

    def add_comment(self, first_run, last_run, text: str, author: str, initials: str) -> None:
        """Add a comment of `author` on the runs from `first_run` to `last_run`, as python-docx's add_comment."""
        comments = self.comments_root
        if comments is None:
            comments = self.comments_root = parse_xml(COMMENTS_XML)
            self.package.add_part(self.main, COMMENTS_PART, CT.WML_COMMENTS, RT.COMMENTS, comments)
        used = [int(c.get(W_ID)) for c in comments.iterchildren(qn("w:comment"))]
        number = max(used, default=-1) + 1
        comment = parse_xml(COMMENT_XML.format(ns=nsdecls("w"), id=number))
        comments.append(comment)
        comment.set(qn("w:author"), author)
        comment.set(qn("w:initials"), initials)
        lines = text.split("\n")
        _run_with_text(comment[0], lines[0])
        for line in lines[1:]:  # python-docx's Comment.add_paragraph: in the comment text style
            p = etree.SubElement(comment, qn("w:p"))
            etree.SubElement(etree.SubElement(p, qn("w:pPr")), qn("w:pStyle")).set(qn("w:val"), "CommentText")
            if line:
                _run_with_text(p, line)
        first_run.addprevious(_element("w:commentRangeStart", number))
        reference = etree.Element(qn("w:r"))
        etree.SubElement(etree.SubElement(reference, qn("w:rPr")), qn("w:rStyle")).set(qn("w:val"), "CommentReference")
        reference.append(_element("w:commentReference", number))
        last_run.addnext(reference)
        last_run.addnext(_element("w:commentRangeEnd", number))

    def set_core_properties(self, values: list) -> None:
        """Set the core properties, (python-docx name, value) in order, as python-docx's setters do."""
        root = self.package.element(self.package.related(PACKAGE, RT.CORE_PROPERTIES)[0])
        for name, value in values:
            tag = qn(CORE_ELEMENTS[name])
            element = root.find(tag)
            if element is None:
                element = etree.SubElement(root, tag)
            if isinstance(value, dt.datetime):
                element.text = value.strftime("%Y-%m-%dT%H:%M:%SZ")
                if name in ("created", "modified"):
                    root.set(qn("xsi:foo"), "bar")  # python-docx's way to declare xsi on the root
                    element.set(qn("xsi:type"), "dcterms:W3CDTF")
                    del root.attrib[qn("xsi:foo")]
            else:
                element.text = str(value)

    def add_custom_properties(self, blob: bytes) -> None:
        """Add docProps/custom.xml."""
        self.package.add_part(PACKAGE, "/docProps/custom.xml", CT.OFC_CUSTOM_PROPERTIES, RT.CUSTOM_PROPERTIES, blob)

    def members(self) -> dict[str, bytes]:
        """Return the package's zip members as python-docx would save them."""
        return self.package.members()


def _element(tag: str, number: int):
    el = etree.Element(qn(tag))
    el.set(W_ID, str(number))
    return el


def _run_with_text(p, text: str) -> None:
    """Append a run holding `text` as python-docx's Run.text writes it (tabs, breaks, preserved spaces)."""
    r = etree.SubElement(p, qn("w:r"))
    pending: list[str] = []

    def flush() -> None:
        chunk = "".join(pending)
        pending.clear()
        if chunk:
            t = etree.SubElement(r, qn("w:t"))
            t.text = chunk
            if len(chunk.strip()) < len(chunk):
                t.set(qn("xml:space"), "preserve")

    for char in text:
        if char == "\t":
            flush()
            etree.SubElement(r, qn("w:tab"))
        elif char in "\r\n":
            flush()
            etree.SubElement(r, qn("w:br"))
        else:
            pending.append(char)
    flush()

"""A Word package read and written with lxml and zipfile alone, the way python-docx saves one.

The base document (writers/docx/reference.py) was itself saved by python-docx, so its members are
python-docx's serialisation; this module reads them, lets the writer change the XML parts and add
parts and relationships, and returns the members python-docx's save would write for the same
changes: every XML part (python-docx's part classes: document, styles, settings, numbering,
headers, footers, comments, core properties) parsed and serialised again, the other parts copied,
relationships in their order with a new one taking the first free rId, content types as Default
(rels, xml) and Override entries sorted by part name. tests/writers/test_docx_fast.py checks it
byte for byte against python-docx.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass

from lxml import etree

from contractgen.writers.docx.wml import CT, NSMAP, XML_PART_TYPES, parse_xml, serialize

# what python-docx writes as a Default entry (docx.opc.spec.default_content_types), the rest as Overrides
_DEFAULT_TYPES = {
    ("bin", "application/vnd.openxmlformats-officedocument.presentationml.printerSettings"),
    ("bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"),
    ("bin", "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"),
    ("bmp", "image/bmp"),
    ("emf", "image/x-emf"),
    ("fntdata", "application/x-fontdata"),
    ("gif", "image/gif"),
    ("jpe", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("jpg", "image/jpeg"),
    ("png", "image/png"),
    ("rels", CT.OPC_RELATIONSHIPS),
    ("tif", "image/tiff"),
    ("tiff", "image/tiff"),
    ("wdp", "image/vnd.ms-photo"),
    ("wmf", "image/x-wmf"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("xml", CT.XML),
}
_CT_NS, _PR_NS = NSMAP["ct"], NSMAP["pr"]
PACKAGE = "/"


@dataclass
class Relationship:
    """One relationship of a part (or of the package): its id, type and target as written."""

    rid: str
    reltype: str
    target: str
    external: bool = False


def _base_uri(partname: str) -> str:
    return posixpath.split(partname)[0]


def _rels_member(partname: str) -> str:
    if partname == PACKAGE:
        return "_rels/.rels"
    folder, name = posixpath.split(partname)
    return posixpath.join(folder, "_rels", f"{name}.rels")[1:]


class Package:
    """The parts of a .docx: XML parts as elements (parsed when first asked for), others as bytes."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        types = parse_xml(members["[Content_Types].xml"])
        defaults = {el.get("Extension").lower(): el.get("ContentType") for el in types.iter(f"{{{_CT_NS}}}Default")}
        overrides = {el.get("PartName"): el.get("ContentType") for el in types.iter(f"{{{_CT_NS}}}Override")}
        self.content_types: dict[str, str] = {}
        self.rels: dict[str, list[Relationship]] = {}
        self.blobs: dict[str, bytes] = {}
        self._xml: dict[str, etree._Element] = {}
        pending = [PACKAGE]
        while pending:  # the parts python-docx loads: those a relationship leads to, from the package down
            source = pending.pop()
            rels_xml = members.get(_rels_member(source))
            rels = []
            if rels_xml is not None:
                for el in parse_xml(rels_xml).iter(f"{{{_PR_NS}}}Relationship"):
                    rel = Relationship(
                        el.get("Id"), el.get("Type"), el.get("Target"), el.get("TargetMode") == "External"
                    )
                    rels.append(rel)
                    target = self.target(source, rel)
                    if not rel.external and target not in self.blobs:
                        self.blobs[target] = members[target[1:]]
                        ext = posixpath.splitext(target)[1][1:].lower()
                        self.content_types[target] = overrides.get(target) or defaults[ext]
                        pending.append(target)
            self.rels[source] = rels

    @staticmethod
    def target(source: str, rel: Relationship) -> str:
        """Return the part name a relationship of `source` leads to."""
        return posixpath.abspath(posixpath.join(_base_uri(source), rel.target))

    def related(self, source: str, reltype: str) -> list[str]:
        """Return the part names `source` relates to by `reltype`, in the order of its relationships."""
        return [self.target(source, r) for r in self.rels[source] if r.reltype == reltype and not r.external]

    def element(self, partname: str) -> etree._Element:
        """Return the root element of an XML part (changes to it are saved)."""
        if partname not in self._xml:
            self._xml[partname] = parse_xml(self.blobs[partname])
        return self._xml[partname]

    def relationship(self, source: str, rid: str) -> Relationship:
        """Return the relationship `rid` of `source`."""
        return next(r for r in self.rels[source] if r.rid == rid)

    def add_part(self, source: str, partname: str, content_type: str, reltype: str, content) -> str:
        """Add a part (bytes, or an element for an XML part) related from `source`; return the new rId."""
        if isinstance(content, bytes):
            self.blobs[partname] = content
        else:
            self.blobs[partname] = b""
            self._xml[partname] = content
        self.content_types[partname] = content_type
        self.rels.setdefault(partname, [])
        used = {r.rid for r in self.rels[source]}
        rid = next(f"rId{n}" for n in range(1, len(used) + 2) if f"rId{n}" not in used)
        self.rels[source].append(Relationship(rid, reltype, posixpath.relpath(partname, _base_uri(source))))
        return rid

    def members(self) -> dict[str, bytes]:
        """Return {zip member name: bytes} as python-docx's save writes this package."""
        members = {"[Content_Types].xml": self._content_types_xml(), "_rels/.rels": self._rels_xml(PACKAGE)}
        for partname, blob in self.blobs.items():
            if self.content_types[partname] in XML_PART_TYPES:
                blob = serialize(self.element(partname))
            members[partname[1:]] = blob
            if self.rels.get(partname):
                members[_rels_member(partname)] = self._rels_xml(partname)
        return members

    def _rels_xml(self, source: str) -> bytes:
        root = parse_xml(f'<Relationships xmlns="{_PR_NS}"/>')
        for rel in self.rels[source]:
            el = etree.SubElement(root, f"{{{_PR_NS}}}Relationship")
            el.set("Id", rel.rid)
            el.set("Type", rel.reltype)
            el.set("Target", rel.target)
            if rel.external:
                el.set("TargetMode", "External")
        return serialize(root)

    def _content_types_xml(self) -> bytes:
        defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
        overrides = {}
        for partname, content_type in self.content_types.items():
            ext = posixpath.splitext(partname)[1][1:]
            if (ext.lower(), content_type) in _DEFAULT_TYPES:
                defaults[ext.lower()] = content_type
            else:
                overrides[partname] = content_type
        root = parse_xml(f'<Types xmlns="{_CT_NS}"/>')
        for ext in sorted(defaults):
            el = etree.SubElement(root, f"{{{_CT_NS}}}Default")
            el.set("Extension", ext)
            el.set("ContentType", defaults[ext])
        for partname in sorted(overrides):
            el = etree.SubElement(root, f"{{{_CT_NS}}}Override")
            el.set("PartName", partname)
            el.set("ContentType", overrides[partname])
        return serialize(root)

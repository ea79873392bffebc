"""Every use of python-docx's internals in contractgen, in one module: its oxml layer (qualified names,
namespace declarations, XML parsed into its element classes, the properties element of a style), its
opc layer (package parts, content types, relationships, the members a save would write) and the
private attributes the writer reaches (a header's or footer's element, a part's blob).

python-docx is capped in pyproject.toml because of these; a new version is tried by changing only
this module (tests/writers/test_docx*.py check the package it writes). Its public API (Document,
styles, sections, core properties, Pt/Mm) is used where it is needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

__all__ = [
    "CT",
    "RT",
    "add_part",
    "drop_relationships",
    "element_of",
    "nsdecls",
    "package_members",
    "paragraph_properties",
    "parse_xml",
    "qn",
    "run_properties",
    "set_blob",
]


def element_of(proxy: Any) -> Any:
    """Return the XML element behind a python-docx proxy that does not expose it (a header, a footer)."""
    return proxy._element


def paragraph_properties(element: Any) -> Any:
    """Return a style's or paragraph's w:pPr element, made when it has none."""
    return element.get_or_add_pPr()


def run_properties(element: Any) -> Any:
    """Return a style's or run's w:rPr element, made when it has none."""
    return element.get_or_add_rPr()


def add_part(owner: Any, partname: str, content_type: str, blob: bytes, reltype: str) -> Any:
    """Add a part to the package of `owner` (a package or a part) and relate `owner` to it; return the part."""
    package = getattr(owner, "package", owner)
    part = Part(PackURI(partname), content_type, blob, package)
    owner.relate_to(part, reltype)
    return part


def drop_relationships(owner: Any, reltypes: Iterable[str]) -> None:
    """Remove every relationship of `owner` (a package or a part) whose type is one of `reltypes`."""
    dropped = set(reltypes)
    for rid, rel in list(owner.rels.items()):
        if rel.reltype in dropped:
            del owner.rels[rid]


def set_blob(owner: Any, reltype: str, blob: bytes) -> None:
    """Replace the bytes of the part `owner` relates to by `reltype` (a plain part python-docx keeps as bytes)."""
    for rel in owner.rels.values():
        if rel.reltype == reltype:
            rel.target_part._blob = blob


def package_members(package: Any) -> dict[str, bytes]:
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

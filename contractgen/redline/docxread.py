"""The reading of a DOCX contractgen rendered, as a counterparty returns it: parts, paragraphs and their two readings.

Each paragraph is placed in the cover, a signature block or the clause it belongs to (by our
bookmarks; by the clauses' headings where an editor renamed them), with our text (their deletions
kept, their insertions left out) and theirs.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from contractgen.errors import MarkupError
from contractgen.redline import places

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_INSERTED = {f"{{{W}}}ins", f"{{{W}}}moveTo"}
_DELETED = {f"{{{W}}}del", f"{{{W}}}moveFrom"}
MAX_PART = 50 * 1024 * 1024  # the most of one DOCX part read (a zip bomb is refused, not inflated)


def read_part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART:
        raise MarkupError(f"{name} is larger than {MAX_PART // (1024 * 1024)} MB")
    return archive.read(info)


def parse(data: bytes):
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))


def readings(p) -> tuple[str, str, set[str]]:
    """Return (our text, their text, the authors of its changes) of one w:p."""
    ours, theirs, authors = [], [], set()
    for node in p.iter(
        f"{{{W}}}t",
        f"{{{W}}}delText",
        f"{{{W}}}tab",
        f"{{{W}}}ins",
        f"{{{W}}}del",
        f"{{{W}}}moveFrom",
        f"{{{W}}}moveTo",
    ):
        if node.tag in _INSERTED | _DELETED:
            if node.get(f"{{{W}}}author"):
                authors.add(node.get(f"{{{W}}}author"))
            continue
        text = "\t" if node.tag == f"{{{W}}}tab" else (node.text or "")
        marks = {a.tag for a in node.iterancestors() if a.tag in _INSERTED | _DELETED}
        if not marks & _DELETED and node.tag != f"{{{W}}}delText":
            theirs.append(text)
        if not marks & _INSERTED:
            ours.append(text)
    return squash("".join(ours)), squash("".join(theirs)), authors


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Spot:
    """One paragraph of a file, placed: in a frame (the cover, a signature block) or in a clause."""

    p: Any
    frame: str = ""
    current: Any = None  # (part, clause)
    anchor: str = ""
    heading: bool = False
    position: int = -1  # its place among the clause's paragraphs
    cell: tuple[int, int, int] | None = None

    @property
    def key(self) -> str:
        """The frame or the clause it belongs to."""
        return self.frame or self.current[1].id


def spots(body: Any, clauses: dict[str, Any], paragraphs: dict[str, str], by_title: Any) -> Iterator[Spot]:
    """Place each paragraph of a file that is contract text (the contents left out)."""
    current, position = None, -1
    tables: list[Any] = []
    for p in body.iter(f"{{{W}}}p"):
        names = [b.get(f"{{{W}}}name") for b in p.iter(f"{{{W}}}bookmarkStart")]
        anchor = next((paragraphs[n] for n in names if n in paragraphs), "")
        if by_title is None:
            started = next((clauses[n] for n in names if n in clauses), None)
        else:
            started = by_title.heading(readings(p)[0])
        if started is not None:
            current, position, tables = started, -1, []
            yield Spot(p, current=current, anchor=anchor, heading=True)
            continue
        frame = places.frame_of(p, current is None)
        if frame:
            yield Spot(p, frame=frame)
        elif current is not None:
            before, after, _ = readings(p)
            if before or not after:
                position += 1  # a paragraph of ours; a paragraph only they wrote goes after the one before it
            yield Spot(p, current=current, anchor=anchor, position=position, cell=places.cell_of(p, tables))


def has_our_bookmarks(body: Any, clauses: dict[str, Any]) -> bool:
    """Whether the file still carries the clause bookmarks contractgen wrote (Google Docs renames them)."""
    return any(b.get(f"{{{W}}}name") in clauses for b in body.iter(f"{{{W}}}bookmarkStart"))


class TitleFinder:
    """Finds the clauses of a file without our bookmarks by their headings, in the contract's order.

    A heading is a paragraph whose words (ours: their insertions left out) are the next clause's
    title; a clause they deleted whole is stepped over (the next few titles are looked at too).
    """

    LOOK_AHEAD = 3

    def __init__(self, document: Any):
        self.order = list(document.iter_clauses())
        self.next = 0

    def heading(self, text: str) -> Any | None:
        """The (part, clause) this paragraph is the heading of, or None."""
        for index in range(self.next, min(self.next + self.LOOK_AHEAD, len(self.order))):
            if text and text == squash(self.order[index][1].title):
                self.next = index + 1
                return self.order[index]
        return None


def comments_of(archive: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    data = read_part(archive, "word/comments.xml")
    if data is None:
        return {}
    found = {}
    for comment in parse(data).iter(f"{{{W}}}comment"):
        text = squash("".join(t.text or "" for t in comment.iter(f"{{{W}}}t")))
        found[comment.get(f"{{{W}}}id")] = (comment.get(f"{{{W}}}author") or "", text)
    return found


def provenance_of(archive: zipfile.ZipFile) -> dict[str, str]:
    data = read_part(archive, "docProps/custom.xml")
    if data is None:
        return {}
    found = {}
    for prop in parse(data):
        value = next(iter(prop), None)
        found[prop.get("name") or ""] = (value.text or "") if value is not None else ""
    return found

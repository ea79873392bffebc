"""The contract laid out in parts: the layout's pages split where it starts a new page, one WeasyPrint
layout per part, each in whichever process runs it.

The layout marks each element that opens a part with ``data-pdf-part`` (the cover, the body's
sections that start on a new page, the drafting notes); an element without the mark belongs to
the part before it. The first part (cover and contents) is the *frame*: it is laid out last, in the
calling process, followed by one empty page for every page of the other parts, so its running
header and footer ("Page 7 of 60"), its watermark and its contents' page numbers are WeasyPrint's
own (``writers.pdf.furniture`` keeps its pages for reuse). The links, named destinations and outline
of the whole contract are WeasyPrint's too, written with the contract's PDF/A identity on blank
pages under the frame's. The other parts are laid out without page furniture, links, anchors or
bookmarks; their pages are placed over the frame's empty pages (``writers.pdf.assemble``). A
part's PDF depends on its own elements only, never on its page offset, so it can be laid out
anywhere and reused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MARK = "data-pdf-part"
# Laid out alone, a part draws no page furniture: the frame's empty pages carry it.
NO_FURNITURE = (
    "@page { "
    + " ".join(
        f"@{where} {{ content: none }}"
        for where in (
            "top-left-corner",
            "top-left",
            "top-center",
            "top-right",
            "top-right-corner",
            "bottom-left-corner",
            "bottom-left",
            "bottom-center",
            "bottom-right",
            "bottom-right-corner",
            "left-top",
            "left-middle",
            "left-bottom",
            "right-top",
            "right-middle",
            "right-bottom",
        )
    )
    + " }"
)


@dataclass
class PartPage:
    """What the frame needs of one laid-out page of a part: its size, name, links, anchors and bookmarks."""

    width: float
    height: float
    name: str
    links: list = field(default_factory=list)  # (kind, target, (x1, y1, x2, y2)) in CSS px
    anchors: dict = field(default_factory=dict)  # name -> (x1, y1, x2, y2) in CSS px
    bookmarks: list = field(default_factory=list)  # (level, label, (x, y), state)


@dataclass
class LaidOutPart:
    """A part's PDF (no furniture, links or outline) and the facts of its pages; a part laid out in chunks
    (``writers.pdf.flow``) has one PDF per chunk in `pieces` instead."""

    pdf: bytes
    pages: list[PartPage]
    pieces: list[bytes] = field(default_factory=list)

    def sources(self) -> list[bytes]:
        """Return the PDFs whose pages, in order, are the part's pages."""
        return self.pieces or [self.pdf]


def _local(tag) -> str:
    """Return an element's tag without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _slots(root):
    """Return (parent, element) for the body's elements in order, with <main>'s children in its place."""
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        return None, []
    slots = []
    for child in body:
        if _local(child.tag) == "main":
            slots.extend((child, grandchild) for grandchild in child)
        else:
            slots.append((body, child))
    return body, slots


def _part_of_slots(slots) -> list[int]:
    """Return each slot's part index (-1 before the first mark)."""
    index, parts = -1, []
    for _, element in slots:
        if element.get(MARK) is not None:
            index += 1
        parts.append(index)
    return parts


@dataclass
class Split:
    """The contract's HTML parsed once: the frame's WeasyPrint HTML (still whole) and each other part's markup."""

    frame: Any  # WeasyPrint's parsed HTML; prune_to_frame() leaves only part 0 in it
    body: Any
    markups: list[str]  # parts 1 … as standalone HTML pages
    pages: list = field(default_factory=list)  # the same pages as element trees (no need to parse them again)

    @property
    def count(self) -> int:
        """How many parts (the frame included); below 2 the contract is laid out whole."""
        return len(self.markups) + 1 if self.markups else 0


def split(html: str, base_url: str, url_fetcher) -> Split:
    """Parse the contract's HTML once and serialize each marked part after the first as its own page.

    A part's page keeps the <head>, the attributes of <html>, <body> and <main> and its own
    elements, serialized by ElementTree, so its markup is both what a worker lays out and what
    the part cache is keyed on.
    """
    from xml.etree import ElementTree

    from contractgen.writers.pdf import engine

    document = engine.parse(html, base_url, url_fetcher)
    root = document.etree_element
    body, slots = _slots(root)
    indexes = _part_of_slots(slots)
    count = max(indexes, default=-1) + 1
    if body is None or count < 2:
        return Split(document, body, [])
    head = next((child for child in root if _local(child.tag) == "head"), None)
    markups, pages = [], []
    for index in range(1, count):
        page = ElementTree.Element(root.tag, dict(root.attrib))
        if head is not None:
            page.append(head)
        part_body = ElementTree.SubElement(page, body.tag, dict(body.attrib))
        holders = {id(body): part_body}
        for (parent, element), part in zip(slots, indexes):
            if part != index:
                continue
            holder = holders.get(id(parent))
            if holder is None:
                holder = holders[id(parent)] = ElementTree.SubElement(part_body, parent.tag, dict(parent.attrib))
            holder.append(element)
        markups.append("<!DOCTYPE html>\n" + ElementTree.tostring(page, encoding="unicode", method="html"))
        pages.append(page)
    return Split(document, body, markups, pages)


def prune_to_frame(parts: Split) -> None:
    """Leave in the parsed HTML only the frame's elements (those of part 0 and before the first mark)."""
    _, slots = _slots(parts.frame.etree_element)
    for (parent, element), part in zip(slots, _part_of_slots(slots)):
        if part > 0:
            parent.remove(element)
    for child in list(parts.body):
        if _local(child.tag) == "main" and len(child) == 0:
            parts.body.remove(child)


def part_count(html: str) -> int:
    """Return how many parts the layout's HTML marks (0: lay it out whole)."""
    return split(html, "", None).count


@dataclass
class Kit:
    """What laying out a part needs from the writer: the shared fonts, the stylesheets, the base URL and fetcher.

    Forked workers inherit it as it is (never pickled).
    """

    font_config: object
    stylesheets: list
    base_url: str
    fetcher: object
    # writers.pdf.flow.lay_out_marked when the stylesheet lets a long part be laid out in chunks
    flow: Any = None
    identity: str = ""  # what besides its markup a part's PDF depends on (the cache keys name it)
    # {part key: (the contract's parsed HTML, the part's page as an element tree)}: laid out without parsing
    # its markup again (forked workers inherit it)
    trees: dict = field(default_factory=dict)


def lay_out_part(markup: str, key: str, kit: Kit) -> LaidOutPart:
    """Lay out one part's page alone (no furniture, links or outline) and return its PDF and page facts."""
    from contractgen.writers.pdf import engine

    tree = kit.trees.get(key)
    parsed = engine.with_root(*tree) if tree is not None else engine.parse(markup, kit.base_url, kit.fetcher)
    if kit.flow is not None:
        with engine.fetch_errors():
            chunked = kit.flow(parsed, key, kit)
        if chunked is not None:
            return chunked
    merged = engine.options(
        {
            "stylesheets": [*kit.stylesheets, no_furniture()],
            "pdf_identifier": key[:32].encode("ascii"),
            "uncompressed_pdf": False,
        }
    )
    with engine.fetch_errors():
        laid_out = engine.lay_out(parsed, kit.font_config, merged)
        engine.merge_leader_dots(laid_out)
        pages = [PartPage(*facts) for facts in engine.pages_facts(laid_out)]
        engine.forget_links(laid_out)  # the frame writes every link, anchor and bookmark of the contract
        pdf = engine.draw(laid_out, merged)
    return LaidOutPart(pdf, pages)


_NO_FURNITURE: list = []


def no_furniture():
    """Return the parsed NO_FURNITURE stylesheet (parsed once per process)."""
    if not _NO_FURNITURE:
        from contractgen.writers.pdf import engine

        _NO_FURNITURE.append(engine.stylesheet_text(NO_FURNITURE))
    return _NO_FURNITURE[0]


def add_frame_pages(body, parts: list[LaidOutPart]) -> None:
    """Append one empty page to the frame's body for every page of the other parts (named as they are)."""
    from xml.etree import ElementTree

    namespace = body.tag[: -len("body")]
    for part in parts:
        for page in part.pages:
            style = "break-before: page" + (f"; page: {page.name}" if page.name else "")
            ElementTree.SubElement(body, namespace + "div", {"style": style, "class": "pdf-part-page"})


def carry_part_facts(frame, parts: list[LaidOutPart]) -> None:
    """Give the frame's last pages the links, anchors and bookmarks of the part pages placed on them."""
    from contractgen.writers.pdf import engine

    placed = [page for part in parts for page in part.pages]
    first = engine.page_count(frame) - len(placed)
    engine.carry_facts(frame, first, [(page.links, page.anchors, page.bookmarks) for page in placed])

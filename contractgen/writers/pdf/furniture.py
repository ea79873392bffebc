"""The frame's pages drawn once and reused, and the contract's identity written over blank pages.

The frame (``writers.pdf.parts``) is the cover and contents followed by one empty page for every
page of the other parts, laid out so that WeasyPrint prints its own running head, "Page N of M",
watermark and contents page numbers. Its pages depend on the frame's markup, on the names and sizes
of the parts' pages and on the page each contents entry points to, and on nothing else: not on the
provenance, the attachments or where on a page a part's links and anchors fall. So they are drawn as
a PDF of their own (no links, outline, document information or attachments) and kept in the signed
part cache under exactly those inputs: after an edit that moves no contents entry to another page
and adds no page, the frame is not laid out again.

What changes with every build — the provenance in the document information, the attachments, the
links, named destinations and outline of every page, the PDF/A identity — is written by WeasyPrint
on a document of blank pages, one laid out per page name and repeated (``identity_pdf``); the join
(``writers.pdf.assemble``) draws the frame's pages and then the parts' pages over them. Cold, warm
and no cache go through the same steps, so they give the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from contractgen.errors import OutputError


def _local(tag) -> str:
    """Return an element's tag without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def frame_key(root, placed: list, identity: str) -> str:
    """Return the cache key of the frame's pages: its markup, the part pages' names and sizes, and the
    part page each of the frame's internal links points to (the contents' page numbers)."""
    from xml.etree import ElementTree

    from contractgen.writers.pdf.cache import content_key

    markup = ElementTree.tostring(root, encoding="unicode", method="html")
    targets = sorted(
        {
            str(element.get("href"))[1:]
            for element in root.iter()
            if isinstance(element.tag, str) and str(element.get("href", "")).startswith("#")
        }
    )
    where: dict[str, int] = {}
    for number, page in enumerate(placed):
        for anchor in page.anchors:
            where.setdefault(anchor, number)
    pages = [[page.name, page.width, page.height] for page in placed]
    return content_key(
        "contractgen PDF frame",
        identity,
        markup,
        json.dumps(pages),
        json.dumps({target: where.get(target, -1) for target in targets}, sort_keys=True),
    )


def frame_pages(parsed, kit, parts: list) -> Any:
    """Return the frame's pages (a LaidOutPart: its PDF and the facts of every page, the frame's own links,
    anchors and bookmarks included), from the part cache when its inputs are there, else laid out."""
    from contractgen.writers.pdf import cache, engine
    from contractgen.writers.pdf.parts import LaidOutPart, PartPage, carry_part_facts

    placed = [page for part in parts for page in part.pages]
    key = frame_key(parsed.etree_element, placed, kit.identity)
    found = cache.load(key)
    if found is not None:
        return found
    merged = engine.options(
        {"stylesheets": list(kit.stylesheets), "pdf_identifier": key[:32].encode("ascii"), "uncompressed_pdf": False}
    )
    with engine.fetch_errors():
        laid_out = engine.lay_out(parsed, kit.font_config, merged)
    first = engine.page_count(laid_out) - len(placed)
    if first < 1:
        raise OutputError("the PDF's frame has fewer pages than the parts it carries")
    for number, page in enumerate(placed):
        width, height = engine.page_size(laid_out, first + number)
        if abs(width - page.width) > 0.01 or abs(height - page.height) > 0.01:
            raise OutputError(f"part page {number + 1} is {page.width}×{page.height}, its frame page {width}×{height}")
    carry_part_facts(laid_out, parts)  # the anchors the contents' page numbers are read from
    engine.fill_contents_page_numbers(laid_out)
    engine.merge_leader_dots(laid_out)
    facts = engine.pages_facts(laid_out)
    own = [PartPage(*page) for page in facts[:first]]
    # a part page's facts stay the part's: the frame keeps only its name and size
    pages = own + [PartPage(width, height, name) for width, height, name, *_ in facts[first:]]
    engine.forget_links(laid_out)
    drawn = LaidOutPart(engine.draw(laid_out, merged), plain(pages))
    cache.store(key, drawn)
    return drawn


def plain(pages: list) -> list:
    """Return page facts as the part cache reads them back (floats, tuples), so a cold render prints what a warm one does."""
    from contractgen.writers.pdf.parts import PartPage

    return [
        PartPage(
            width=float(page.width),
            height=float(page.height),
            name=str(page.name),
            links=[(str(kind), str(target), tuple(map(float, rect))) for kind, target, rect in page.links],
            anchors={str(name): tuple(map(float, where)) for name, where in page.anchors.items()},
            bookmarks=[
                (int(level), str(label), tuple(map(float, point)), str(state))
                for level, label, point, state in page.bookmarks
            ],
        )
        for page in pages
    ]


def blank_root(root, names: list[str]):
    """Return a page with the contract's <html> and <head> and one empty page per name in `names`."""
    from xml.etree import ElementTree

    blank = ElementTree.Element(root.tag, dict(root.attrib))
    head = next((child for child in root if _local(child.tag) == "head"), None)
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if head is not None:
        blank.append(head)
    namespace = root.tag[: -len("html")] if _local(root.tag) == "html" else ""
    holder = ElementTree.SubElement(blank, body.tag if body is not None else namespace + "body")
    for number, name in enumerate(names):
        style = "; ".join(
            [*(["break-before: page"] if number else []), *([f"page: {name}"] if name else []), "margin: 0"]
        )
        ElementTree.SubElement(holder, namespace + "div", {"style": style})
    return blank


def identity_pdf(parsed, kit, pages: list, settings: dict) -> bytes:
    """Return the contract's PDF of blank pages (`pages`: every page's size, name, links, anchors and bookmarks)
    with its identity: PDF/A metadata, document information, attachments, named destinations and outline.

    One blank page is laid out per page name and repeated: a blank page draws no more than its
    background, and its size is checked against the page it stands for.
    """
    from contractgen.writers.pdf import engine
    from contractgen.writers.pdf.parts import no_furniture

    names = list(dict.fromkeys(page.name for page in pages))
    document = engine.with_root(parsed, blank_root(parsed.etree_element, names))
    merged = engine.options({**settings, "stylesheets": [*kit.stylesheets, no_furniture()]})
    with engine.fetch_errors():
        laid_out = engine.lay_out(document, kit.font_config, merged)
    if engine.page_count(laid_out) != len(names):
        raise OutputError("a blank page of the PDF's frame did not lay out as one page")
    for number, page in enumerate(pages):
        width, height = engine.page_size(laid_out, names.index(page.name))
        if abs(width - page.width) > 0.01 or abs(height - page.height) > 0.01:
            raise OutputError(f"page {number + 1} is {page.width}×{page.height}, its blank page {width}×{height}")
    whole = engine.repeated_pages(laid_out, [names.index(page.name) for page in pages])
    engine.carry_facts(whole, 0, [(page.links, page.anchors, page.bookmarks) for page in pages])
    return engine.draw(whole, merged)

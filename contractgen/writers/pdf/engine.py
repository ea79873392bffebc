"""Every use of WeasyPrint in contractgen, in one module: its API (HTML, CSS, fonts, URL fetching,
attachments, options, the PDF info dictionary through pydyf) and the internals of its laid-out
document that the writer edits between layout and drawing (page boxes, text boxes, line shaping).

WeasyPrint is capped in pyproject.toml because of these internals; a new version is tried here
(tests/writers/test_pdf.py lays out and checks both edits). Nothing here decides what a contract
says: writers/pdf/writer.py decides which files may be fetched and what the PDF carries. WeasyPrint
is imported inside the functions, so a DOCX-only render never loads it.

The two edits of the laid-out document:

Dot leaders drawn as one run of text per line instead of one text box per dot.

WeasyPrint fills a ``leader()`` with a copy of the leader text for every position on the line
(about eighty text boxes per contents entry), and each copy is drawn as its own text object:
the contents pages cost three times a body page and doubled the PDF's text objects. The copies
sit on a grid of the leader text's width, so one text box holding the leader text repeated,
placed at the leftmost copy, puts every dot where it was. This runs on the laid-out document
before it is drawn; any box that is not exactly such a row of copies is left as it is.

The contents' page numbers, filled in from the first layout pass (no second pass).

With ``target-counter()`` WeasyPrint lays the contents out before it knows where the clauses
land, then lays the contents pages out again (twice, for the reference contract) once it does.
Instead the stylesheet prints a placeholder (:data:`PLACEHOLDER`, as wide as three digits) after
each entry's leader; when the whole document is laid out, each placeholder becomes the number of
the page its link points to, moved right so that it ends where the placeholder ended, and the
leader gets the dots of the room it leaves. The numbers are right-aligned and a page number is
never wider than the placeholder, so the lines break exactly as with the real numbers.
"""

from __future__ import annotations

import os

import io
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from contractgen.errors import ContractgenError, OutputError, UnsafeResourceError

Serve = Callable[[str], tuple[str, bytes, str]]  # url -> (final url, bytes, media type), or raises


def version() -> str:
    """Return the WeasyPrint version (it goes into the PDF identifier and the lock)."""
    import weasyprint

    return str(weasyprint.__version__)


def text_libraries() -> str:
    """Return the versions of the system libraries that shape and lay out text (Pango, and the loaded
    HarfBuzz, fontconfig and FreeType files where the system lists them): a cached PDF names them."""
    from weasyprint.text.ffi import pango

    found = [f"pango {pango.pango_version()}"]
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            files = {line.split()[-1] for line in maps if "/lib" in line}
    except OSError:
        files = set()
    names = ("libharfbuzz", "libfontconfig", "libfreetype", "libpango")
    found += sorted(os.path.realpath(path) for path in files if os.path.basename(path).startswith(names))
    return "\n".join(found)


def url_fetcher(serve: Serve) -> Any:
    """Return a WeasyPrint URL fetcher that answers every URL with `serve` and stops the render on any failure."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ServingFetcher(URLFetcher):
        """Fetches through `serve` only: no network, no redirects; an error stops the render (fail_on_errors)."""

        def __init__(self) -> None:
            super().__init__(fail_on_errors=True, allowed_protocols=("file",), allow_redirects=False)

        def fetch(self, url, headers=None):
            """Return what `serve` gives for `url` as WeasyPrint's response."""
            final, data, mime = serve(url)
            return URLFetcherResponse(final, data, {"Content-Type": mime})

    return ServingFetcher()


def font_configuration() -> Any:
    """Return a new WeasyPrint FontConfiguration (shared by every stylesheet of a template)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def stylesheet(text: str, base_url: str, fetcher: Any, font_config: Any) -> Any:
    """Return a parsed WeasyPrint stylesheet."""
    from weasyprint import CSS

    return CSS(string=text, base_url=base_url, url_fetcher=fetcher, font_config=font_config)


def attachment(name: str, data: bytes, when: datetime, description: str) -> Any:
    """Return an embedded file for write_pdf's `attachments`, dated `when` (so the bytes stay deterministic)."""
    from weasyprint import Attachment

    return Attachment(file_obj=io.BytesIO(data), name=name, created=when, modified=when, description=description)


def info_finisher(info: dict[str, str]) -> Callable[[Any, Any], None]:
    """Return a write_pdf finisher that writes `info` into the PDF's document information dictionary."""

    def finisher(_document: Any, pdf: Any) -> None:
        import pydyf

        for key, value in info.items():
            pdf.info[key] = pydyf.String(value)

    return finisher


def typeset(html: str, base_url: str, fetcher: Any, font_config: Any, settings: dict[str, Any]) -> bytes:
    """Lay out and draw one HTML page as PDF bytes, filling the contents' page numbers and merging leader dots.

    `settings`: write_pdf options over WeasyPrint's defaults (stylesheets, pdf_identifier, pdf_variant,
    finisher, attachments …). A fetch refused by the fetcher stops the render with its own error.
    """
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    options = dict(weasyprint.DEFAULT_OPTIONS)
    options.update(settings)
    finisher = options.pop("finisher", None)
    try:
        # HTML.write_pdf is render() then Document.write_pdf(); between the two, the laid-out boxes are edited
        parser_regexes_kept()
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
            font_config=font_config, **options
        )
        fill_contents_page_numbers(document)
        merge_leader_dots(document)
        return bytes(document.write_pdf(finisher=finisher, **{k: options[k] for k in weasyprint.DEFAULT_OPTIONS}))
    except FatalURLFetchingError as exc:
        cause = exc.__cause__
        if isinstance(cause, ContractgenError):
            raise cause from None
        raise UnsafeResourceError(str(exc)) from cause


# ------------------------------------------------------------ parts: laid out alone, joined by the frame


@contextmanager
def fetch_errors():
    """Within the block, a fetch the fetcher refused stops the render with the fetcher's own error."""
    from weasyprint.urls import FatalURLFetchingError

    try:
        yield
    except FatalURLFetchingError as exc:
        cause = exc.__cause__
        if isinstance(cause, ContractgenError):
            raise cause from None
        raise UnsafeResourceError(str(exc)) from cause


def parse(html: str, base_url: str, fetcher: Any) -> Any:
    """Return WeasyPrint's parsed HTML (its element tree is `.etree_element`, an ElementTree root)."""
    import weasyprint

    parser_regexes_kept()
    return weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)


class _RegexesByCharacters(dict):
    """tinyhtml5's cache of the regular expressions its tokenizer scans text with, filled on a miss."""

    def __missing__(self, key):
        import re

        characters, opposite = key
        pattern = "".join([f"\\x{ord(character):02x}" for character in characters])
        compiled = self[key] = re.compile(f"[{pattern if opposite else '^' + pattern}]+")
        return compiled


def parser_regexes_kept() -> None:
    """Make tinyhtml5 (WeasyPrint's HTML parser) keep the expressions it scans text with.

    Its ``chars_until`` stores each expression under the expression itself instead of the characters
    it was made from (a chained assignment), so it built and looked one up again for every run of
    text: two fifths of parsing a contract's HTML. A cache that fills itself on a miss is found
    before that code runs; the expressions, and so the parsed tree, are the same.
    """
    try:
        from tinyhtml5 import inputstream
    except ImportError:  # another parser: nothing to mend
        return
    if type(getattr(inputstream, "characters_until_regex", None)) is dict:
        inputstream.characters_until_regex = _RegexesByCharacters()


def rewrap(parsed: Any) -> None:
    """Let WeasyPrint see the parsed HTML's element tree again after it was edited."""
    parsed.wrapper_element = type(parsed.wrapper_element).from_html_root(parsed.etree_element)


def options(settings: dict[str, Any]) -> dict[str, Any]:
    """Return WeasyPrint's default write_pdf options with `settings` over them."""
    import weasyprint

    merged = dict(weasyprint.DEFAULT_OPTIONS)
    merged.update(settings)
    return merged


def lay_out(parsed: Any, font_config: Any, merged: dict[str, Any]) -> Any:
    """Lay parsed HTML out (`merged`: options()); return WeasyPrint's laid-out document."""
    return parsed.render(font_config=font_config, **{k: v for k, v in merged.items() if k != "finisher"})


def draw(document: Any, merged: dict[str, Any]) -> bytes:
    """Draw a laid-out document as PDF bytes with `merged` options (its finisher included)."""
    import weasyprint

    return bytes(
        document.write_pdf(finisher=merged.get("finisher"), **{k: merged[k] for k in weasyprint.DEFAULT_OPTIONS})
    )


def stylesheet_text(text: str) -> Any:
    """Return a parsed stylesheet of fixed text (no URLs, no fonts)."""
    from weasyprint import CSS

    return CSS(string=text)


def pages_facts(document: Any) -> list[tuple]:
    """Return (width, height, page name, links, anchors, bookmarks) of each laid-out page, as plain data."""
    return [
        (
            page.width,
            page.height,
            page._page_box.page_type.name or "",
            [(kind, target, tuple(rect)) for kind, target, rect, _ in page.links],
            {name: tuple(where) for name, where in page.anchors.items()},
            [(level, label, tuple(point), state) for level, label, point, state in page.bookmarks],
        )
        for page in document.pages
    ]


def forget_links(document: Any) -> None:
    """Drop every link, anchor and bookmark of a laid-out document (another document writes them)."""
    for page in document.pages:
        page.links, page.anchors, page.bookmarks = [], {}, []


class _LinkBox:
    """Stands for a link's box when a link laid out in another document is written on this one's page."""

    link_annotation = None


def carry_facts(document: Any, first: int, facts: list[tuple[list, dict, list]]) -> None:
    """Give the pages from `first` on the (links, anchors, bookmarks) of pages laid out elsewhere (same sizes)."""
    for page, (links, anchors, bookmarks) in zip(document.pages[first:], facts):
        page.links = [(kind, target, rect, _LinkBox()) for kind, target, rect in links]
        page.anchors = dict(anchors)
        page.bookmarks = list(bookmarks)


def page_count(document: Any) -> int:
    """Return how many pages a laid-out document has."""
    return len(document.pages)


def page_size(document: Any, index: int) -> tuple[float, float]:
    """Return (width, height) of one laid-out page."""
    page = document.pages[index]
    return page.width, page.height


def _retext(box: Any, text: str) -> Any:
    """Return a copy of a laid-out text box holding `text`, shaped in the box's style (its width measured)."""
    from weasyprint.text.line_break import split_first_line

    layout, _, _, width, _, _ = split_first_line(text, box.style, None, None, 0)
    copy = box.copy_with_text(text)
    copy.pango_layout, copy.width = layout, width
    return copy


# ------------------------------------------------------------ dot leaders: one text box per line


def _leader_boxes(box, leader_cls):
    """Yield every leader box in a laid-out box tree."""
    stack = [box]
    while stack:
        box = stack.pop()
        if getattr(box, "is_leader", False):
            yield box
        elif isinstance(box, leader_cls):
            stack.extend(reversed(box.children))


def merge_leader_dots(document) -> int:
    """Replace each leader's row of text-box copies by one text box; return how many were merged."""
    from weasyprint.formatting_structure import boxes

    merged = 0
    for page in document.pages:
        for leader in _leader_boxes(page._page_box, boxes.ParentBox):
            copies = leader.children
            if len(copies) < 2 or not all(type(c) is boxes.TextBox for c in copies):
                continue
            first = min(copies, key=lambda c: c.position_x)
            unit = first.text
            if any(c.text != unit or c.style is not first.style or c.width != first.width for c in copies):
                continue
            steps = sorted(round(c.position_x - first.position_x, 6) for c in copies)
            if steps != [round(i * first.width, 6) for i in range(len(copies))]:
                continue  # not one unbroken row on the leader's grid
            row = _retext(first, unit * len(copies))
            if abs(row.width - first.width * len(copies)) > 1e-3:
                continue  # shaping the run would move the dots: keep the copies
            leader.children = (row,)
            merged += 1
    return merged


# ------------------------------------------------------------ the contents' page numbers, from one layout pass

PLACEHOLDER = "\u2007\u2007\u2007"  # three figure spaces: as wide as the widest page number printed (999)


def _page_of_anchor(document) -> dict[str, int]:
    """Return {anchor: page number} for the laid-out document (the page counter is never reset)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def _entries(root, parent_cls, text_cls):
    """Yield (box, index of the placeholder, leader, link target) for every contents entry in a page."""
    stack = [root]
    while stack:
        box = stack.pop()
        if not isinstance(box, parent_cls):
            continue
        children = box.children
        for i, child in enumerate(children[:-1]):
            following = children[i + 1]
            if (
                getattr(child, "is_leader", False)
                and type(following) is text_cls
                and following.text.endswith(PLACEHOLDER)
                and box.element is not None
            ):
                href = box.element.get("href", "")
                if href.startswith("#"):
                    yield box, i + 1, child, href[1:]
        stack.extend(reversed(children))


def fill_contents_page_numbers(document) -> int:
    """Replace each contents placeholder by its target's page number; return how many were filled."""
    from weasyprint.formatting_structure import boxes

    pages = _page_of_anchor(document)
    filled = 0
    for page in document.pages:
        for box, index, leader, anchor in list(_entries(page._page_box, boxes.ParentBox, boxes.TextBox)):
            if anchor not in pages:
                raise OutputError(f"the contents link to #{anchor}, which is not in the document")
            placeholder = box.children[index]
            text = placeholder.text[: -len(PLACEHOLDER)] + str(pages[anchor])
            number = _retext(placeholder, text)
            width = number.width
            shift = placeholder.width - width  # right-aligned: the number ends where the placeholder did
            number.position_x += shift
            _widen_leader(leader, shift)
            box.children = (*box.children[:index], number, *box.children[index + 1 :])
            filled += 1
    return filled


def _widen_leader(leader, extra: float) -> None:
    """Give a laid-out leader `extra` points more on its right and add the dots that now fit."""
    if extra <= 0:
        return
    end = leader.position_x + leader.width + extra
    leader.width += extra
    copies = list(leader.children)
    if not copies:
        return
    last = max(copies, key=lambda c: c.position_x)
    while last.position_x + 2 * last.width <= end + 1e-6:  # WeasyPrint's rule: whole copies on its grid
        following = last.copy()
        following.position_x = last.position_x + last.width
        copies.append(following)
        last = following
    leader.children = tuple(copies)


# ------------------------------------------------------------ a part laid out in pieces (writers/pdf/flow.py)


def with_root(parsed: Any, root: Any) -> Any:
    """Return a copy of parsed HTML whose element tree is `root` (elements may be shared with the original)."""
    import copy

    other = copy.copy(parsed)
    other.etree_element = root
    rewrap(other)
    return other


def pages_elements(document: Any, index: dict[int, int]) -> list[tuple[int, int] | None]:
    """Return for each laid-out page the lowest and highest number `index` ({id(element): number}) gives the
    elements it holds boxes of (None: none), not looking inside the boxes of those elements."""
    found: list[tuple[int, int] | None] = []
    for page in document.pages:
        numbers = []
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            number = index.get(id(getattr(box, "element", None)))
            if number is not None:
                numbers.append(number)
                continue
            stack.extend(getattr(box, "children", None) or ())
        found.append((min(numbers), max(numbers)) if numbers else None)
    return found


def repeated_pages(document: Any, order: list[int]) -> Any:
    """Return a laid-out document of the pages at `order` (one may repeat), each with no links, anchors or bookmarks."""
    import copy

    pages = []
    for index in order:
        page = copy.copy(document.pages[index])
        page.links, page.anchors, page.bookmarks, page.forms = [], {}, [], {None: []}
        pages.append(page)
    return document.copy(pages)


def draw_pages(document: Any, start: int, stop: int, merged: dict[str, Any]) -> bytes:
    """Draw pages start … stop-1 of a laid-out document as a PDF of their own."""
    return draw(document.copy(document.pages[start:stop]), merged)

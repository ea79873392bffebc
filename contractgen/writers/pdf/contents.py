"""The contents' page numbers, filled in from the first layout pass (no second pass).

With ``target-counter()`` WeasyPrint lays the contents out before it knows where the clauses
land, then lays the contents pages out again (twice, for the reference contract) once it does.
Instead the stylesheet prints a placeholder (:data:`PLACEHOLDER`, as wide as three digits) after
each entry's leader; when the whole document is laid out, each placeholder becomes the number of
the page its link points to, moved right so that it ends where the placeholder ended, and the
leader gets the dots of the room it leaves. The numbers are right-aligned and a page number is
never wider than the placeholder, so the lines break exactly as with the real numbers.
"""

from __future__ import annotations

from contractgen.errors import OutputError

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
    from weasyprint.text.line_break import split_first_line

    pages = _page_of_anchor(document)
    filled = 0
    for page in document.pages:
        for box, index, leader, anchor in list(_entries(page._page_box, boxes.ParentBox, boxes.TextBox)):
            if anchor not in pages:
                raise OutputError(f"the contents link to #{anchor}, which is not in the document")
            placeholder = box.children[index]
            text = placeholder.text[: -len(PLACEHOLDER)] + str(pages[anchor])
            layout, _, _, width, _, _ = split_first_line(text, placeholder.style, None, None, 0)
            number = placeholder.copy_with_text(text)
            number.pango_layout, number.width = layout, width
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

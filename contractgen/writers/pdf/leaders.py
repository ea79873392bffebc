"""Dot leaders drawn as one run of text per line instead of one text box per dot.

WeasyPrint fills a ``leader()`` with a copy of the leader text for every position on the line
(about eighty text boxes per contents entry), and each copy is drawn as its own text object:
the contents pages cost three times a body page and doubled the PDF's text objects. The copies
sit on a grid of the leader text's width, so one text box holding the leader text repeated,
placed at the leftmost copy, puts every dot where it was. This runs on the laid-out document
before it is drawn; any box that is not exactly such a row of copies is left as it is.
"""

from __future__ import annotations


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
    from weasyprint.text.line_break import split_first_line

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
            text = unit * len(copies)
            layout, _, _, width, _, _ = split_first_line(text, first.style, None, None, 0)
            if abs(width - first.width * len(copies)) > 1e-3:
                continue  # shaping the run would move the dots: keep the copies
            row = first.copy_with_text(text)
            row.pango_layout = layout
            row.width = width
            leader.children = (row,)
            merged += 1
    return merged

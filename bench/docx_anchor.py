"""The docxtpl anchor with the same text as our contract: a plain Word template of every paragraph
and table row of contractgen's DOCX of the reference deal, with the deal's values as placeholders.

This is how a team that fills Word templates would hold the contract: one Word file with the whole
text typed in, deal values as ``{{ placeholders }}``. The template is made once (untimed) by walking
the body of our DOCX in order (paragraphs, tables with every row and cell, content controls opened)
into a fresh python-docx document with the default styles, so it carries exactly our text and
nothing of our machinery (no numbering definitions, fields, bookmarks or custom styles). Setup
checks that docxtpl's output has the same text, paragraph by paragraph, as our DOCX.
"""

from __future__ import annotations

import io
import re

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^(?:Heading|heading)\s*(\d)$")


def _paragraph_text(p) -> str:
    """Return a w:p's visible text, tabs and breaks as characters python-docx writes back."""
    out = []
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "delText"):
        if node.tag == _W + "t":
            out.append(node.text or "")
        elif node.tag == _W + "tab":
            out.append("\t")
        elif node.tag == _W + "br":
            out.append("\n")
    return "".join(out)


def _body_items(element):
    """Yield the body's paragraphs and tables in reading order, content controls opened."""
    for child in element:
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _body_items(content)


def _style_name(p, styles: dict[str, str]) -> str | None:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    name = styles.get(style.get(_W + "val"), "") if style is not None else ""
    level = _HEADING.match(name)
    if name == "Title":
        return "Title"
    return f"Heading {level.group(1)}" if level and int(level.group(1)) <= 3 else None


def same_text_template(our_docx: bytes, values: dict[str, str]) -> tuple[bytes, dict]:
    """Return (template bytes, counts) holding our DOCX's body text with `values` as placeholders."""
    import docx

    ours = docx.Document(io.BytesIO(our_docx))
    styles = {s.style_id: s.name for s in ours.styles}
    order = sorted(values.items(), key=lambda kv: -len(kv[1]))
    pattern = re.compile("|".join(re.escape(v) for _, v in order))
    by_text = {v: k for k, v in order}
    counts = {"paragraphs": 0, "tables": 0, "table_rows": 0, "placeholders": 0}

    def placeholders(text: str) -> str:
        text, n = pattern.subn(lambda m: "{{ " + by_text[m.group(0)] + " }}", text)
        counts["placeholders"] += n
        return text

    word = docx.Document()
    for item in _body_items(ours.element.body):
        if item.tag == _W + "p":
            word.add_paragraph(placeholders(_paragraph_text(item)), _style_name(item, styles))
            counts["paragraphs"] += 1
            continue
        rows = item.findall(_W + "tr")
        width = max(len(r.findall(_W + "tc")) for r in rows)
        table = word.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        counts["tables"] += 1
        counts["table_rows"] += len(rows)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row.findall(_W + "tc")):
                target = table.rows[r].cells[c]
                texts = [placeholders(_paragraph_text(p)) for p in cell.iter(_W + "p")] or [""]
                target.paragraphs[0].text = texts[0]
                for text in texts[1:]:
                    target.add_paragraph(text)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue(), counts


def body_lines(data: bytes) -> list[str]:
    """Return the non-empty paragraph texts of a .docx body in order (table cells included)."""
    import docx

    word = docx.Document(io.BytesIO(data))
    lines = []
    for p in word.element.body.iter(_W + "p"):
        text = "".join(t.text or "" for t in p.iter(_W + "t"))
        if text:
            lines.append(text)
    return lines
